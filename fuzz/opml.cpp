// libFuzzer target: OPML import, then a write of what was read. atip::Error is the documented
// failure for bytes that are not OPML. What is read becomes feed rows, so it must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "fuzz/require_utf8.hpp"
#include "lib/opml/opml.hpp"
#include "lib/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  try {
    const auto outlines = atip::opml::read(s);
    for (const auto& o : outlines) {
      for (const std::string* v : {&o.xml_url, &o.title, &o.html_url, &o.kind, &o.select, &o.match, &o.set})
        atip::fuzz::require_utf8(*v, "an outline's attribute");
      for (const auto& c : o.categories) atip::fuzz::require_utf8(c, "an outline's category");
    }
    std::ostringstream out;
    atip::opml::write(out, "fuzz", outlines);
  } catch (const atip::Error& e) {
    atip::fuzz::require_utf8(e.what(), "the error");
  }
  return 0;
}
