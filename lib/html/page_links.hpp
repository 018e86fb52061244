#pragma once
// What page watching knows about the elements and URLs of a listing page (internal to
// page_watch.cpp): which elements are items, chrome or pagination, which URLs are other pages
// of the listing. The rules are documented in page_watch.hpp.
#include <gumbo.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace atip::html::page_links {

std::string lower(std::string_view s);
bool is_heading(const GumboNode* n);
// Elements strictly below `root` for which `pred` holds, in document order.
std::vector<const GumboNode*> elements_below(const GumboNode* root, bool (*pred)(const GumboNode*));
// True when a class of `n` contains one of `words` (lower-cased substrings).
bool class_has(const GumboNode* n, std::initializer_list<std::string_view> words);
// nav, aside, and a header/footer that belongs to the page rather than to an item.
bool is_chrome(const GumboNode* n);
bool is_pagination_container(const GumboNode* n);
// li, article, tr, dd, or a div/section whose class names one document (card, item, teaser …).
bool is_item(const GumboNode* n);
// The scheme of an absolute URL, lower-cased; "" when relative.
std::string scheme_of(std::string_view url);
std::string without_fragment(std::string url);
// "/news/page/3", "?page=2", "&pagina=4": another page of the same listing.
bool is_pagination_url(std::string_view url);
// rel=next/prev/first/last, and the archive pages rel=tag/category/author.
bool rel_is_navigation(const GumboNode* a);
// '*' is any run of characters; iterative with one backtrack point, no recursion.
bool glob(std::string_view pattern, std::string_view s);

}  // namespace atip::html::page_links
