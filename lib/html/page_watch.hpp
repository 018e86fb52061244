#pragma once
// Page watching: an HTML page without a feed, read as if it were one. Each link in the chosen
// part of the page becomes an entry; run by `atip fetch` for feeds of kind "page" in place of
// feed::parse, so everything after (records, identity, tags, conditional GET, health,
// back-off) is the feed pipeline's. Pure: bytes in, ParseResult out, no I/O, no clock.
//
// Which links:
//   --select SEL  the links inside the elements SEL matches (selector.hpp), or SEL's own <a>;
//   --match PAT   only links whose absolute URL matches PAT (url_matches below);
//   both          links inside SEL that match PAT;
//   neither       the links of <main> (or role=main), else of <body>, outside <nav>, <header>,
//                 <footer>, <aside> and their ARIA roles.
// Only http(s) links, resolved against <base href> and the page URL, fragment removed, one
// entry per canonical URL in document order. Never entries: links to the page itself
// (#fragments), mailto:, javascript: and other schemes, archive pages (rel=tag, category,
// author), and navigation: rel=next/prev/first/last, links inside an element whose class names pagination ("pagination", "pager",
// "page-numbers"), link text that is only page numbers, arrows or words such as "Next",
// "Siguiente", "Anterior", "Suivant", "Próxima" or "Ver más noticias", and URLs ending in /page/N or carrying
// page=N (also pagina=, pag=, paged=, start=, offset=).
//
// Each entry: title from the link text (from its heading when the link wraps a whole card);
// when the text is generic ("Read more", "Leer más", "Ver más", "Saiba mais", "En savoir
// plus", "Download PDF" …) or the link is an image, from the heading of the surrounding item,
// else the link's title/aria-label, else the image's alt; at most 300 characters.
// The item is the nearest enclosing li, article, tr, dd, or div/section whose class names a
// card, item, teaser, post, entry, result, views-row, publication, release or story (one
// holding more than 12 links is a container, not an item). Date from the item's <time datetime>
// (else <time> text), else the first date written in its text in es/pt/fr/en ("3 de junio
// de 2026", "June 3, 2026", "3 juin 2026", "2026-06-03"; lib/feed/dates.hpp; numeric
// dd/mm/yyyy is ambiguous and ignored); none otherwise (the catalogue then uses first-seen).
// Summary: the item's text without its headings, dates and generic links, at most 600
// characters. Entry id: the canonical URL, so a link keeps its key across fetches.
//
// An unusable result is a failure (ok false), as for a feed that does not parse, because a
// page whose layout changed must reach a person: the selector matches nothing, no link
// matches the pattern, or the page has no links at all. Pages above 10 MiB are cut there,
// pages nesting elements more than 2,048 deep are cut before that tag (dom.hpp), and at most
// 2,000 entries are kept, each with a warning.
#include <string>
#include <string_view>

#include "lib/feed/parse.hpp"

namespace atip::html {

struct PageWatch {
  std::string select;  // CSS selector (selector.hpp); "" for the default part of the page
  std::string match;   // URL pattern (url_matches); "" for any
};

// The pattern syntax of --match: with '*', a glob over the whole absolute URL ('*' is any run
// of characters, '/' included; every other character is literal); without '*', a substring
// of the URL. Case-insensitive either way ("*.pdf" matches ".PDF").
bool url_matches(std::string_view pattern, std::string_view url);

feed::ParseResult watch_page(std::string_view bytes, const feed::Hints& hints, const PageWatch& watch);

}  // namespace atip::html
