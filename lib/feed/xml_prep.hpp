#pragma once
// Rewrites decoded (UTF-8) feed text into something an XML 1.0 parser that knows only the five
// predefined entities will accept, without changing what a reader sees:
//   - junk before the first '<' (whitespace, stray bytes, a second BOM) is dropped;
//   - undeclared HTML named references (&nbsp; &eacute; &rsquo; …) become numeric references;
//   - '&' that does not start a valid reference becomes "&amp;";
//   - numeric references to characters XML forbids (&#0; &#x1;) become U+FFFD, and &#128;-&#159;
//     map as Windows-1252 (what the publisher meant, as in HTML5).
// CDATA sections, comments, processing instructions and the DOCTYPE are copied untouched.
// Entities declared in the DOCTYPE's internal subset are left as references and never
// expanded (so no "billion laughs"). No newline is added or removed after the first '<', so
// a line number in the output is a line number in the document (plus `skipped_lines`).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atip::feed {

struct PreparedXml {
  std::string xml;
  std::size_t skipped_lines = 0;      // newlines in the junk that was dropped
  bool changed = false;               // any reference was rewritten or escaped
  std::vector<std::string> warnings;  // at most a few, with line numbers
};

PreparedXml prepare_xml(std::string_view utf8);
// The same, reusing `utf8`'s storage for the result when nothing needs rewriting (the common
// case), which saves a copy of the whole document.
PreparedXml prepare_xml_owned(std::string&& utf8);

// 1-based line of byte offset `offset` in `s`.
std::size_t line_of(std::string_view s, std::size_t offset) noexcept;

}  // namespace atip::feed
