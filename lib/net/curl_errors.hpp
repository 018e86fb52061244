#pragma once
// Turns a failed libcurl transfer into the short, lower-case message atip shows to users
// ("could not connect to 127.0.0.1 port 9: connection refused").
#include <curl/curl.h>

#include <string>

#include "lib/net/http.hpp"

namespace atip::net {

struct ErrorFacts {
  CURLcode code = CURLE_OK;
  std::string message;           // libcurl's error buffer, may be empty
  int os_errno = 0;              // CURLINFO_OS_ERRNO
  bool body_too_large = false;   // the write callback refused more data
  bool headers_too_large = false;  // the header callback refused more header lines
  std::string refused_redirect;  // the last redirect target, if the chain had one
};

// One line, no trailing full stop; never empty.
std::string describe_curl_error(const ErrorFacts& facts, const Options& options);

}  // namespace atip::net
