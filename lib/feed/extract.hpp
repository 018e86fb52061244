#pragma once
// Tree -> Feed for each XML dialect. Internal to lib/feed; parse.cpp picks the dialect from the
// root element and calls one of these. They never throw on odd content: unknown elements are
// skipped, repeated single-valued elements keep the first value.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/feed/feed.hpp"
#include "lib/feed/xml_scope.hpp"

namespace atip::feed {

// <rss>, <rdf:RDF> (RSS 0.90 and 1.0) and a bare <channel> root.
void extract_rss(const Scope& root, Feed& feed);

// <feed> (Atom 1.0 and 0.3).
void extract_atom(const Scope& root, Feed& feed);

// Shared helpers.
// Fills `d` from `raw`: the last date of a kind wins, as in feedparser ("<updated>" twice, or
// Atom 0.3 <issued> then <published>), except that an unreadable date never replaces a readable
// one.
void set_date(Date& d, std::string_view raw);
// RSS element namespaces: none, RSS 0.90/1.0 namespaces and the Userland/Harvard ones.
bool is_rss_ns(Ns ns) noexcept;
bool is_atom_ns(Ns ns) noexcept;
// An Atom <author>/<contributor> (name/email/uri children, or plain text as a fallback).
Person atom_person(const Scope& el);
// An Atom (or atom:link / xhtml:link in RSS) <link>: fills `link` from the first alternate (or
// rel-less) link and, when `entry` is non-null, appends to its alternates, related links and
// enclosures.
void atom_link(const Scope& el, std::string& link, Entry* entry);
// dc:relation / dc:identifier (and dcterms:) values of an entry; false when `n` is neither.
bool dc_entry_list(const Scope& c, std::string_view n, Entry& e);
// Digits only, else nullopt ("" and "unknown" are common).
std::optional<std::int64_t> parse_length(std::string_view s);
// Appends a category unless it is empty or already present.
void add_category(std::vector<std::string>& cats, std::string_view c);
// Appends the entry read from `item` and removes `item` from the tree. The tree is only walked
// once and dropped after extraction; freeing each entry's nodes as soon as it is read lets their
// memory hold the entries' text, so a large feed never holds its whole tree and all its
// entries at once. Callers iterating siblings must take next_sibling() before calling this.
void append_entry(Feed& feed, Entry&& e, pugi::xml_node item);
// Room for one entry per element child of `parent` (an upper bound): growing the vector of a
// 20 MB feed by doubling briefly held it one and a half times over.
void reserve_entries(Feed& feed, pugi::xml_node parent);

}  // namespace atip::feed
