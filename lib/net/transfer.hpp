#pragma once
// One HTTP GET as a libcurl easy handle, internal to CurlClient: sets every per-request option
// (protocols, limits, conditional headers), collects the body and the headers of each response
// in a redirect chain, and turns the outcome into a Response.
#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "lib/net/http.hpp"

namespace atip::net {

class Transfer {
 public:
  // Returns nullptr only when libcurl cannot allocate a handle.
  static std::unique_ptr<Transfer> create(const Request& request, const Options& options,
                                          const std::string& user_agent);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* easy() const { return easy_; }
  // Adds the handle to `multi`; the destructor removes it again.
  CURLMcode attach(CURLM* multi);
  // Fills in status, metadata and the error message for the transfer's result `code`.
  Response finish(CURLcode code);

 private:
  Transfer(const Request& request, const Options& options);
  bool configure(const Request& request, const std::string& user_agent);
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self);
  void header_line(std::string_view line);
  void start_response(long status);
  std::string describe(CURLcode code) const;

  CURL* easy_ = nullptr;
  CURLM* multi_ = nullptr;
  curl_slist* headers_ = nullptr;
  const Options& options_;
  Response response_;
  bool too_large_ = false;
  bool headers_too_large_ = false;
  std::int64_t header_bytes_ = 0;  // of the response whose headers are arriving
  std::string current_url_;  // the URL of the response whose headers are arriving
  long hop_status_ = 0;      // status of that response
  std::string hop_location_;
  std::chrono::steady_clock::time_point started_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace atip::net
