// libFuzzer target: OPML import, then a write of what was read. atip::Error is the documented
// failure for bytes that are not OPML.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "lib/opml/opml.hpp"
#include "lib/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  try {
    const auto outlines = atip::opml::read(s);
    std::ostringstream out;
    atip::opml::write(out, "fuzz", outlines);
  } catch (const atip::Error&) {
  }
  return 0;
}
