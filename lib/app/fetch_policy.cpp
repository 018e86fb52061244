#include "lib/app/fetch_policy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lib/feed/dates.hpp"

namespace atip::app {

std::int64_t backoff_seconds(int failures, const Backoff& backoff) {
  std::int64_t wait = backoff.base_s;
  for (int i = 1; i < failures && wait < backoff.cap_s; ++i) wait *= 2;
  return std::min(wait, backoff.cap_s);
}

std::optional<std::int64_t> retry_after_time(const std::string& header, std::int64_t now) {
  const auto first = header.find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  const std::string value = header.substr(first, header.find_last_not_of(" \t") + 1 - first);
  if (value.find_first_not_of("0123456789") == std::string::npos) {
    // More than ten digits is no delay anyone means; the caller caps it anyway.
    if (value.size() > 10) return now + 10'000'000'000LL;
    return now + std::stoll(value);
  }
  const auto when = feed::parse_date(value);
  if (!when) return std::nullopt;
  return std::max(*when, now);
}

std::string permanent_target(const std::vector<net::Redirect>& redirects) {
  std::string target;
  for (const auto& hop : redirects) {
    if (hop.status != 301 && hop.status != 308) break;
    target = hop.to;
  }
  return target;
}

std::string http_reason(long status) {
  static const std::map<long, const char*> kReasons = {
      {400, "Bad Request"},  {401, "Unauthorized"},       {403, "Forbidden"},
      {404, "Not Found"},    {405, "Method Not Allowed"}, {406, "Not Acceptable"},
      {408, "Request Timeout"}, {410, "Gone"},            {429, "Too Many Requests"},
      {500, "Internal Server Error"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
      {504, "Gateway Timeout"}};
  const auto it = kReasons.find(status);
  return it == kReasons.end() ? fmt::format("HTTP {}", status)
                              : fmt::format("HTTP {} {}", status, it->second);
}

}  // namespace atip::app
