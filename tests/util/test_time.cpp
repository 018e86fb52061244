#include <doctest/doctest.h>

#include "lib/util/time.hpp"

using namespace atip::util;

TEST_CASE("util::format_rfc3339: UTC with a Z, before and after the epoch") {
  CHECK(format_rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(format_rfc3339(1'795'000'000) == "2026-11-18T11:06:40Z");
  CHECK(format_rfc3339(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_rfc3339(951'825'599) == "2000-02-29T11:59:59Z");
  CHECK(format_rfc3339(-62'135'596'800) == "0001-01-01T00:00:00Z");
  CHECK(format_rfc3339(253'402'300'799) == "9999-12-31T23:59:59Z");
  CHECK(format_rfc3339(253'402'300'800) == "10000-01-01T00:00:00Z");  // beyond four digits
  CHECK(format_date(951'782'400) == "2000-02-29");
}

TEST_CASE("util::parse_cli_date: days, months and years, with the end of the period on request") {
  CHECK(parse_cli_date("2026-11-18") == 1'795'000'000 - 11 * 3600 - 6 * 60 - 40);
  CHECK(format_rfc3339(*parse_cli_date("2026-02", true)) == "2026-02-28T23:59:59Z");
  CHECK(format_rfc3339(*parse_cli_date("2024-02", true)) == "2024-02-29T23:59:59Z");
  CHECK(format_rfc3339(*parse_cli_date("2026", true)) == "2026-12-31T23:59:59Z");
  CHECK(format_rfc3339(*parse_cli_date("2026-10-05", true)) == "2026-10-05T23:59:59Z");
  CHECK(format_rfc3339(*parse_cli_date("2026-11-20T12:00:00Z")) == "2026-11-20T12:00:00Z");
}

TEST_CASE("util::parse_cli_date: anything else is refused, never guessed") {
  for (const char* bad : {"", "last week", "2026-13", "2026-02-30", "26-10-01", "2026/10/01",
                          "2026-10-01T25:00:00Z", "2026-10-01T12:00:00+02:00", "20261"})
    CHECK_MESSAGE(!parse_cli_date(bad).has_value(), bad);
}
