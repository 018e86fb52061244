#include "lib/html/page_links.hpp"

#include <algorithm>

#include "lib/html/dom.hpp"
#include "lib/util/url.hpp"

namespace atip::html::page_links {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_heading(const GumboNode* n) {
  if (!is_element(n)) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

std::vector<const GumboNode*> elements_below(const GumboNode* root, bool (*pred)(const GumboNode*)) {
  std::vector<const GumboNode*> out;
  walk(root, [&](const GumboNode* n) {
    if (n != root && pred(n)) out.push_back(n);
    return true;
  });
  return out;
}

bool class_has(const GumboNode* n, std::initializer_list<std::string_view> words) {
  for (std::string_view c : classes(n)) {
    const std::string l = lower(c);
    for (std::string_view w : words)
      if (l.find(w) != std::string::npos) return true;
  }
  return false;
}

// Page chrome, left out when the user chose no part of the page. A <header> or <footer> of an
// article or item is part of it (an HTML5 article's heading often sits in its <header>).
bool is_chrome(const GumboNode* n) {
  const GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE) return true;
  if (t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER) {
    for (const GumboNode* a = n->parent; is_element(a); a = a->parent) {
      const GumboTag at = a->v.element.tag;
      if (at == GUMBO_TAG_ARTICLE || at == GUMBO_TAG_SECTION || at == GUMBO_TAG_LI || is_item(a)) return false;
    }
    return true;
  }
  const auto role = attribute(n, "role");
  return role && (*role == "navigation" || *role == "banner" || *role == "contentinfo" || *role == "complementary");
}

bool is_pagination_container(const GumboNode* n) {
  if (class_has(n, {"pagination", "pager", "page-numbers", "paginacion", "paginacao", "wp-pagenavi"})) return true;
  const auto label = attribute(n, "aria-label");
  return label && lower(*label).find("pagina") != std::string::npos;
}

bool is_item(const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TR: case GUMBO_TAG_DD:
      return true;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
      for (std::string_view c : classes(n)) {
        const std::string l = lower(c);
        // Not "row": Bootstrap's .row holds a whole line of cards.
        static constexpr std::string_view kItem[] = {"card", "item", "teaser", "post", "entry", "result",
                                                     "views-row", "publication", "release", "story"};
        static constexpr std::string_view kContainer[] = {"list", "grid", "wrapper", "container", "items",
                                                          "cards", "posts", "entries", "results", "rows"};
        bool container = false;
        for (std::string_view w : kContainer) container = container || l.find(w) != std::string::npos;
        if (container) continue;
        for (std::string_view w : kItem)
          if (l.find(w) != std::string::npos) return true;
      }
      return false;
    default:
      return false;
  }
}

// The scheme of an absolute URL, lower-cased; "" when relative.
std::string scheme_of(std::string_view url) {
  if (!util::has_scheme(url)) return {};
  return lower(url.substr(0, url.find(':')));
}

std::string without_fragment(std::string url) {
  const std::size_t hash = url.find('#');
  if (hash != std::string::npos) url.erase(hash);
  return url;
}

// "/news/page/3", "?page=2", "&pagina=4": another page of the same listing.
bool is_pagination_url(std::string_view url) {
  const std::string l = lower(url);
  const std::size_t q = l.find('?');
  const std::string_view path = std::string_view(l).substr(0, q);
  std::string_view p = path;
  while (!p.empty() && p.back() == '/') p.remove_suffix(1);
  const std::size_t slash = p.rfind('/');
  if (slash != std::string_view::npos) {
    const std::string_view last = p.substr(slash + 1);
    const std::string_view before = p.substr(0, slash);
    const bool number = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number && (before.ends_with("/page") || before.ends_with("/pagina") || before.ends_with("/p"))) return true;
  }
  if (q == std::string::npos) return false;
  std::string_view query = std::string_view(l).substr(q + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos) {
      const std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
      const bool number = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (number && (key == "page" || key == "pagina" || key == "pag" || key == "paged" || key == "start" ||
                     key == "offset" || key == "pg"))
        return true;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return false;
}

bool rel_is_navigation(const GumboNode* a) {
  const auto rel = attribute(a, "rel");
  if (!rel) return false;
  const std::string l = lower(*rel);
  // Pagination, and the archive pages of a tag, a category or an author: not documents.
  for (std::string_view w : {"next", "prev", "previous", "first", "last", "tag", "category", "author"}) {
    std::size_t p = l.find(w);
    while (p != std::string::npos) {
      const bool start = p == 0 || l[p - 1] == ' ';
      const bool end = p + w.size() == l.size() || l[p + w.size()] == ' ';
      if (start && end) return true;
      p = l.find(w, p + 1);
    }
  }
  return false;
}


bool glob(std::string_view p, std::string_view s) {
  // Iterative '*' matching with one backtrack point: linear-ish, no recursion.
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (pi < p.size() && p[pi] == s[si]) {
      ++pi;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}


}  // namespace atip::html::page_links
