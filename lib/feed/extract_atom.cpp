// Atom 1.0 (RFC 4287) and the older Atom 0.3. Atom elements are accepted in either Atom
// namespace or in none (feeds that forget xmlns); Dublin Core dates and subjects are read too.
#include "lib/feed/content.hpp"
#include "lib/feed/extract.hpp"

namespace atip::feed {

namespace {

bool atomish(Ns ns) { return is_atom_ns(ns) || ns == Ns::None; }

void entry_atom_element(const Scope& c, Entry& e) {
  const std::string_view n = c.name().local;
  const pugi::xml_node node = c.node();
  if (n == "id") {
    if (e.id.empty()) e.id = text_of(node);
  } else if (n == "title") {
    if (e.title.empty()) {
      auto t = atom_text(c);
      e.title = std::move(t.value), e.title_type = t.type;
    }
  } else if (n == "link") {
    atom_link(c, e.link, &e);
  } else if (n == "published" || n == "issued") {
    set_date(e.published, text_of(node));
  } else if (n == "updated" || n == "modified") {
    set_date(e.updated, text_of(node));
  } else if (n == "author") {
    if (Person p = atom_person(c); !p.name.empty() || !p.email.empty()) e.authors.push_back(p);
  } else if (n == "summary") {
    if (e.summary.empty()) {
      auto t = atom_text(c);
      e.summary = std::move(t.value), e.summary_type = t.type;
    }
  } else if (n == "content") {
    if (e.content.empty()) {
      auto t = atom_text(c);
      e.content = std::move(t.value), e.content_type = t.type;
    }
  } else if (n == "category") {
    std::string_view term = trim(c.attr("term"));
    if (term.empty()) term = trim(c.attr("label"));
    add_category(e.categories, term);
  }
}

void entry_dc_element(const Scope& c, Entry& e) {
  const std::string_view n = c.name().local;
  if (dc_entry_list(c, n, e)) return;
  const std::string v = text_of(c.node());
  if (c.name().ns == Ns::Dcterms) {
    if (n == "modified")
      set_date(e.updated, v);
    else if (n == "issued")
      set_date(e.published, v);
  } else if (n == "date") {
    set_date(e.updated, v);
  } else if (n == "subject") {
    add_category(e.categories, v);
  } else if (n == "creator") {
    if (Person p = parse_person(v); !p.name.empty() || !p.email.empty()) e.authors.push_back(p);
  } else if (n == "language" && e.language.empty()) {
    e.language = v;
  }
}

Entry read_entry(const Scope& entry) {
  Entry e;
  for (pugi::xml_node child = entry.node().first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const Scope c(&entry, child);
    const Ns ns = c.name().ns;
    if (atomish(ns))
      entry_atom_element(c, e);
    else if (ns == Ns::Dc || ns == Ns::Dcterms)
      entry_dc_element(c, e);
    else if (ns == Ns::Prism && c.name().local == "doi")
      if (std::string v = text_of(child); !v.empty()) e.identifiers.push_back(std::move(v));
  }
  if (e.language.empty()) e.language = entry.lang();
  // feedparser treats an Atom id like an RSS permalink guid: the link when there is none.
  if (e.link.empty()) e.link = e.id;
  return e;
}

void feed_element(const Scope& c, Feed& feed, std::string& feed_id) {
  const std::string_view n = c.name().local;
  const pugi::xml_node node = c.node();
  if (n == "title") {
    if (feed.title.empty()) {
      auto t = atom_text(c);
      feed.title = std::move(t.value), feed.title_type = t.type;
    }
  } else if (n == "subtitle" || n == "tagline") {
    if (feed.description.empty()) feed.description = atom_text(c).value;
  } else if (n == "link") {
    atom_link(c, feed.link, nullptr);
  } else if (n == "updated" || n == "modified") {
    set_date(feed.updated, text_of(node));
  } else if (n == "published" || n == "issued") {
    set_date(feed.published, text_of(node));
  } else if (n == "id") {
    if (feed_id.empty()) feed_id = text_of(node);
  }
}

}  // namespace

void extract_atom(const Scope& root, Feed& feed) {
  std::string feed_id;
  reserve_entries(feed, root.node());
  for (pugi::xml_node child = root.node().first_child(), next; child; child = next) {
    next = child.next_sibling();  // an entry is removed once read
    if (child.type() != pugi::node_element) continue;
    const Scope c(&root, child);
    const Ns ns = c.name().ns;
    if (atomish(ns)) {
      // <item> in an Atom feed is an entry to feedparser too (RSS habits die hard).
      if (c.name().local == "entry" || c.name().local == "item")
        append_entry(feed, read_entry(c), child);
      else
        feed_element(c, feed, feed_id);
    } else if (ns == Ns::Dc || ns == Ns::Dcterms) {
      const std::string_view n = c.name().local;
      const std::string v = text_of(child);
      if (n == "language" && feed.language.empty())
        feed.language = v;
      else if (n == "date" || n == "modified")
        set_date(feed.updated, v);
      else if (n == "issued")
        set_date(feed.published, v);
    }
  }
  if (feed.language.empty()) feed.language = root.lang();
  if (feed.link.empty()) feed.link = std::move(feed_id);
}

}  // namespace atip::feed
