#pragma once
// URL reference resolution (RFC 3986 section 5). Pure string work: no normalisation beyond what
// the RFC's algorithm does (dot segments), no percent-decoding, no I/O.
#include <string>
#include <string_view>

namespace atip::util {

// Resolves `ref` against `base` per RFC 3986 5.2 (merge + remove_dot_segments). Surrounding
// whitespace of both is ignored. An empty base returns `ref` unchanged (a relative URL stays
// relative); an absolute `ref` is returned as is (with dot segments removed). An empty `ref`
// returns the base without its fragment.
std::string resolve_url(std::string_view base, std::string_view ref);

// Decodes %XX escapes (malformed ones are kept as written). `plus_is_space` for query strings
// (application/x-www-form-urlencoded), where '+' means a space; elsewhere '+' is itself.
std::string percent_decode(std::string_view s, bool plus_is_space = false);

// True when `s` starts with a URI scheme ("http:", "mailto:", …).
bool has_scheme(std::string_view s) noexcept;

}  // namespace atip::util
