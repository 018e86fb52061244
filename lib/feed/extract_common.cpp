#include <charconv>

#include "lib/feed/content.hpp"
#include "lib/feed/dates.hpp"
#include "lib/feed/extract.hpp"

namespace atip::feed {

void set_date(Date& d, std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.empty()) return;
  std::optional<std::int64_t> time = parse_date(t);
  if (!time && d.time) return;  // keep a readable earlier value
  d.raw = std::string(t);
  d.time = time;
}

void append_entry(Feed& feed, Entry&& e, pugi::xml_node item) {
  feed.entries.push_back(std::move(e));
  item.parent().remove_child(item);
}

void reserve_entries(Feed& feed, pugi::xml_node parent) {
  std::size_t n = 0;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    n += c.type() == pugi::node_element;
  feed.entries.reserve(feed.entries.size() + n);
}

bool is_rss_ns(Ns ns) noexcept {
  return ns == Ns::None || ns == Ns::Rss || ns == Ns::Rss10 || ns == Ns::Rss090;
}

bool is_atom_ns(Ns ns) noexcept { return ns == Ns::Atom10 || ns == Ns::Atom03; }

Person atom_person(const Scope& el) {
  Person p;
  bool structured = false;
  for (pugi::xml_node c = el.node().first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    structured = true;
    const Scope cs(&el, c);
    const std::string_view local = cs.name().local;
    if (local == "name" && p.name.empty())
      p.name = text_of(c);
    else if (local == "email" && p.email.empty())
      p.email = text_of(c);
    else if ((local == "uri" || local == "url") && p.uri.empty())
      p.uri = cs.resolve_url(text_of(c));
  }
  if (!structured) p = parse_person(text_of(el.node()));
  return p;
}

void atom_link(const Scope& el, std::string& link, Entry* entry) {
  std::string_view rel = trim(el.attr("rel"));
  if (rel.empty()) rel = "alternate";
  if (rel.starts_with("http://www.iana.org/assignments/relation/")) rel.remove_prefix(41);
  std::string_view href = trim(el.attr("href"));
  // <link rel="alternate">http://…</link>: the URL as content, which feedparser accepts too.
  std::string text;
  if (href.empty()) {
    text = text_of(el.node());
    href = text;
  }
  if (href.empty()) return;
  const auto described = [&] {
    return Link{el.resolve_url(href), std::string(trim(el.attr("hreflang"))),
                std::string(trim(el.attr("type"))), std::string(trim(el.attr("title")))};
  };
  if (rel == "alternate") {
    if (link.empty()) link = el.resolve_url(href);
    if (entry) entry->alternates.push_back(described());
  } else if (rel == "related" && entry) {
    entry->related.push_back(described());
  } else if (rel == "enclosure" && entry) {
    entry->enclosures.push_back(
        {el.resolve_url(href), std::string(trim(el.attr("type"))), parse_length(el.attr("length"))});
  }
}

bool dc_entry_list(const Scope& c, std::string_view n, Entry& e) {
  std::vector<std::string>* target = n == "relation"     ? &e.relations
                                     : n == "identifier" ? &e.identifiers
                                                         : nullptr;
  if (!target) return false;
  std::string v = text_of(c.node());
  // <dc:relation rdf:resource="…"/>, the RDF way of giving a URI.
  if (v.empty()) v = std::string(trim(c.attr(Ns::Rdf, "resource")));
  if (!v.empty()) target->push_back(std::move(v));
  return true;
}

std::optional<std::int64_t> parse_length(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

void add_category(std::vector<std::string>& cats, std::string_view c) {
  c = trim(c);
  if (c.empty()) return;
  for (const auto& existing : cats)
    if (existing == c) return;
  cats.emplace_back(c);
}

}  // namespace atip::feed
