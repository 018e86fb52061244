#pragma once
// Reading element content the way feeds need it: plain text, inline markup serialised back to
// HTML, Atom text constructs, people ("addr@x (Name)"), and feedparser's guess of whether an
// RSS value is HTML. Internal to lib/feed.
#include <string>
#include <string_view>

#include "lib/feed/feed.hpp"
#include "lib/feed/xml_scope.hpp"

namespace atip::feed {

// Concatenated character data (text and CDATA) of the element's subtree, trimmed.
std::string text_of(pugi::xml_node node);

// The children of `node` serialised as HTML (element names without prefixes, text escaped).
std::string inner_html(pugi::xml_node node);

struct TypedText {
  std::string value;
  TextType type = TextType::Text;
};

// An Atom text construct (title, subtitle, summary, content, and Atom 0.3's mode="escaped"/
// "base64"/"xml"). type="xhtml": the inner div's children as HTML, typed Xhtml.
TypedText atom_text(const Scope& el);

// An RSS title/description: the text, or inline child elements serialised as HTML. Typed Html
// when `looks_like_html` says so (feedparser's guess), or always when `html_capable`.
TypedText rss_text(const Scope& el, bool html_capable);

// True when `s` contains an end tag or a character reference (feedparser's lookslikehtml).
bool looks_like_html(std::string_view s);

// "addr@example.org (Ana Pérez)", "Ana Pérez <addr@example.org>", "addr@example.org", "Ana".
Person parse_person(std::string_view raw);

// Trims ASCII whitespace.
std::string_view trim(std::string_view s) noexcept;

}  // namespace atip::feed
