// libFuzzer target: HTML-to-text, entity decoding and terminal sanitising. Outputs must be
// valid UTF-8 whatever the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace {
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const std::string text = atip::text::html_to_text(s);
  (void)atip::text::decode_entities(s);
  (void)atip::text::collapse_whitespace(s);
  const std::string safe = atip::text::terminal_safe(s);
  if (!valid_utf8(safe)) std::abort();
  (void)atip::text::terminal_safe(text);
  return 0;
}
