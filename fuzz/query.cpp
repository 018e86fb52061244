// libFuzzer target: the search language. SyntaxError is the documented failure; anything else
// (another exception, a crash) is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lib/query/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  try {
    (void)atip::query::to_fts5(s);
  } catch (const atip::query::SyntaxError&) {
  }
  return 0;
}
