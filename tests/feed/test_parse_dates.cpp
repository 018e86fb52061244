#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "lib/feed/dates.hpp"

namespace {
struct DateCase {
  std::string_view raw;
  std::optional<std::int64_t> want;
};

// Expected values were computed independently (Python datetime) from the UTC time in the
// comment. Invalid inputs must give nullopt: never a guessed date, never "now".
const DateCase kCases[] = {
    {"Tue, 24 Nov 2026 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00:00 +0000",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"24 Nov 2026 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 26 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Sun, 06 Nov 94 08:49:37 GMT",
     std::optional<std::int64_t>{784111777LL}},  // 1994-11-06T08:49:37Z
    {"Tue 24 Nov 2026 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue,  24  Nov  2026   14:00:00   GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00:00 UT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00:00 UTC",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00:00 Z",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 09:00:00 EST",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 10:00:00 EDT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 08:00:00 CST",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 09:00:00 CDT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 07:00:00 MST",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 08:00:00 MDT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 06:00:00 PST",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 07:00:00 PDT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 13:00:00 A",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 15:00:00 N",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 11:00:00 -0300",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 11:00:00 -03:00",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 19:30:00 +0530",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026 14:00:00",
     std::optional<std::int64_t>{1795528800LL}},                      // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov 2026", std::optional<std::int64_t>{1795478400LL}},  // 2026-11-24T00:00:00Z
    {"Tuesday, 24 November 2026 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24 Nov. 2026 14:00:00 GMT.",
     std::optional<std::int64_t>{1795528800LL}},                           // 2026-11-24T14:00:00Z
    {"Nov 24, 2026 2:00 PM", std::optional<std::int64_t>{1795528800LL}},   // 2026-11-24T14:00:00Z
    {"Nov 24, 2026 12:30 AM", std::optional<std::int64_t>{1795480200LL}},  // 2026-11-24T00:30:00Z
    {"Tue, 24 Nov 2026 14:00:00.123 GMT",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"Tue, 24-Nov-2026 14:00:00 GMT",
     std::optional<std::int64_t>{1795528800LL}},                         // 2026-11-24T14:00:00Z
    {"2026/11/24 14:00:00", std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"lun, 09 may 2016 12:07:33 -0300",
     std::optional<std::int64_t>{1462806453LL}},  // 2016-05-09T15:07:33Z
    {"mié., 14 jul. 2021 13:00:00 +0000",
     std::optional<std::int64_t>{1626267600LL}},  // 2021-07-14T13:00:00Z
    {"mie, 14 jul 2021 13:00:00 +0000",
     std::optional<std::int64_t>{1626267600LL}},  // 2021-07-14T13:00:00Z
    {"Ter, 02 jun 2026 08:13:55 GMT",
     std::optional<std::int64_t>{1780388035LL}},  // 2026-06-02T08:13:55Z
    {"lun, 10 ago 2026 06:41 +0000",
     std::optional<std::int64_t>{1786344060LL}},                        // 2026-08-10T06:41:00Z
    {"3 de junio de 2007", std::optional<std::int64_t>{1180828800LL}},  // 2007-06-03T00:00:00Z
    {"3 juin 2007", std::optional<std::int64_t>{1180828800LL}},         // 2007-06-03T00:00:00Z
    {"mar, 10 mar 2026 10:00:00 -0300",
     std::optional<std::int64_t>{1773147600LL}},                 // 2026-03-10T13:00:00Z
    {"10 mar 2026", std::optional<std::int64_t>{1773100800LL}},  // 2026-03-10T00:00:00Z
    {"mar., 3 nov. 2026 09:30:00 -0300",
     std::optional<std::int64_t>{1793709000LL}},  // 2026-11-03T12:30:00Z
    {"sáb, 21 nov 2026 10:00:00 -0300",
     std::optional<std::int64_t>{1795266000LL}},  // 2026-11-21T13:00:00Z
    {"dom, 01 feb 2026 00:00:00 +0000",
     std::optional<std::int64_t>{1769904000LL}},  // 2026-02-01T00:00:00Z
    {"jue, 05 dic 2024 18:00:00 -0600",
     std::optional<std::int64_t>{1733443200LL}},                         // 2024-12-06T00:00:00Z
    {"15 de enero de 2026", std::optional<std::int64_t>{1768435200LL}},  // 2026-01-15T00:00:00Z
    {"5 de septiembre de 2026 14:20",
     std::optional<std::int64_t>{1788618000LL}},  // 2026-09-05T14:20:00Z
    {"Qua, 04 nov 2026 12:00:00 -0300",
     std::optional<std::int64_t>{1793804400LL}},  // 2026-11-04T15:00:00Z
    {"Seg, 19 out 2026 18:30:00 -0300",
     std::optional<std::int64_t>{1792445400LL}},  // 2026-10-19T21:30:00Z
    {"Sex, 18 dez 2026 10:00:00 -0300",
     std::optional<std::int64_t>{1797598800LL}},                         // 2026-12-18T13:00:00Z
    {"12 de março de 2026", std::optional<std::int64_t>{1773273600LL}},  // 2026-03-12T00:00:00Z
    {"Qui, 10 set. 2026 08:00:00 GMT",
     std::optional<std::int64_t>{1789027200LL}},                // 2026-09-10T08:00:00Z
    {"1 fev 2026", std::optional<std::int64_t>{1769904000LL}},  // 2026-02-01T00:00:00Z
    {"mer., 12 févr. 2025 09:15:00 +0100",
     std::optional<std::int64_t>{1739348100LL}},  // 2025-02-12T08:15:00Z
    {"jeu, 14 juil. 2022 10:00:00 +0200",
     std::optional<std::int64_t>{1657785600LL}},  // 2022-07-14T08:00:00Z
    {"ven, 15 août 2025 12:00:00 +0200",
     std::optional<std::int64_t>{1755252000LL}},                   // 2025-08-15T10:00:00Z
    {"1 juill. 2025", std::optional<std::int64_t>{1751328000LL}},  // 2025-07-01T00:00:00Z
    {"mar, 2 déc 2025 18:00:00 +0100",
     std::optional<std::int64_t>{1764694800LL}},                          // 2025-12-02T17:00:00Z
    {"lun 5 janv 2026", std::optional<std::int64_t>{1767571200LL}},       // 2026-01-05T00:00:00Z
    {"14 mars 2026", std::optional<std::int64_t>{1773446400LL}},          // 2026-03-14T00:00:00Z
    {"2026-11-24T14:00:00Z", std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"2026-11-24T14:00:00+00:00",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"2026-11-24T11:00:00-03:00",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"2026-11-24T11:00:00-0300",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"2026-11-24T14:00:00.123456Z",
     std::optional<std::int64_t>{1795528800LL}},                             // 2026-11-24T14:00:00Z
    {"2026-11-24t14:00:00z", std::optional<std::int64_t>{1795528800LL}},     // 2026-11-24T14:00:00Z
    {"2026-11-24 14:00:00", std::optional<std::int64_t>{1795528800LL}},      // 2026-11-24T14:00:00Z
    {"2026-11-24T14:00Z", std::optional<std::int64_t>{1795528800LL}},        // 2026-11-24T14:00:00Z
    {"2026-11-24T14:00:00", std::optional<std::int64_t>{1795528800LL}},      // 2026-11-24T14:00:00Z
    {"2026-11-24", std::optional<std::int64_t>{1795478400LL}},               // 2026-11-24T00:00:00Z
    {"2026-11", std::optional<std::int64_t>{1793491200LL}},                  // 2026-11-01T00:00:00Z
    {"2026", std::optional<std::int64_t>{1767225600LL}},                     // 2026-01-01T00:00:00Z
    {"20261124", std::optional<std::int64_t>{1795478400LL}},                 // 2026-11-24T00:00:00Z
    {"20261124T140000Z", std::optional<std::int64_t>{1795528800LL}},         // 2026-11-24T14:00:00Z
    {"2024-02-29T12:00:00Z", std::optional<std::int64_t>{1709208000LL}},     // 2024-02-29T12:00:00Z
    {"2026-11-24 14:00:00 UTC", std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"  2026-11-24T14:00:00Z  ",
     std::optional<std::int64_t>{1795528800LL}},  // 2026-11-24T14:00:00Z
    {"1999-12-31T23:59:59-01:00",
     std::optional<std::int64_t>{946688399LL}},  // 2000-01-01T00:59:59Z
    {"", std::nullopt},
    {"   ", std::nullopt},
    {"not a date", std::nullopt},
    {"2026-13-01", std::nullopt},
    {"2026-02-30", std::nullopt},
    {"2025-02-29T00:00:00Z", std::nullopt},
    {"2026-11-24T25:00:00Z", std::nullopt},
    {"2026-11-24T14:60:00Z", std::nullopt},
    {"2026-11-24T14:00:00+25:00", std::nullopt},
    {"Tue, 31 Nov 2026 10:00:00 GMT", std::nullopt},
    {"Tue, 24 Foo 2026 10:00:00 GMT", std::nullopt},
    {"Tue, 24 Nov 2026 25:00:00 GMT", std::nullopt},
    {"Tue, 24 Nov 2026 10:61:00 GMT", std::nullopt},
    {"Tue, 00 Nov 2026 10:00:00 GMT", std::nullopt},
    {"30 de febrero de 2026", std::nullopt},
    {"05/11/2026", std::nullopt},
    {"11/05/2026", std::nullopt},
    {"Nov 2026", std::nullopt},
    {"yesterday", std::nullopt},
    {"now", std::nullopt},
    {"0000-00-00T00:00:00Z", std::nullopt},
    {"Jan Feb 2026", std::nullopt},
    {"13:00", std::nullopt},
    {"2026-11-24T14:00:00 garbage", std::nullopt},
};
}  // namespace

TEST_CASE("feed::parse_date: table of RFC 822, ISO 8601 and localised dates (103 cases)") {
  for (const auto& c : kCases) {
    CAPTURE(c.raw);
    CHECK(atip::feed::parse_date(c.raw) == c.want);
  }
}

TEST_CASE("feed::parse_date: 'mar' is a weekday before the day number, a month after it") {
  using atip::feed::parse_date;
  CHECK(parse_date("mar, 10 nov 2026") == parse_date("2026-11-10"));
  CHECK(parse_date("10 mar 2026") == parse_date("2026-03-10"));
  CHECK(parse_date("mar 10 mar 2026") == parse_date("2026-03-10"));
}

TEST_CASE("feed::parse_date: two-digit years follow RFC 2822 (00-49 -> 20xx, 50-99 -> 19xx)") {
  using atip::feed::parse_date;
  CHECK(parse_date("01 Jan 49 00:00:00 GMT") == parse_date("2049-01-01"));
  CHECK(parse_date("01 Jan 50 00:00:00 GMT") == parse_date("1950-01-01"));
}

TEST_CASE("feed::parse_date: never crashes on hostile input") {
  using atip::feed::parse_date;
  CHECK_FALSE(parse_date(std::string(10000, '9')).has_value());
  CHECK_FALSE(parse_date("\xC3").has_value());
  CHECK_FALSE(parse_date("99999999999999999999").has_value());
  CHECK_FALSE(parse_date("+").has_value());
  CHECK_FALSE(parse_date("Tue, 24 Nov 2026 10:00:00 +").has_value());
}
