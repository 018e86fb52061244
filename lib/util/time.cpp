#include "lib/util/time.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace atip::util {

UnixTime SystemClock::now() const {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// Howard Hinnant's algorithm: exact for the proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {
struct Civil {
  std::int64_t y;
  unsigned m, d, hh, mm, ss;
};

Civil civil_from_unix(UnixTime t) {
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  return {y, m, d, static_cast<unsigned>(secs / 3600), static_cast<unsigned>(secs / 60 % 60),
          static_cast<unsigned>(secs % 60)};
}

bool read_uint(std::string_view s, std::size_t pos, std::size_t len, unsigned& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}
}  // namespace

std::string format_rfc3339(UnixTime t) {
  const Civil c = civil_from_unix(t);
  // Digits by hand for four-digit years: snprintf was about 5% of `atip parse` on a large feed
  // (two dates per entry).
  if (c.y >= 0 && c.y <= 9999) {
    std::string s = "0000-00-00T00:00:00Z";
    const auto two = [&s](std::size_t at, unsigned v) {
      s[at] = static_cast<char>('0' + v / 10 % 10);
      s[at + 1] = static_cast<char>('0' + v % 10);
    };
    const auto y = static_cast<unsigned>(c.y);
    two(0, y / 100);
    two(2, y % 100);
    two(5, c.m);
    two(8, c.d);
    two(11, c.hh);
    two(14, c.mm);
    two(17, c.ss);
    return s;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02uZ", static_cast<long long>(c.y),
                c.m, c.d, c.hh, c.mm, c.ss);
  return buf;
}

std::string format_date(UnixTime t) { return format_rfc3339(t).substr(0, 10); }

std::optional<UnixTime> parse_cli_date(std::string_view s, bool end) {
  unsigned y = 0, m = 1, d = 1, hh = 0, mi = 0, ss = 0;
  if (!read_uint(s, 0, 4, y)) return std::nullopt;
  bool has_month = false, has_day = false;
  if (s.size() == 4) {
  } else if (s.size() == 7 && s[4] == '-' && read_uint(s, 5, 2, m)) {
    has_month = true;
  } else if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && read_uint(s, 5, 2, m) &&
             read_uint(s, 8, 2, d)) {
    has_month = has_day = true;
    if (s.size() > 10) {
      // Full timestamps: YYYY-MM-DDTHH:MM:SSZ only; anything richer belongs to the feed parser.
      if (s.size() != 20 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':' ||
          s[19] != 'Z' || !read_uint(s, 11, 2, hh) || !read_uint(s, 14, 2, mi) ||
          !read_uint(s, 17, 2, ss) || hh > 23 || mi > 59 || ss > 60)
        return std::nullopt;
      end = false;
    }
  } else {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  UnixTime t = days_from_civil(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss;
  if (end && s.size() <= 10) {
    if (has_day) {
      t += 86399;
    } else if (has_month) {
      t += static_cast<UnixTime>(days_in_month(y, m)) * 86400 - 1;
    } else {
      t = days_from_civil(y + 1, 1, 1) * 86400 - 1;
    }
  }
  return t;
}

}  // namespace atip::util
