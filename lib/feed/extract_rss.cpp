// RSS 0.9x, 1.0 (RDF) and 2.0, with the Dublin Core, dcterms, content, iTunes and Media RSS
// elements that appear inside them, and CDF (<CHANNEL HREF=… LASTMOD=…>), which feedparser
// also reads. RSS's own elements are accepted in no namespace or any RSS namespace (0.90 and 1.0
// put everything in theirs). Atom element names used without a namespace inside RSS
// (<updated>, <id>, <link href=…>), common in podcast feeds, are read as Atom.
#include "lib/feed/content.hpp"
#include "lib/feed/extract.hpp"

namespace atip::feed {

namespace {

struct ItemState {
  std::string guid;
  bool guid_is_permalink = true;
  std::string fallback_title;   // media:title, used when there is no <title>
  std::string fallback_author;  // itunes:author, used when there is no other author
};

// Text directly inside the element, ignoring child elements (<category>x<image>…</image>).
std::string direct_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  return std::string(trim(out));
}

bool has_element_child(pugi::xml_node n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) return true;
  return false;
}

void add_person(std::vector<Person>& out, Person p) {
  if (!p.name.empty() || !p.email.empty()) out.push_back(std::move(p));
}

// Atom constructs an item may carry (as atom:* or unprefixed). Returns false when `n` is none.
bool item_atom_like(const Scope& c, std::string_view n, Entry& e, ItemState& st) {
  if (n == "link")
    atom_link(c, e.link, &e);
  else if (n == "updated" || n == "modified")
    set_date(e.updated, text_of(c.node()));
  else if (n == "published" || n == "issued")
    set_date(e.published, text_of(c.node()));
  else if (n == "author")
    add_person(e.authors, atom_person(c));
  else if (n == "id") {
    if (st.guid.empty()) st.guid = text_of(c.node());
  } else if (n == "summary" || n == "content" || n == "abstract") {
    std::string& target = n == "content" ? e.content : e.summary;
    TextType& type = n == "content" ? e.content_type : e.summary_type;
    if (target.empty()) {
      auto t = n == "abstract" ? rss_text(c, true) : atom_text(c);
      target = std::move(t.value), type = t.type;
    }
  } else {
    return false;
  }
  return true;
}

void item_rss_element(const Scope& c, Entry& e, ItemState& st) {
  const std::string_view n = c.name().local;
  const pugi::xml_node node = c.node();
  if (n == "title") {
    if (e.title.empty()) {
      auto t = rss_text(c, false);
      e.title = std::move(t.value), e.title_type = t.type;
    }
  } else if (n == "link" && !c.attr("href").empty()) {
    atom_link(c, e.link, &e);
  } else if (n == "link") {
    if (std::string v = text_of(node); e.link.empty() && !v.empty()) e.link = c.resolve_url(v);
  } else if (n == "guid") {
    st.guid = text_of(node);
    const std::string_view perma = trim(c.attr("ispermalink"));
    st.guid_is_permalink = !(perma.size() == 5 && (perma[0] == 'f' || perma[0] == 'F'));
  } else if (n == "description") {
    if (e.summary.empty()) {
      auto t = rss_text(c, true);
      e.summary = std::move(t.value), e.summary_type = t.type;
    }
  } else if (n == "author" && has_element_child(node)) {
    add_person(e.authors, atom_person(c));
  } else if (n == "author") {
    add_person(e.authors, parse_person(text_of(node)));
  } else if (n == "category") {
    add_category(e.categories, direct_text(node));
  } else if (n == "enclosure") {
    const std::string_view url = trim(c.attr("url"));
    if (!url.empty())
      e.enclosures.push_back(
          {c.resolve_url(url), std::string(trim(c.attr("type"))), parse_length(c.attr("length"))});
  } else if (n == "pubdate") {
    set_date(e.published, text_of(node));
  } else if (n == "language") {
    if (e.language.empty()) e.language = text_of(node);
  } else if ((n == "body" || n == "fullitem") && e.content.empty()) {
    // Old RSS extensions carrying the full article: inline XHTML or escaped HTML.
    e.content = has_element_child(node) ? inner_html(node) : text_of(node);
    e.content_type = TextType::Html;
  } else {
    item_atom_like(c, n, e, st);
  }
}

// Dublin Core and dcterms, shared by items and channels.
struct DcTarget {
  std::string* title;
  std::string* summary;
  TextType* summary_type;
  std::vector<Person>* authors;
  std::vector<std::string>* categories;
  Date* updated;
  Date* published;
  std::string* language;
};

void dc_element(const Scope& c, const DcTarget& t) {
  const std::string_view n = c.name().local;
  const std::string v = text_of(c.node());
  if (c.name().ns == Ns::Dcterms) {
    if (n == "modified")
      set_date(*t.updated, v);
    else if (n == "issued")
      set_date(*t.published, v);
    return;
  }
  if (n == "date") {
    set_date(*t.updated, v);
  } else if ((n == "creator" || n == "author") && t.authors) {
    add_person(*t.authors, parse_person(v));
  } else if (n == "subject" && t.categories) {
    add_category(*t.categories, v);
  } else if (n == "title" && t.title && t.title->empty()) {
    *t.title = v;
  } else if (n == "description" && t.summary && t.summary->empty()) {
    auto r = rss_text(c, true);
    *t.summary = std::move(r.value);
    if (t.summary_type) *t.summary_type = r.type;
  } else if (n == "language" && t.language->empty()) {
    *t.language = v;
  }
}

void item_extension(const Scope& c, Entry& e, ItemState& st) {
  const Ns ns = c.name().ns;
  const std::string_view n = c.name().local;
  if (ns == Ns::Content && n == "encoded" && e.content.empty()) {
    e.content = text_of(c.node()), e.content_type = TextType::Html;
  } else if (ns == Ns::Xhtml && n == "body" && e.content.empty()) {
    e.content = inner_html(c.node()), e.content_type = TextType::Xhtml;
  } else if (ns == Ns::Xhtml && n == "link") {
    atom_link(c, e.link, &e);
  } else if (ns == Ns::Prism && n == "doi") {
    if (std::string v = text_of(c.node()); !v.empty()) e.identifiers.push_back(std::move(v));
  } else if (ns == Ns::Itunes && n == "author") {
    st.fallback_author = text_of(c.node());
  } else if (ns == Ns::Itunes && n == "summary" && e.summary.empty()) {
    e.summary = text_of(c.node());
  } else if (ns == Ns::Media && n == "category") {
    // With an explicit scheme it is a publisher's taxonomy; without one (YouTube, podcasts) it
    // is keyword noise, and feedparser-based tools drop it too.
    const std::string_view scheme = trim(c.attr("scheme"));
    if (!scheme.empty() && scheme != "http://search.yahoo.com/mrss/category_schema")
      add_category(e.categories, text_of(c.node()));
  } else if (ns == Ns::Media && n == "title" && st.fallback_title.empty()) {
    st.fallback_title = text_of(c.node());
  }
}

Entry read_item(const Scope& item) {
  Entry e;
  ItemState st;
  const DcTarget dc{&e.title,      &e.summary, &e.summary_type, &e.authors,
                    &e.categories, &e.updated, &e.published,    &e.language};
  for (pugi::xml_node child = item.node().first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const Scope c(&item, child);
    const Ns ns = c.name().ns;
    if (is_rss_ns(ns)) {
      item_rss_element(c, e, st);
    } else if (ns == Ns::Dc || ns == Ns::Dcterms) {
      if (!dc_entry_list(c, c.name().local, e)) dc_element(c, dc);
    } else if (is_atom_ns(ns)) {
      item_atom_like(c, c.name().local, e, st);
    } else {
      item_extension(c, e, st);
    }
  }
  // CDF: <ITEM HREF="…" LASTMOD="…">.
  if (const auto href = trim(item.attr("href")); e.link.empty() && !href.empty())
    e.link = item.resolve_url(href);
  if (const auto lastmod = item.attr("lastmod"); !lastmod.empty()) set_date(e.updated, lastmod);
  if (e.title.empty()) e.title = std::move(st.fallback_title);
  if (e.authors.empty()) add_person(e.authors, parse_person(st.fallback_author));
  e.id = st.guid;
  if (e.id.empty()) e.id = std::string(trim(item.attr(Ns::Rdf, "about")));
  // RSS 2.0: a guid is a permalink unless it says otherwise. feedparser uses it as the link
  // verbatim (not resolved against any base), and so do we.
  if (e.link.empty() && !st.guid.empty() && st.guid_is_permalink) e.link = st.guid;
  if (e.language.empty()) e.language = item.lang();
  return e;
}

void channel_rss_element(const Scope& c, Feed& feed) {
  const std::string_view n = c.name().local;
  const pugi::xml_node node = c.node();
  if (n == "item") {
    append_entry(feed, read_item(c), node);
  } else if (n == "title") {
    if (feed.title.empty()) {
      auto t = rss_text(c, false);
      feed.title = std::move(t.value), feed.title_type = t.type;
    }
  } else if (n == "link" && !c.attr("href").empty()) {
    atom_link(c, feed.link, nullptr);
  } else if (n == "link") {
    if (std::string v = text_of(node); feed.link.empty() && !v.empty())
      feed.link = c.resolve_url(v);
  } else if (n == "description" || n == "subtitle" || n == "tagline" || n == "abstract") {
    if (feed.description.empty()) feed.description = text_of(node);
  } else if (n == "language") {
    if (feed.language.empty()) feed.language = text_of(node);
  } else if (n == "lastbuilddate" || n == "updated" || n == "modified") {
    set_date(feed.updated, text_of(node));
  } else if (n == "pubdate") {
    set_date(feed.published, text_of(node));
  }
}

void read_channel(const Scope& ch, Feed& feed) {
  const DcTarget dc{&feed.title, &feed.description, nullptr,         nullptr,
                    nullptr,     &feed.updated,     &feed.published, &feed.language};
  reserve_entries(feed, ch.node());
  for (pugi::xml_node child = ch.node().first_child(), next; child; child = next) {
    next = child.next_sibling();  // an item is removed once read
    if (child.type() != pugi::node_element) continue;
    const Scope c(&ch, child);
    const Ns ns = c.name().ns;
    const std::string_view n = c.name().local;
    if (is_rss_ns(ns)) {
      channel_rss_element(c, feed);
    } else if (ns == Ns::Dc || ns == Ns::Dcterms) {
      dc_element(c, dc);
    } else if (is_atom_ns(ns)) {
      if (n == "link")
        atom_link(c, feed.link, nullptr);
      else if (n == "updated")
        set_date(feed.updated, text_of(child));
    }
  }
  // CDF: <CHANNEL HREF="…" LASTMOD="…">.
  if (const auto href = trim(ch.attr("href")); feed.link.empty() && !href.empty())
    feed.link = ch.resolve_url(href);
  if (const auto lastmod = ch.attr("lastmod"); !lastmod.empty()) set_date(feed.updated, lastmod);
  if (feed.language.empty()) feed.language = ch.lang();
}

}  // namespace

void extract_rss(const Scope& root, Feed& feed) {
  if (is_rss_ns(root.name().ns) && root.name().local == "channel") {
    read_channel(root, feed);
    return;
  }
  reserve_entries(feed, root.node());
  for (pugi::xml_node child = root.node().first_child(), next; child; child = next) {
    next = child.next_sibling();  // an item is removed once read
    if (child.type() != pugi::node_element) continue;
    const Scope c(&root, child);
    if (!is_rss_ns(c.name().ns)) continue;
    if (c.name().local == "channel")
      read_channel(c, feed);
    else if (c.name().local == "item")
      append_entry(feed, read_item(c), child);
  }
  if (feed.language.empty()) feed.language = root.lang();
}

}  // namespace atip::feed
