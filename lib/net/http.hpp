#pragma once
// Fetching feeds over HTTP(S). An HttpClient fetches a batch of requests in parallel and hands
// each response to a callback on the calling thread as soon as it completes, so the caller can
// parse and store while other transfers continue. Per-request failures are values in Response.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace atip::net {

struct Request {
  std::int64_t tag = 0;       // caller's identifier (the feed id), returned in the Response
  std::string url;
  std::string etag;           // sent as If-None-Match when non-empty
  std::string last_modified;  // sent as If-Modified-Since when non-empty
};

struct Redirect {
  long status = 0;  // 301, 302, 303, 307, 308
  std::string to;
};

struct Response {
  std::int64_t tag = 0;
  std::string url;            // as requested
  std::string effective_url;  // after redirects
  long status = 0;            // HTTP status of the last response; 0 when none was received
  // Transport failure, one lower-case line, e.g. "could not connect to 127.0.0.1 port 9:
  // connection refused", "could not resolve host 'x'", "timed out after 60 s", "transfer too
  // slow: under 100 bytes/s for 30 s", "response larger than N bytes", "too many redirects (more
  // than 5)", "unsupported URL scheme 'file'", "refused redirect to unsupported URL scheme
  // 'file'". Empty when a response arrived; HTTP errors (404, 500) are statuses, not errors.
  std::string error;
  std::string content_type;   // full header value, e.g. "application/rss+xml; charset=ISO-8859-1"
  std::string etag;
  std::string last_modified;
  std::string retry_after;    // raw Retry-After header, if any
  std::vector<Redirect> redirects;  // every hop followed, in order, targets made absolute
  std::string body;           // decompressed; empty when `error` is set
  double seconds = 0;         // wall time of the transfer

  bool ok() const { return error.empty() && status >= 200 && status < 300; }
  bool not_modified() const { return error.empty() && status == 304; }
};

// The most header bytes one response may send: real feeds send a few KiB; a server sending
// header lines without end is cut off here (libcurl's own limit varies by version).
constexpr std::int64_t kMaxHeaderBytes = 256 * 1024;

struct Options {
  int max_parallel = 32;         // transfers in flight overall
  int max_per_host = 4;          // transfers in flight per host
  long connect_timeout_s = 15;
  long total_timeout_s = 60;
  long low_speed_limit = 100;    // bytes/s below which a transfer is "stalled" …
  long low_speed_time_s = 30;    // … for this long, then aborted
  std::int64_t max_body_bytes = 20 * 1024 * 1024;  // after decompression
  int max_redirects = 5;
  std::string user_agent;        // empty: "atip/VERSION (+URL)"
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Fetches all requests, calling `on_done` once per request, in completion order, on the
  // calling thread. Returns when every request has completed.
  virtual void fetch_all(const std::vector<Request>& requests,
                         const std::function<void(Response&&)>& on_done) = 0;
  // Makes a running fetch_all return soon and later ones at once: no request is started any
  // more, transfers in flight are abandoned and on_done is not called again. Callable from any
  // thread (a signal watcher, a failing stage of the caller's pipeline); irreversible.
  virtual void cancel() = 0;
};

// The libcurl implementation: one multi handle, only http and https (first request and every
// redirect), TLS verification always on, Accept-Encoding for every codec libcurl was built
// with, proxy environment variables honoured.
class CurlClient final : public HttpClient {
 public:
  explicit CurlClient(Options options);
  ~CurlClient() override;
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;
  void fetch_all(const std::vector<Request>& requests,
                 const std::function<void(Response&&)>& on_done) override;
  void cancel() override;

 private:
  Options options_;
  std::atomic<bool> cancelled_{false};
  std::mutex mutex_;       // guards active_ between fetch_all and cancel()
  void* active_ = nullptr; // the running batch's multi handle (CURLM*), to wake it up
};

// "atip/0.1.0 (+https://…)".
std::string default_user_agent();

}  // namespace atip::net
