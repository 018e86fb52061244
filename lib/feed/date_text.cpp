// The textual date forms: RFC 822 and its localised cousins ("lun, 09 may 2016 12:07:33 -0300",
// "3 de junio de 2007", "Nov 5, 2026 10:00 PM"). Tokens are read once, then assigned by kind;
// anything left unexplained rejects the date rather than guessing.
#include <string>
#include <vector>

#include "lib/feed/dates.hpp"

namespace atip::feed {

namespace {

using namespace date_detail;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// Folds a Latin-1 letter (as its code point 0xC0-0xFF) to lower-case ASCII; '?' for others.
char fold_latin1(unsigned cp) {
  static const char kMap[] =
      "aaaaaaaceeeeiiiidnooooo?ouuuuyts"   // 0xC0-0xDF
      "aaaaaaaceeeeiiiidnooooo?ouuuuyty";  // 0xE0-0xFF
  return cp >= 0xC0 && cp <= 0xFF ? kMap[cp - 0xC0] : '?';
}

struct Tokens {
  std::vector<std::pair<int, std::size_t>> numbers;  // value, digit count
  std::vector<Word> months;                          // Month / MonthOrWeekday words, in order
  bool has_time = false, has_zone = false, pm = false, am = false;
  int h = 0, mi = 0, s = 0, zone = 0;
};

std::size_t read_word(std::string_view in, std::size_t i, std::string& w) {
  w.clear();
  while (i < in.size() && is_letter_byte(in[i])) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      w.push_back(static_cast<char>(c | 0x20));
      ++i;
    } else if (c == 0xC3 && i + 1 < in.size()) {
      w.push_back(fold_latin1(0xC0u + (static_cast<unsigned char>(in[i + 1]) & 0x3Fu)));
      i += 2;
    } else {
      w.push_back('?');
      ++i;
    }
  }
  return i;
}

// "12:07", "12:07:33", "12:07:33.250"; i is at the first digit.
std::size_t read_time(std::string_view in, std::size_t i, Tokens& t) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  while (n < 3 && i < in.size() && is_digit(in[i])) {
    int v = 0, len = 0;
    while (i < in.size() && is_digit(in[i]) && len < 3) v = v * 10 + (in[i++] - '0'), ++len;
    parts[n++] = len <= 2 ? v : 99;
    if (i < in.size() && in[i] == ':' && n < 3)
      ++i;
    else
      break;
  }
  if (i < in.size() && in[i] == '.' && n == 3)
    while (++i < in.size() && is_digit(in[i])) {
    }
  t.has_time = true;
  t.h = parts[0], t.mi = parts[1], t.s = parts[2];
  return i;
}

bool read_signed_offset(std::string_view in, std::size_t& i, Tokens& t) {
  const int sign = in[i] == '-' ? -1 : 1;
  std::size_t k = i + 1;
  int v = 0, len = 0;
  // Only 1, 2 or 4 digits make an offset; longer runs are counted, not accumulated, so that
  // "+2401124010" cannot overflow `v` (found by fuzz/dates, fixture rss2_date_overlong_offset_is_null.xml).
  while (k < in.size() && is_digit(in[k])) {
    if (len < 5) v = v * 10 + (in[k] - '0');
    ++k, ++len;
  }
  int h = 0, m = 0;
  if (len == 4) {
    h = v / 100, m = v % 100;
  } else if (len == 2 || len == 1) {
    h = v;
    if (k + 2 < in.size() && in[k] == ':' && is_digit(in[k + 1]) && is_digit(in[k + 2]))
      m = (in[k + 1] - '0') * 10 + (in[k + 2] - '0'), k += 3;
  } else {
    return false;
  }
  if (h > 23 || m > 59) return false;
  t.zone = (t.has_zone ? t.zone : 0) + sign * (h * 60 + m);
  t.has_zone = true;
  i = k;
  return true;
}

bool handle_word(const std::string& w, Tokens& t) {
  if (w == "pm" || w == "am") {
    (w == "pm" ? t.pm : t.am) = true;
    return t.has_time;
  }
  const Word word = classify_word(w);
  switch (word.kind) {
    case WordKind::Zone:
      // Single letters are military zones only after a time; "GMT" may stand anywhere late.
      if (!t.has_time && (w.size() == 1 || t.numbers.empty())) return false;
      t.zone = word.zone_minutes;
      t.has_zone = true;
      return true;
    case WordKind::Month:
    case WordKind::MonthOrWeekday:
      t.months.push_back(word);
      return true;
    case WordKind::Weekday:
    case WordKind::Filler:
      return true;
    case WordKind::Unknown:
      return false;
  }
  return false;
}

bool tokenize(std::string_view in, Tokens& t) {
  std::string w;
  std::size_t i = 0;
  while (i < in.size()) {
    const char c = in[i];
    if (is_letter_byte(c)) {
      i = read_word(in, i, w);
      if (!handle_word(w, t)) return false;
    } else if (is_digit(c)) {
      std::size_t k = i;
      while (k < in.size() && is_digit(in[k])) ++k;
      if (k < in.size() && in[k] == ':' && k - i <= 2) {
        if (t.has_time) return false;
        i = read_time(in, i, t);
      } else {
        if (k - i > 4) return false;
        int v = 0;
        for (std::size_t p = i; p < k; ++p) v = v * 10 + (in[p] - '0');
        t.numbers.emplace_back(v, k - i);
        i = k;
      }
    } else if ((c == '+' || c == '-') && t.has_time && i + 1 < in.size() && is_digit(in[i + 1])) {
      if (!read_signed_offset(in, i, t)) return false;
    } else if (c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || c == '\t' || c == '\n' ||
               c == '\r' || c == '(' || c == ')') {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

std::optional<std::int64_t> assemble(Tokens& t) {
  int month = 0;
  if (!t.months.empty()) {
    // The last month-like word is the month; any before it must be able to be a weekday.
    for (std::size_t k = 0; k + 1 < t.months.size(); ++k)
      if (t.months[k].kind != WordKind::MonthOrWeekday) return std::nullopt;
    month = t.months.back().month;
  }
  std::int64_t year = -1;
  int day = -1;
  std::vector<std::pair<int, std::size_t>> small;
  for (const auto& n : t.numbers) {
    if (n.second >= 3) {
      if (year >= 0) return std::nullopt;
      year = n.first;
    } else {
      small.push_back(n);
    }
  }
  if (month == 0) {
    // Purely numeric: only year-first (2026/11/05) is unambiguous.
    if (year < 0 || small.size() != 2 || t.numbers.front().second < 3) return std::nullopt;
    month = small[0].first, day = small[1].first;
  } else if (year >= 0) {
    if (small.size() != 1) return std::nullopt;
    day = small[0].first;
  } else {
    if (small.size() != 2) return std::nullopt;
    day = small[0].first;
    const int yy = small[1].first;
    year = yy < 50 ? 2000 + yy : 1900 + yy;  // RFC 2822 4.3
  }
  int h = t.h;
  if (t.pm || t.am) {
    if (h < 1 || h > 12) return std::nullopt;
    if (t.pm && h < 12) h += 12;
    if (t.am && h == 12) h = 0;
  }
  return make_time(year, month, day, h, t.mi, t.s, t.zone);
}

std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

int english_month(std::string_view m) {
  static constexpr std::string_view kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int k = 0; k < 12; ++k)
    if (kNames[k] == m) return k + 1;
  return 0;
}

int two_digits(std::string_view s, std::size_t at) {
  if (at + 2 > s.size() || !is_digit(s[at]) || !is_digit(s[at + 1])) return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// The exact RFC 1123 form most feeds send ("Tue, 24 Nov 2026 14:00:00 GMT" or "+0000"),
// without tokenising. Anything else returns nullopt and goes through the general reader.
std::optional<std::int64_t> parse_rfc1123_fast(std::string_view s) {
  if (s.size() < 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
      s[19] != ':' || s[22] != ':' || s[25] != ' ')
    return std::nullopt;
  const int day = two_digits(s, 5), month = english_month(s.substr(8, 3));
  const int y1 = two_digits(s, 12), y2 = two_digits(s, 14);
  const int h = two_digits(s, 17), mi = two_digits(s, 20), sec = two_digits(s, 23);
  if (day < 0 || month == 0 || y1 < 0 || y2 < 0 || h < 0 || mi < 0 || sec < 0) return std::nullopt;
  const std::string_view zone = s.substr(26);
  int offset = 0;
  if (zone == "GMT" || zone == "UTC" || zone == "UT" || zone == "Z") {
    offset = 0;
  } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    const int zh = two_digits(zone, 1), zm = two_digits(zone, 3);
    if (zh < 0 || zm < 0 || zm > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  } else {
    return std::nullopt;
  }
  return make_time(y1 * 100 + y2, month, day, h, mi, sec, offset);
}

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty() || s.size() > 200) return std::nullopt;
  if (s.size() >= 4 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
      (s.size() == 4 || s[4] == '-' || is_digit(s[4]) || s[4] == 'T' || s[4] == 't')) {
    if (auto t = parse_iso8601(s)) return t;
  }
  if (auto t = parse_rfc1123_fast(s)) return t;
  Tokens t;
  if (!tokenize(s, t)) return std::nullopt;
  return assemble(t);
}

}  // namespace atip::feed
