#pragma once
// Recovery from ill-formed XML, in the spirit of a browser's "keep going": pugixml stops at the
// first error but keeps the tree built so far; `repair` edits the buffer at the error so the
// next attempt gets further. Each repair is local and linear; parse.cpp caps the attempts.
//   - an end tag that closes an element opened further up closes the ones in between
//     (an unclosed <p> inside a description no longer swallows the rest of the feed);
//   - an end tag that matches nothing open is blanked out;
//   - a '<' that starts no valid markup ("a < b") becomes "&lt;";
//   - a document cut short (truncated download) is cut at the last complete tag and closed.
// Blanking uses spaces and insertions add no newlines, so line numbers stay the document's.
#include <pugixml.hpp>
#include <string>

namespace atip::feed {

// Returns false when it cannot help (the caller then keeps the partial tree it has).
bool repair(std::string& xml, const pugi::xml_parse_result& error);

// "mismatched end tag", "unexpected end of document" …: pugixml's status in atip's words.
std::string describe(const pugi::xml_parse_result& error);

}  // namespace atip::feed
