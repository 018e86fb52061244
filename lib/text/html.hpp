#pragma once
// HTML as found inside feeds: entity decoding and conversion to plain text for storage and
// search. Input need not be well-formed; output is valid UTF-8.
#include <string>
#include <string_view>

namespace atip::text {

// Decodes HTML named (the full HTML5 set that matters in feeds: &nbsp; &eacute; &rsquo; …)
// and numeric character references. Unknown or malformed references are left as written.
std::string decode_entities(std::string_view s);

// Turns an HTML fragment into clean plain text: tags removed, entities decoded, block elements
// (p, br, div, li, h1-h6, tr …) become line breaks, script/style/head content dropped, runs of
// spaces collapsed, blank lines collapsed to one, trimmed.
std::string html_to_text(std::string_view html);

// Plain text as paragraphs of HTML: &, < and > escaped, each blank line closing a <p>, each
// other line break a <br>. The catalogue keeps a summary's HTML only when it differs from this
// (rows::summary_html_derived, lib/store/document_rows.hpp), so the rule is frozen:
// schema/0009 states it again in SQL, and a catalogue's stored rows depend on both agreeing.
std::string paragraphs_html(std::string_view plain);
// paragraphs_html(plain) == html, without writing it.
bool is_paragraphs_html(std::string_view plain, std::string_view html);

// Collapses all whitespace (including newlines) to single spaces and trims.
std::string collapse_whitespace(std::string_view s);

}  // namespace atip::text
