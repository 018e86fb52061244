#pragma once
// What the bytes are when they are not a feed: nothing, binary data, or an HTML page (a site
// that replaced its feed with a page and still answers 200). Cheap checks on the first bytes;
// the HTML link scanner is a small tolerant tag reader, not an HTML parser.
#include <string>
#include <string_view>
#include <vector>

namespace atip::feed {

// True when `bytes` has nothing but whitespace.
bool is_blank(std::string_view bytes) noexcept;

// True for image/archive/PDF magic numbers, or NUL bytes in text that was decoded already
// (UTF-16/32 have been turned into UTF-8 by then, so a NUL cannot be explained any more).
bool looks_binary(std::string_view raw_bytes, std::string_view decoded_utf8) noexcept;

// True when the document starts (after whitespace, comments and an XML declaration) with
// "<!doctype html" or "<html", case-insensitively.
bool looks_like_html_page(std::string_view utf8) noexcept;

// The hrefs of <link rel="alternate" type="application/rss+xml|atom+xml|feed+json"> in an HTML
// page, entity-decoded and resolved against `base_url`, in document order, without duplicates.
std::vector<std::string> advertised_feeds(std::string_view html, std::string_view base_url);

}  // namespace atip::feed
