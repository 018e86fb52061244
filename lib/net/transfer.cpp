#include "lib/net/transfer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "lib/net/curl_api.hpp"
#include "lib/net/curl_errors.hpp"
#include "lib/net/url_parts.hpp"

namespace atip::net {
namespace {

// Feed servers that negotiate content pick the feed over an HTML page with this.
constexpr const char* kAccept =
    "Accept: application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A stored validator goes back verbatim, unless it could smuggle a second header line.
bool safe_header_value(const std::string& value) {
  return !value.empty() && value.find_first_of("\r\n") == std::string::npos;
}

bool is_followed_redirect(long status) { return status >= 300 && status < 400 && status != 304; }

}  // namespace

std::unique_ptr<Transfer> Transfer::create(const Request& request, const Options& options,
                                           const std::string& user_agent) {
  std::unique_ptr<Transfer> transfer(new Transfer(request, options));
  if (transfer->easy_ == nullptr || !transfer->configure(request, user_agent)) return nullptr;
  return transfer;
}

Transfer::Transfer(const Request& request, const Options& options)
    : easy_(curl().easy_init()),
      options_(options),
      current_url_(request.url),
      started_(std::chrono::steady_clock::now()) {
  response_.tag = request.tag;
  response_.url = request.url;
}

Transfer::~Transfer() {
  if (multi_ != nullptr) curl().multi_remove_handle(multi_, easy_);
  if (easy_ != nullptr) curl().easy_cleanup(easy_);
  curl().slist_free_all(headers_);
}

CURLMcode Transfer::attach(CURLM* multi) {
  started_ = std::chrono::steady_clock::now();
  CURLMcode code = curl().multi_add_handle(multi, easy_);
  if (code == CURLM_OK) multi_ = multi;
  return code;
}

bool Transfer::configure(const Request& request, const std::string& user_agent) {
  auto append = [this](const std::string& line) {
    curl_slist* grown = curl().slist_append(headers_, line.c_str());
    if (grown != nullptr) headers_ = grown;
    return grown != nullptr;
  };
  bool ok = append(kAccept);
  if (safe_header_value(request.etag)) ok = ok && append("If-None-Match: " + request.etag);
  if (safe_header_value(request.last_modified)) {
    ok = ok && append("If-Modified-Since: " + request.last_modified);
  }
  CURL* e = easy_;
  int failures = 0;
  auto set = [&failures](CURLcode code) { failures += code != CURLE_OK; };
  set(curl().easy_setopt(e, CURLOPT_URL, request.url.c_str()));
  set(curl().easy_setopt(e, CURLOPT_PRIVATE, this));
  set(curl().easy_setopt(e, CURLOPT_ERRORBUFFER, error_buffer_));
  set(curl().easy_setopt(e, CURLOPT_NOSIGNAL, 1L));
  set(curl().easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(curl().easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  set(curl().easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L));
  // MAXREDIRS -1 would mean "no limit" to libcurl.
  set(curl().easy_setopt(e, CURLOPT_MAXREDIRS,
                       static_cast<long>(std::max(0, options_.max_redirects))));
  set(curl().easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS)));
  // No CURLOPT_PIPEWAIT: it holds a second transfer to an HTTP/1.1 host until the first has
  // its answer, which serialises feeds that share a host; without it an HTTP/2 host may get up
  // to max_per_host connections instead of one, which is cheap.
  set(curl().easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""));  // every codec libcurl was built with
  set(curl().easy_setopt(e, CURLOPT_USERAGENT, user_agent.c_str()));
  set(curl().easy_setopt(e, CURLOPT_HTTPHEADER, headers_));
  set(curl().easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L));
  set(curl().easy_setopt(e, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_s));
  set(curl().easy_setopt(e, CURLOPT_TIMEOUT, options_.total_timeout_s));
  set(curl().easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_limit));
  set(curl().easy_setopt(e, CURLOPT_LOW_SPEED_TIME, options_.low_speed_time_s));
  // Refuses early on an announced Content-Length; on_body enforces the limit after decoding.
  set(curl().easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(options_.max_body_bytes)));
  set(curl().easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body));
  set(curl().easy_setopt(e, CURLOPT_WRITEDATA, this));
  set(curl().easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header));
  set(curl().easy_setopt(e, CURLOPT_HEADERDATA, this));
  return ok && failures == 0;
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count, void* self) {
  auto* t = static_cast<Transfer*>(self);
  std::size_t bytes = size * count;
  // libcurl hands over decoded bytes, so this bounds gzip bombs and endless chunked bodies.
  if (static_cast<std::int64_t>(t->response_.body.size() + bytes) > t->options_.max_body_bytes) {
    t->too_large_ = true;
    return 0;  // any short count aborts the transfer with CURLE_WRITE_ERROR
  }
  t->response_.body.append(data, bytes);
  return bytes;
}

std::size_t Transfer::on_header(char* data, std::size_t size, std::size_t count, void* self) {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t bytes = size * count;
  t->header_line(std::string_view(data, bytes));  // a status line resets the count
  t->header_bytes_ += static_cast<std::int64_t>(bytes);
  if (t->header_bytes_ > kMaxHeaderBytes) {
    t->headers_too_large_ = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  return bytes;
}

void Transfer::header_line(std::string_view line) {
  line = trim(line);
  if (line.substr(0, 5) == "HTTP/") {  // each status line starts the next response of a chain
    std::size_t space = line.find(' ');
    long status = space == std::string_view::npos
                      ? 0
                      : std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
    if (status >= 200) start_response(status);
    return;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view name = line.substr(0, colon);
  std::string value(trim(line.substr(colon + 1)));
  if (iequals(name, "Content-Type"))
    response_.content_type = value;
  else if (iequals(name, "ETag"))
    response_.etag = value;
  else if (iequals(name, "Last-Modified"))
    response_.last_modified = value;
  else if (iequals(name, "Retry-After"))
    response_.retry_after = value;
  else if (iequals(name, "Location"))
    hop_location_ = value;
}

// Records the previous response as a redirect when it was one (libcurl only sends a new request
// after following it), then forgets its metadata: only the final response's headers count.
void Transfer::start_response(long status) {
  if (is_followed_redirect(hop_status_) && !hop_location_.empty()) {
    current_url_ = resolve_url(current_url_, hop_location_);
    response_.redirects.push_back(Redirect{hop_status_, current_url_});
  }
  hop_status_ = status;
  header_bytes_ = 0;
  hop_location_.clear();
  response_.content_type.clear();
  response_.etag.clear();
  response_.last_modified.clear();
  response_.retry_after.clear();
  response_.body.clear();
}

Response Transfer::finish(CURLcode code) {
  long status = 0;
  curl().easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  response_.status = status;
  char* effective = nullptr;
  if (curl().easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) {
    response_.effective_url = effective;
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  response_.seconds = elapsed.count();
  if (code != CURLE_OK) {
    // A redirect that was refused or failed still tells the caller where the feed went.
    if (code != CURLE_TOO_MANY_REDIRECTS && is_followed_redirect(hop_status_) &&
        !hop_location_.empty()) {
      response_.redirects.push_back(
          Redirect{hop_status_, resolve_url(current_url_, hop_location_)});
    }
    response_.error = describe(code);
    response_.body.clear();
    response_.body.shrink_to_fit();
  }
  return std::move(response_);
}

std::string Transfer::describe(CURLcode code) const {
  ErrorFacts facts;
  facts.code = code;
  facts.message = error_buffer_;
  long os_errno = 0;
  curl().easy_getinfo(easy_, CURLINFO_OS_ERRNO, &os_errno);
  facts.os_errno = static_cast<int>(os_errno);
  facts.body_too_large = too_large_;
  facts.headers_too_large = headers_too_large_;
  facts.refused_redirect = response_.redirects.empty() ? "" : response_.redirects.back().to;
  return describe_curl_error(facts, options_);
}

}  // namespace atip::net
