#pragma once
// Byte scanning for the hot loops of the HTML and XML rewriters. std::string_view::find_first_of
// with a two-character set calls memchr once per input byte in libstdc++, which made it the
// parser's top cost; a plain loop the compiler can unroll is several times faster.
#include <cstddef>
#include <string_view>

namespace atip::text {

// Index of the first '<' or '&' at or after `from`, or std::string_view::npos.
inline std::size_t find_markup(std::string_view s, std::size_t from) noexcept {
  const char* p = s.data();
  for (std::size_t i = from; i < s.size(); ++i)
    if (p[i] == '<' || p[i] == '&') return i;
  return std::string_view::npos;
}

}  // namespace atip::text
