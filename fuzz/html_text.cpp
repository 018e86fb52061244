// libFuzzer target: HTML-to-text, entity decoding and terminal sanitising. terminal_safe's
// output must be valid UTF-8 (strictly: no overlongs or surrogates) whatever the input, and
// every output must be when the input is.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace {
bool valid_utf8(std::string_view s) { return atip::text::is_valid_utf8(s); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const std::string text = atip::text::html_to_text(s);
  const std::string decoded = atip::text::decode_entities(s);
  const std::string collapsed = atip::text::collapse_whitespace(s);
  const std::string safe = atip::text::terminal_safe(s);
  if (!valid_utf8(safe)) std::abort();
  if (!valid_utf8(atip::text::terminal_safe(text))) std::abort();
  // The others keep what they do not rewrite, so valid text in must give valid text out (a
  // reference to a surrogate or beyond U+10FFFF, for one, must not produce its bytes).
  if (valid_utf8(s) && (!valid_utf8(text) || !valid_utf8(decoded) || !valid_utf8(collapsed))) std::abort();
  return 0;
}
