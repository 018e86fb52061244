#pragma once
// The HTML5 named character reference table (all 2,125 names with ';', plus the legacy names
// browsers accept without it). Used by decode_entities and by lib/feed's pre-parse rewrite of
// undeclared entities.
#include <cstddef>
#include <string>
#include <string_view>

namespace atip::text {

// UTF-8 replacement text for the entity `name` (without '&' and ';'), e.g. "eacute" -> "é";
// empty when unknown. Case-sensitive, as in HTML.
std::string_view lookup_entity(std::string_view name) noexcept;

// True when HTML5 also recognises `name` without a terminating ';' (e.g. "nbsp", "copy").
bool is_legacy_entity(std::string_view name) noexcept;

// Length of the longest legacy entity name at the start of `s` (0 if none).
std::size_t legacy_entity_prefix(std::string_view s) noexcept;

// Decodes the character reference starting at s[amp] == '&' (named, decimal or hex) onto
// `out`; returns how many bytes it consumed, 0 when there is no valid reference there (nothing
// is appended then). Numeric references 0x80-0x9F map as Windows-1252 (HTML5); NUL, surrogates
// and values above U+10FFFF become U+FFFD.
std::size_t decode_reference(std::string_view s, std::size_t amp, std::string& out);

}  // namespace atip::text
