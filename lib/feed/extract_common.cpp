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

void atom_link(const Scope& el, std::string& link, std::vector<Enclosure>* enclosures) {
  std::string_view rel = trim(el.attr("rel"));
  if (rel.empty()) rel = "alternate";
  std::string_view href = trim(el.attr("href"));
  // <link rel="alternate">http://…</link>: the URL as content, which feedparser accepts too.
  std::string text;
  if (href.empty()) {
    text = text_of(el.node());
    href = text;
  }
  if (rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate") {
    if (link.empty() && !href.empty()) link = el.resolve_url(href);
  } else if (rel == "enclosure" && enclosures && !href.empty()) {
    enclosures->push_back({el.resolve_url(href), std::string(trim(el.attr("type"))),
                           parse_length(el.attr("length"))});
  }
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
