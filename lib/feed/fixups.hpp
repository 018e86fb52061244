#pragma once
// Repairs of decoded text that publishers' tool chains get wrong, applied to every text value
// of a parsed feed (titles, summaries, content, names, categories; never to URLs or ids):
//   - C1 controls U+0080-U+009F become the Windows-1252 characters they were meant to be
//     (a CMS that stored cp1252 bytes as Latin-1: U+0092 -> U+2019 "’");
//   - double-encoded UTF-8 ("SÃ£o Paulo", "â€¦" for "…") is decoded once more, but only when
//     every character maps back to a single Windows-1252 byte and those bytes form valid UTF-8
//     with at least one multi-byte sequence — text that genuinely is Latin-1 never does.
// Both are what feedparser does, and what the office's Brazilian and Chilean sources need.
#include <string>

namespace atip::feed {

// Returns true when `s` was changed.
bool fix_mojibake(std::string& s);

}  // namespace atip::feed
