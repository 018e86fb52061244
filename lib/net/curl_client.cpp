
#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "atip_version.hpp"
#include "lib/net/curl_api.hpp"
#include "lib/net/http.hpp"
#include "lib/net/transfer.hpp"
#include "lib/net/url_parts.hpp"
#include "lib/util/error.hpp"

namespace atip::net {
namespace {

struct MultiDeleter {
  void operator()(CURLM* multi) const { curl().multi_cleanup(multi); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

MultiHandle make_multi(const Options& options) {
  MultiHandle multi(curl().multi_init());
  if (!multi) throw Error("cannot create a libcurl multi handle");
  curl().multi_setopt(multi.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl().multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options.max_parallel));
  curl().multi_setopt(multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(options.max_per_host));
  return multi;
}

Response failed(const Request& request, std::string error) {
  Response response;
  response.tag = request.tag;
  response.url = request.url;
  response.error = std::move(error);
  return response;
}

// The state of one fetch_all call. Transfers are started from a queue as slots free up, so
// 500 feeds never become 500 sockets, and at most max_per_host of them talk to one host: the
// limit is applied here rather than left to libcurl, whose pending transfers would spend their
// time-out waiting for a connection.
class Batch {
 public:
  Batch(const std::vector<Request>& requests, const Options& options,
        const std::function<void(Response&&)>& on_done, const std::atomic<bool>& cancelled)
      : requests_(requests),
        cancelled_(cancelled),
        options_(options),
        on_done_(on_done),
        user_agent_(options.user_agent.empty() ? default_user_agent() : options.user_agent),
        multi_(make_multi(options)) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      queue_.push_back(i);
      request_hosts_.push_back(url_host(requests[i].url));  // parsed once, checked often
    }
  }

  CURLM* multi() const { return multi_.get(); }

  // Returns when every request has completed, or soon after a cancel: the destructor then
  // abandons the transfers still running.
  void run() {
    while ((!queue_.empty() || !running_.empty()) && !cancelled_) {
      start_ready();
      int still_running = 0;
      check(curl().multi_perform(multi_.get(), &still_running));
      collect_done();
      if (!running_.empty()) check(curl().multi_poll(multi_.get(), nullptr, 0, 1000, nullptr));
    }
  }

 private:
  // A failing multi handle (out of memory, a libcurl bug) would fail every transfer; rather than
  // spin, end the run with an environment error. The destructor cleans up the transfers.
  static void check(CURLMcode code) {
    if (code != CURLM_OK) throw Error(std::string("libcurl: ") + curl().multi_strerror(code));
  }

  struct Running {
    std::unique_ptr<Transfer> transfer;
    std::string host;
  };

  void start_ready() {
    const auto limit = static_cast<std::size_t>(std::max(1, options_.max_parallel));
    const int per_host = std::max(1, options_.max_per_host);
    for (auto it = queue_.begin(); it != queue_.end() && running_.size() < limit && !cancelled_;) {
      const std::string& host = request_hosts_[*it];
      if (!host.empty() && hosts_[host] >= per_host) {
        ++it;
        continue;
      }
      std::size_t index = *it;
      it = queue_.erase(it);
      start(requests_[index], host);
    }
  }

  // Requests that cannot be fetched fail here, before any I/O.
  void start(const Request& request, std::string host) {
    std::string scheme = url_scheme(request.url);
    if (scheme != "http" && scheme != "https") {
      on_done_(failed(request, scheme.empty() ? "URL without a scheme"
                                              : "unsupported URL scheme '" + scheme + "'"));
      return;
    }
    auto transfer = Transfer::create(request, options_, user_agent_);
    if (!transfer) return on_done_(failed(request, "cannot set up the transfer"));
    if (transfer->attach(multi_.get()) != CURLM_OK) {
      return on_done_(failed(request, "cannot start the transfer"));
    }
    ++hosts_[host];
    CURL* easy = transfer->easy();
    running_.emplace(easy, Running{std::move(transfer), std::move(host)});
  }

  void collect_done() {
    int left = 0;
    while (CURLMsg* message = curl().multi_info_read(multi_.get(), &left)) {
      if (cancelled_) return;
      if (message->msg != CURLMSG_DONE) continue;
      auto found = running_.find(message->easy_handle);
      if (found == running_.end()) continue;
      CURLcode code = message->data.result;  // `message` is invalid once the handle is removed
      Response response = found->second.transfer->finish(code);
      --hosts_[found->second.host];
      running_.erase(found);
      on_done_(std::move(response));
    }
  }

  const std::vector<Request>& requests_;
  const std::atomic<bool>& cancelled_;
  const Options& options_;
  const std::function<void(Response&&)>& on_done_;
  std::string user_agent_;
  MultiHandle multi_;  // declared before running_: transfers leave the multi handle first
  std::vector<std::string> request_hosts_;      // url_host() of each request, "" if unparseable
  std::deque<std::size_t> queue_;               // indices of requests not yet started
  std::unordered_map<std::string, int> hosts_;  // transfers in flight per host
  std::map<CURL*, Running> running_;
};

}  // namespace

// Loading libcurl here, not at the first transfer, reports a missing library before any work.
CurlClient::CurlClient(Options options) : options_(std::move(options)) { curl(); }

CurlClient::~CurlClient() = default;

void CurlClient::fetch_all(const std::vector<Request>& requests,
                           const std::function<void(Response&&)>& on_done) {
  Batch batch(requests, options_, on_done, cancelled_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    active_ = batch.multi();
  }
  struct Forget {  // cancel() must not wake a multi handle that is gone, even after a throw
    CurlClient& client;
    ~Forget() {
      std::lock_guard<std::mutex> lock(client.mutex_);
      client.active_ = nullptr;
    }
  } forget{*this};
  batch.run();
}

void CurlClient::cancel() {
  cancelled_ = true;
  std::lock_guard<std::mutex> lock(mutex_);
  // Ends the wait in curl_multi_poll; thread-safe by libcurl's contract (7.68 and later).
  if (active_ != nullptr) curl().multi_wakeup(static_cast<CURLM*>(active_));
}

std::string default_user_agent() { return "atip/" ATIP_VERSION " (+" ATIP_PROJECT_URL ")"; }

}  // namespace atip::net
