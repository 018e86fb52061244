#pragma once
// Feed dates -> UTC seconds. Pure functions, no clock, no locale.
//
// Accepted: RFC 822/1123/2822 and the variants feeds really send (two-digit years, no seconds,
// no weekday, optional commas, trailing dots, extra spaces, named zones GMT/UT/UTC/Z/EST/EDT/
// CST/CDT/MST/MDT/PST/PDT, RFC 822 military letters, "+0000", "-03:00"); ISO 8601 / RFC 3339 /
// W3C-DTF (YYYY, YYYY-MM, YYYY-MM-DD, compact YYYYMMDD, fractional seconds, lower-case t/z, a
// space for T, no zone read as UTC); Spanish, Portuguese and French month and day names with or
// without accents and dots ("lun, 09 may 2016 12:07:33 -0300", "mié., 14 jul. 2021",
// "3 de junio de 2007", "3 juin 2007"). Ambiguous names ("mar": martes/marzo/mardi/março) are
// decided by position: when two month-like words appear, the first is the weekday.
// Guarantee: anything invalid (month 13, 30 February, hour 25, an unknown word, an ambiguous
// numeric date such as 05/11/2026) gives nullopt, never a guessed date.
#include <cstdint>
#include <optional>
#include <string_view>

namespace atip::feed {

std::optional<std::int64_t> parse_date(std::string_view s);

// The pieces below are exposed for tests and for the date parser's own files.
namespace date_detail {

enum class WordKind { Unknown, Month, Weekday, MonthOrWeekday, Zone, Filler };

struct Word {
  WordKind kind = WordKind::Unknown;
  int month = 0;         // 1-12 for Month / MonthOrWeekday
  int zone_minutes = 0;  // for Zone: offset east of UTC
};

// `folded`: lower-case ASCII, accents removed, no dots ("mie", "fevr", "aout").
Word classify_word(std::string_view folded) noexcept;

// Builds calendar time with full validation; nullopt when a field is out of range.
std::optional<std::int64_t> make_time(std::int64_t y, int mo, int d, int h, int mi, int s,
                                      int offset_minutes) noexcept;

std::optional<std::int64_t> parse_iso8601(std::string_view s) noexcept;

}  // namespace date_detail
}  // namespace atip::feed
