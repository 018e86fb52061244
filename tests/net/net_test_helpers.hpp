#pragma once
// Shared by the tests/net suites: run a CurlClient over a few requests and collect what it
// hands back.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "lib/net/http.hpp"

namespace atip::net::test {

// Short limits so that a test that fails by hanging still ends within seconds.
inline Options quick_options() {
  Options options;
  options.connect_timeout_s = 3;
  options.total_timeout_s = 10;
  options.low_speed_limit = 1;
  options.low_speed_time_s = 10;
  return options;
}

inline std::vector<Response> fetch(const Options& options, const std::vector<Request>& requests) {
  CurlClient client(options);
  std::vector<Response> responses;
  client.fetch_all(requests, [&responses](Response&& r) { responses.push_back(std::move(r)); });
  return responses;
}

inline Response fetch_one(const Options& options, Request request) {
  std::vector<Response> responses = fetch(options, {std::move(request)});
  REQUIRE(responses.size() == 1);
  return std::move(responses.front());
}

inline Response fetch_url(const std::string& url, const Options& options = quick_options()) {
  Request request;
  request.tag = 7;
  request.url = url;
  return fetch_one(options, request);
}

}  // namespace atip::net::test
