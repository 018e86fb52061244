#include "lib/html/page_watch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "lib/catalog/canonical_url.hpp"
#include "lib/feed/dates.hpp"
#include "lib/feed/identity.hpp"
#include "lib/feed/sniff.hpp"
#include "lib/html/decode.hpp"
#include "lib/html/dom.hpp"
#include "lib/html/page_links.hpp"
#include "lib/html/page_words.hpp"
#include "lib/html/selector.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/url.hpp"

namespace atip::html {

using namespace page_links;

namespace {

constexpr std::size_t kMaxPageBytes = 10 * 1024 * 1024;
constexpr std::size_t kMaxEntries = 2000;
constexpr std::size_t kMaxItemLinks = 12;
constexpr std::size_t kMaxSummaryChars = 600;
constexpr std::size_t kMaxTitleChars = 300;

struct Candidate {
  std::string url;
  std::string title;
  bool strong_title = false;  // the link's own words
  const GumboNode* item = nullptr;
};

class Watcher {
 public:
  Watcher(const Document& doc, std::string base, const PageWatch& watch)
      : doc_(doc), base_(std::move(base)), page_(without_fragment(base_)), watch_(watch) {}

  feed::ParseResult run(const std::string& encoding, std::vector<std::string> warnings) {
    feed::ParseResult result;
    feed::Feed& f = result.feed;
    f.encoding = encoding;
    f.warnings = std::move(warnings);
    f.link = page_;
    if (const GumboNode* head = doc_.head())
      for (const GumboNode* t : elements_by_tag(head, GUMBO_TAG_TITLE)) {
        f.title = text_of_title(t);
        break;
      }
    if (const auto lang = attribute(doc_.root(), "lang")) f.language = text::collapse_whitespace(*lang);

    std::vector<const GumboNode*> roots;
    const bool chosen = !watch_.select.empty() || !watch_.match.empty();
    if (!watch_.select.empty()) {
      const Selector selector = Selector::parse(watch_.select);  // vetted by `feeds add`
      roots = selector.select(doc_.root());
      if (roots.empty()) {
        result.error = fmt::format("the selector '{}' matches nothing on the page; has the publisher changed its layout?",
                                   watch_.select);
        return result;
      }
    } else {
      const GumboNode* body = doc_.body() ? doc_.body() : doc_.root();
      if (watch_.match.empty()) {
        walk(body, [&](const GumboNode* n) {
          const auto role = attribute(n, "role");
          if (roots.empty() && (n->v.element.tag == GUMBO_TAG_MAIN || (role && *role == "main"))) roots.push_back(n);
          return roots.empty();
        });
      }
      if (roots.empty()) roots.push_back(body);
    }

    std::unordered_set<const GumboNode*> seen_nodes;
    std::vector<Candidate> candidates;
    std::unordered_map<std::string, std::size_t> by_key;
    std::size_t links = 0;
    for (const GumboNode* root : roots) {
      walk(root, [&](const GumboNode* n) {
        if (candidates.size() > kMaxEntries) return false;  // enough to know there are too many
        if (!chosen && n != root && is_chrome(n)) return false;
        if (is_pagination_container(n)) return false;
        if (n->v.element.tag == GUMBO_TAG_A && seen_nodes.insert(n).second) {
          ++links;
          consider(n, candidates, by_key);
        }
        return true;
      });
    }

    if (candidates.empty()) {
      if (!watch_.match.empty())
        result.error = fmt::format("no link {}on the page matches '{}'; has the publisher changed its layout?",
                                   watch_.select.empty() ? "" : "in the selected part ", watch_.match);
      else if (!watch_.select.empty())
        result.error = fmt::format("the part of the page the selector '{}' matches has no links to documents",
                                   watch_.select);
      else
        result.error = links == 0 ? "the page has no links" : "the page has no links to documents";
      return result;
    }
    if (candidates.size() > kMaxEntries) {
      f.warnings.push_back(fmt::format("the page has more than {} links; only the first {} are kept", kMaxEntries, kMaxEntries));
      candidates.resize(kMaxEntries);
    }
    for (const Candidate& c : candidates) f.entries.push_back(entry_of(c));
    feed::assign_identity(f);
    result.ok = true;
    return result;
  }

 private:
  // <title> content is a text node that text_of leaves out (it is head content).
  static std::string text_of_title(const GumboNode* t) {
    std::string s;
    const GumboVector& children = t->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) s += c->v.text.text;
    }
    return text::collapse_whitespace(s);
  }

  const GumboNode* item_of(const GumboNode* a) {
    const auto hit = items_.find(a);
    if (hit != items_.end()) return hit->second;
    const GumboNode* found = nullptr;
    for (const GumboNode* n = a->parent; is_element(n); n = n->parent) {
      const GumboTag t = n->v.element.tag;
      if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN) break;
      if (is_item(n)) {
        if (elements_by_tag(n, GUMBO_TAG_A).size() <= kMaxItemLinks) found = n;
        break;
      }
    }
    // A whole card inside the link: the link is its own item.
    if (!found && !elements_below(a, is_heading).empty()) found = a;
    items_[a] = found;
    return found;
  }

  std::string heading_of(const GumboNode* item) {
    if (!item) return {};
    std::string out;
    walk(item, [&](const GumboNode* n) {
      if (!out.empty()) return false;
      if (is_heading(n) || (n != item && class_has(n, {"title", "titulo", "titre"}) &&
                            n->v.element.tag != GUMBO_TAG_A && n->v.element.tag != GUMBO_TAG_IMG)) {
        out = text_of(n);
        return false;
      }
      return true;
    });
    return out;
  }

  void consider(const GumboNode* a, std::vector<Candidate>& out, std::unordered_map<std::string, std::size_t>& by_key) {
    const auto href = attribute(a, "href");
    if (!href) return;
    const std::string raw = text::collapse_whitespace(*href);
    if (raw.empty() || raw[0] == '#') return;
    const std::string scheme = scheme_of(raw);
    if (!scheme.empty() && scheme != "http" && scheme != "https") return;
    std::string url = without_fragment(util::resolve_url(base_, raw));
    const std::string s = scheme_of(url);
    if (s != "http" && s != "https") return;
    if (url == page_) return;
    if (!watch_.match.empty() && !url_matches(watch_.match, url)) return;
    if (rel_is_navigation(a) || is_pagination_url(url)) return;
    std::string own = text_of(a);
    // A whole card wrapped in one link: its heading is the title, not all of its text.
    for (const GumboNode* h : elements_below(a, is_heading)) {
      own = text_of(h);
      break;
    }
    if (!own.empty() && is_navigation_text(own)) return;
    std::string key = catalog::canonical_url(url);
    if (key.empty()) return;
    Candidate c;
    c.url = url;
    c.item = item_of(a);
    if (!own.empty() && !is_generic_link_text(own)) {
      c.title = own;
      c.strong_title = true;
    } else {
      c.title = heading_of(c.item);
      for (const char* name : {"title", "aria-label"}) {
        if (!c.title.empty()) break;
        if (const auto v = attribute(a, name)) c.title = text::collapse_whitespace(*v);
      }
      if (c.title.empty())
        for (const GumboNode* img : elements_by_tag(a, GUMBO_TAG_IMG))
          if (const auto alt = attribute(img, "alt"); alt && c.title.empty()) c.title = text::collapse_whitespace(*alt);
      if (c.title.empty()) c.title = own;
      if (c.title.empty()) return;  // an icon with nothing to name it
    }
    const auto hit = by_key.find(key);
    if (hit != by_key.end()) {
      // The same document linked twice (image, heading, "Read more"): the heading's words win.
      Candidate& first = out[hit->second];
      if (!first.strong_title && c.strong_title) {
        first.title = c.title;
        first.strong_title = true;
      }
      if (!first.item) first.item = c.item;
      return;
    }
    by_key.emplace(std::move(key), out.size());
    out.push_back(std::move(c));
  }

  feed::Entry entry_of(const Candidate& c) {
    feed::Entry e;
    e.link = c.url;
    e.id = catalog::canonical_url(c.url);
    e.title = text::truncate_chars(c.title.empty() ? c.url : c.title, kMaxTitleChars);
    if (c.item) {
      std::string date_words;
      const GumboNode* time_el = nullptr;
      walk(c.item, [&](const GumboNode* n) {
        if (!time_el && n->v.element.tag == GUMBO_TAG_TIME) time_el = n;
        return !time_el;
      });
      if (time_el) {
        const auto dt = attribute(time_el, "datetime");
        e.published.raw = dt ? text::collapse_whitespace(*dt) : text_of(time_el);
        e.published.time = feed::parse_date(e.published.raw);
        if (!e.published.time) e.published.time = find_date(text_of(time_el));
        date_words = text_of(time_el);
      }
      if (!e.published.time) {
        std::string found;
        if (auto t = find_date(text_of(c.item), &found)) {
          e.published = {t, found};
          date_words = found;
        }
      }
      e.summary = summary_of(c, date_words);
    }
    return e;
  }

  std::string summary_of(const Candidate& c, const std::string& date_words) {
    std::string s = text_of(c.item, [&](const GumboNode* n) {
      if (n == c.item) return false;
      const GumboTag t = n->v.element.tag;
      if (is_heading(n) || t == GUMBO_TAG_TIME || t == GUMBO_TAG_BUTTON || t == GUMBO_TAG_NAV ||
          t == GUMBO_TAG_FOOTER)
        return true;
      if (t == GUMBO_TAG_A) {
        // Links to the entry itself ("Read more", "2 comments"), share buttons, mailto:.
        const auto href = attribute(n, "href");
        const std::string target = href ? without_fragment(util::resolve_url(base_, text::collapse_whitespace(*href))) : "";
        const std::string scheme = scheme_of(target);
        if (target == c.url || (scheme != "http" && scheme != "https")) return true;
        const std::string own = text_of(n);
        return own.empty() || own == c.title || is_generic_link_text(own) || is_navigation_text(own);
      }
      return class_has(n, {"title", "titulo", "titre", "date", "fecha", "meta", "byline", "share", "compartir",
                           "partilhar", "partager", "social"});
    });
    if (!date_words.empty()) {
      const std::size_t p = s.find(date_words);
      if (p != std::string::npos) s.erase(p, date_words.size());
    }
    if (!c.title.empty() && s.rfind(c.title, 0) == 0) s.erase(0, c.title.size());
    // Separators left at the edges once the date is gone: "— text", "text |".
    s = text::collapse_whitespace(s);
    auto edge = [](char ch) { return ch == '-' || ch == '|' || ch == ',' || ch == ':' || ch == ' ' || ch == '.'; };
    while (!s.empty() && edge(s.front())) s.erase(0, 1);
    while (s.rfind("\xE2\x80\x94 ", 0) == 0 || s.rfind("\xE2\x80\x93 ", 0) == 0 || s.rfind("\xC2\xB7 ", 0) == 0)
      s.erase(0, s.find(' ') + 1);
    while (!s.empty() && (s.back() == '|' || s.back() == '-' || s.back() == ' ')) s.pop_back();
    return text::truncate_chars(s, kMaxSummaryChars);
  }

  const Document& doc_;
  std::string base_;
  std::string page_;
  const PageWatch& watch_;
  std::unordered_map<const GumboNode*, const GumboNode*> items_;
};

// <base href>, resolved against the page URL; the page URL when there is none.
std::string base_of(const Document& doc, const std::string& page_url) {
  const GumboNode* head = doc.head();
  for (const GumboNode* b : elements_by_tag(head ? head : doc.root(), GUMBO_TAG_BASE)) {
    const auto href = attribute(b, "href");
    if (!href) continue;
    const std::string resolved = util::resolve_url(page_url, text::collapse_whitespace(*href));
    const std::string s = scheme_of(resolved);
    if (s == "http" || s == "https") return resolved;
    break;
  }
  return page_url;
}

}  // namespace

bool url_matches(std::string_view pattern, std::string_view url) {
  const std::string p = lower(pattern), u = lower(url);
  if (p.find('*') == std::string::npos) return !p.empty() && u.find(p) != std::string::npos;
  return glob(p, u);
}

feed::ParseResult watch_page(std::string_view bytes, const feed::Hints& hints, const PageWatch& watch) {
  feed::ParseResult result;
  if (feed::is_blank(bytes)) {
    result.error = "the page is empty";
    return result;
  }
  feed::Decoded decoded = decode_page(bytes, hints.http_charset);
  if (feed::looks_binary(bytes, decoded.utf8)) {
    result.error = "not an HTML page: binary data";
    return result;
  }
  std::vector<std::string> warnings = std::move(decoded.warnings);
  if (decoded.utf8.size() > kMaxPageBytes) {
    std::size_t cut = kMaxPageBytes;
    while (cut > 0 && (static_cast<unsigned char>(decoded.utf8[cut]) & 0xC0) == 0x80) --cut;
    decoded.utf8.resize(cut);
    warnings.push_back("the page is larger than 10 MiB; only the first 10 MiB were read");
  }
  const Document doc(decoded.utf8);
  if (doc.cut_at_depth())
    warnings.push_back(fmt::format("the page nests its elements more than {} deep; only what comes before was read",
                                   Document::kMaxDepth));
  decoded.utf8.clear();
  decoded.utf8.shrink_to_fit();
  try {
    return Watcher(doc, base_of(doc, hints.base_url), watch).run(decoded.encoding, std::move(warnings));
  } catch (const SelectorError& e) {
    result.error = fmt::format("bad selector '{}': {}", watch.select, e.what());
    return result;
  }
}

}  // namespace atip::html
