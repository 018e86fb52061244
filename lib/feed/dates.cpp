#include "lib/feed/dates.hpp"

#include <string>
#include <vector>

#include "lib/util/time.hpp"

namespace atip::feed {

namespace date_detail {

std::optional<std::int64_t> make_time(std::int64_t y, int mo, int d, int h, int mi, int s,
                                      int offset_minutes) noexcept {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > (mo == 2 && leap ? 29 : kDays[mo - 1])) return std::nullopt;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return std::nullopt;
  if (offset_minutes < -24 * 60 || offset_minutes > 24 * 60) return std::nullopt;
  const std::int64_t days =
      util::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * 86400 + h * 3600 + mi * 60 + s - offset_minutes * 60;
}

}  // namespace date_detail

namespace {

using namespace date_detail;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads exactly `n` digits at s[i].
bool digits(std::string_view s, std::size_t& i, std::size_t n, int& out) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_digit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  out = v;
  i += n;
  return true;
}

// "+03:00", "-0300", "+03", "Z"; returns false when something else is there.
bool read_offset(std::string_view s, std::size_t& i, int& minutes) {
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
    minutes = 0;
    return true;
  }
  if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  const int sign = s[i++] == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!digits(s, i, 2, h)) return false;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && is_digit(s[i]) && !digits(s, i, 2, m)) return false;
  if (h > 23 || m > 59) return false;
  minutes = sign * (h * 60 + m);
  return true;
}

}  // namespace

namespace date_detail {

std::optional<std::int64_t> parse_iso8601(std::string_view s) noexcept {
  std::size_t i = 0;
  int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
  if (!digits(s, i, 4, y)) return std::nullopt;
  if (i < s.size() && s[i] == '-') {
    ++i;
    if (!digits(s, i, 2, mo)) return std::nullopt;
    if (i < s.size() && s[i] == '-' && (++i, !digits(s, i, 2, d))) return std::nullopt;
  } else if (i < s.size() && is_digit(s[i])) {
    if (!digits(s, i, 2, mo) || !digits(s, i, 2, d)) return std::nullopt;  // compact YYYYMMDD
  }
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') && i + 1 < s.size() &&
      is_digit(s[i + 1])) {
    ++i;
    if (!digits(s, i, 2, h)) return std::nullopt;
    if (i < s.size() && s[i] == ':') ++i;
    if (!digits(s, i, 2, mi)) return std::nullopt;
    if (i < s.size() && (s[i] == ':' || is_digit(s[i]))) {
      if (s[i] == ':') ++i;
      if (!digits(s, i, 2, sec)) return std::nullopt;
    }
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && is_digit(s[i])) ++i;  // fractional seconds are dropped
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size()) {
    if (!read_offset(s, i, off)) {
      // A named zone after an ISO time ("2026-11-05 10:00 UTC").
      std::string w;
      while (i < s.size() && is_alpha(s[i])) w.push_back(static_cast<char>(s[i++] | 0x20));
      const Word word = classify_word(w);
      if (word.kind != WordKind::Zone) return std::nullopt;
      off = word.zone_minutes;
    }
    while (i < s.size() && s[i] == ' ') ++i;
    if (i != s.size()) return std::nullopt;
  }
  return make_time(y, mo, d, h, mi, sec, off);
}

}  // namespace date_detail
}  // namespace atip::feed
