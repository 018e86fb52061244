#pragma once
// Time as plain UTC seconds since the epoch; the clock is passed in so tests can fix it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atip::util {

using UnixTime = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixTime now() const = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  UnixTime now() const override;
};

// A clock that says what it is told; for tests and for ATIP_NOW.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UnixTime t) : t_(t) {}
  UnixTime now() const override { return t_; }
  void set(UnixTime t) { t_ = t; }

 private:
  UnixTime t_;
};

// Days since 1970-01-01 for a proleptic Gregorian date; valid for any year.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept;

// "2024-03-05T14:30:00Z".
std::string format_rfc3339(UnixTime t);
// "2024-03-05".
std::string format_date(UnixTime t);

// Reads a command-line date: "YYYY-MM-DD", "YYYY-MM", "YYYY", or a full RFC 3339 timestamp.
// For a partial date, `end` chooses the last second of the period instead of the first.
// Returns nothing for anything else.
std::optional<UnixTime> parse_cli_date(std::string_view s, bool end = false);

}  // namespace atip::util
