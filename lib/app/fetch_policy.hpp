#pragma once
// The fetch policy as pure functions: when to try a failing feed again, what a Retry-After
// asks for, which redirect target counts as the feed's new address. No I/O, no clock.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lib/app/fetch.hpp"
#include "lib/net/http.hpp"

namespace atip::app {

// Seconds to wait after `failures` consecutive failures (>= 1): base * 2^(failures-1), capped.
std::int64_t backoff_seconds(int failures, const Backoff& backoff);

// A Retry-After value (RFC 9110: delay-seconds or an HTTP-date) as an absolute time, given the
// time of the response; nothing when absent or unreadable. Past dates give `now`.
std::optional<std::int64_t> retry_after_time(const std::string& header, std::int64_t now);

// The target of the permanent redirects (301, 308) that start the chain: a chain
// 301 -> 302 -> X moves the feed only as far as the 301 pointed. "" when the first hop is
// temporary or there was none.
std::string permanent_target(const std::vector<net::Redirect>& redirects);

// "HTTP 404 Not Found", or "HTTP 599" for statuses without a well-known reason.
std::string http_reason(long status);

}  // namespace atip::app
