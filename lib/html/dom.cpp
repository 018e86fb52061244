#include "lib/html/dom.hpp"

#include <cstdlib>
#include <new>
#include <utility>

#include "lib/text/html.hpp"

namespace atip::html {

// Every block gumbo allocates is linked into one list, so the whole tree is freed in one
// loop: gumbo_destroy_output recurses once per level and a page nested a few million deep
// (10 MiB of "<a>") would exhaust the stack.
struct Block {
  Block* prev;
  Block* next;
};
static_assert(sizeof(Block) == 16, "keeps malloc's 16-byte alignment for the caller's part");

namespace {

void* arena_allocate(void* userdata, std::size_t size) {
  auto* list = static_cast<Block*>(userdata);
  auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
  if (!b) throw std::bad_alloc();
  b->prev = list;
  b->next = list->next;
  if (list->next) list->next->prev = b;
  list->next = b;
  return b + 1;
}

void arena_free(void*, void* ptr) {
  if (!ptr) return;
  Block* b = static_cast<Block*>(ptr) - 1;
  b->prev->next = b->next;
  if (b->next) b->next->prev = b->prev;
  std::free(b);
}

const GumboNode* child_element(const GumboNode* parent, GumboTag tag) {
  if (!parent) return nullptr;
  for (const GumboNode* c : element_children(parent))
    if (c->v.element.tag == tag) return c;
  return nullptr;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_BR: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR: case GUMBO_TAG_DL: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool is_hidden_text(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_TITLE;
}

// Elements that never hold others open: void elements, and those whose end tag may be left
// out (the parser closes them itself), so unclosed <li> and <p> do not count as nesting.
bool never_nests(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "li", "p", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
      "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body", "frame", "keygen", "basefont",
      "bgsound", "image"};
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}

// Where the tag that would nest deeper than `max_depth` starts; npos when none does. A tag
// reader, not a parser: comments, and script/style/textarea content, are skipped.
std::size_t depth_cut(std::string_view s, int max_depth) {
  int depth = 0;
  std::size_t i = 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  while ((i = s.find('<', i)) != std::string_view::npos) {
    const std::size_t start = i++;
    if (s.compare(start, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", start + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    const bool closing = i < s.size() && s[i] == '/';
    if (closing) ++i;
    std::string name;
    while (i < s.size() && name.size() < 16 &&
           ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
      name += lower(s[i++]);
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z'))) continue;
    const std::size_t end = s.find('>', i);
    if (end == std::string_view::npos) return std::string_view::npos;
    if (closing) {
      if (!never_nests(name) && depth > 0) --depth;
    } else if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
      // Raw text: no tags inside until the matching end tag.
      std::size_t close = end;
      for (;;) {
        close = s.find("</", close + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        std::string candidate;
        for (std::size_t k = close + 2; k < s.size() && candidate.size() < name.size(); ++k) candidate += lower(s[k]);
        if (candidate == name) break;
      }
      i = close;
      continue;
    } else if (!never_nests(name) && s[end - 1] != '/') {
      if (++depth > max_depth) return start;
    }
    i = end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

Document::Document(std::string_view utf8) : text_(utf8), blocks_(std::make_unique<Block>()) {
  const std::size_t cut = depth_cut(text_, kMaxDepth);
  if (cut != std::string_view::npos) {
    text_.resize(cut);
    cut_ = true;
  }
  GumboOptions o = kGumboDefaultOptions;
  o.allocator = arena_allocate;
  o.deallocator = arena_free;
  o.userdata = blocks_.get();
  blocks_->prev = blocks_->next = nullptr;
  // Parse errors are of no use to us and a broken page can have millions of them.
  o.max_errors = 0;
  output_ = gumbo_parse_with_options(&o, text_.data(), text_.size());
}

Document::~Document() {
  for (Block* b = blocks_->next; b;) {
    Block* next = b->next;
    std::free(b);
    b = next;
  }
}

const GumboNode* Document::root() const { return output_->root; }
const GumboNode* Document::head() const { return child_element(root(), GUMBO_TAG_HEAD); }
const GumboNode* Document::body() const { return child_element(root(), GUMBO_TAG_BODY); }

bool is_element(const GumboNode* n) {
  return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

std::string tag_name(const GumboNode* n) {
  if (!is_element(n)) return {};
  const GumboElement& e = n->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);  // strips "<" and attributes
  std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
  for (char& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return name;
}

bool is_tag(const GumboNode* n, GumboTag tag) { return is_element(n) && n->v.element.tag == tag; }

std::optional<std::string_view> attribute(const GumboNode* n, const char* name) {
  if (!is_element(n)) return std::nullopt;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  if (!a) return std::nullopt;
  return std::string_view(a->value);
}

std::vector<std::string_view> classes(const GumboNode* n) {
  std::vector<std::string_view> out;
  const auto value = attribute(n, "class");
  if (!value) return out;
  std::string_view s = *value;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<const GumboNode*> element_children(const GumboNode* n) {
  std::vector<const GumboNode*> out;
  if (!n) return out;
  const GumboVector* children = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                : is_element(n)                ? &n->v.element.children
                                                               : nullptr;
  if (!children) return out;
  for (unsigned i = 0; i < children->length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children->data[i]);
    if (is_element(c)) out.push_back(c);
  }
  return out;
}

void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) {
  if (!is_element(root)) return;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!visit(n)) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i-- > 0;) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (is_element(c)) stack.push_back(c);
    }
  }
}

std::vector<const GumboNode*> elements_by_tag(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> out;
  walk(root, [&](const GumboNode* n) {
    if (n->v.element.tag == tag) out.push_back(n);
    return true;
  });
  return out;
}

std::string text_of(const GumboNode* n, const std::function<bool(const GumboNode*)>& skip) {
  std::string raw;
  if (!n) return raw;
  // (node, closing): a block element pushes a closing marker that adds a separator.
  std::vector<std::pair<const GumboNode*, bool>> stack{{n, false}};
  while (!stack.empty()) {
    auto [node, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      raw += ' ';
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      raw += node->v.text.text;
      continue;
    }
    if (!is_element(node)) continue;
    const GumboTag t = node->v.element.tag;
    if (is_hidden_text(t) || (skip && skip(node))) continue;
    if (is_block(t)) {
      raw += ' ';
      stack.push_back({node, true});
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
  }
  // Non-breaking spaces separate words for a reader too.
  for (std::size_t p = raw.find("\xC2\xA0"); p != std::string::npos; p = raw.find("\xC2\xA0", p))
    raw.replace(p, 2, " ");
  return text::collapse_whitespace(raw);
}

bool contains(const GumboNode* ancestor, const GumboNode* n) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

}  // namespace atip::html
