// libFuzzer target: feed::parse_date never crashes and never returns a time for empty input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lib/feed/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)atip::feed::parse_date(s);
  (void)atip::feed::date_detail::parse_iso8601(s);
  if (size == 0 && atip::feed::parse_date(s)) std::abort();
  return 0;
}
