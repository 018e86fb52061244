#include "lib/html/selector.hpp"

#include <algorithm>
#include <unordered_map>

#include "lib/html/dom.hpp"

namespace atip::html {

namespace {

// Bounds that keep matching cheap whatever a user (or a config file) writes.
constexpr std::size_t kMaxLength = 1024;
constexpr std::size_t kMaxParts = 32;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::vector<Selector::Complex> list() {
    if (s_.size() > kMaxLength) fail("the selector is longer than 1024 characters");
    std::vector<Selector::Complex> out;
    skip_space();
    if (at_end()) fail("the selector is empty");
    while (true) {
      out.push_back(complex());
      skip_space();
      if (at_end()) break;
      if (s_[i_] != ',') fail(unexpected());
      ++i_;
      skip_space();
      if (at_end()) fail("a selector list ends with ','");
    }
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const { throw SelectorError(why); }
  bool at_end() const { return i_ >= s_.size(); }
  void skip_space() {
    while (!at_end() && is_space(s_[i_])) ++i_;
  }
  std::string unexpected() const {
    const char c = s_[i_];
    if (c == ':') {
      std::size_t j = i_ + 1;
      while (j < s_.size() && (s_[j] == ':' || is_name_char(s_[j]))) ++j;
      return "pseudo-classes ('" + std::string(s_.substr(i_, j - i_)) + "') are not supported";
    }
    if (c == '+' || c == '~') return std::string("the sibling combinator '") + c + "' is not supported";
    if (c == '|') return "namespaces are not supported";
    return "unexpected '" + std::string(1, c) + "' at character " + std::to_string(i_ + 1);
  }

  std::string name(const char* what) {
    const std::size_t start = i_;
    while (!at_end() && is_name_char(s_[i_])) ++i_;
    if (i_ == start) fail(std::string("expected ") + what + " at character " + std::to_string(start + 1));
    return std::string(s_.substr(start, i_ - start));
  }

  Selector::Complex complex() {
    Selector::Complex c;
    c.parts.push_back(compound());
    while (true) {
      const std::size_t before = i_;
      skip_space();
      if (at_end() || s_[i_] == ',') return c;
      char comb = ' ';
      if (s_[i_] == '>') {
        comb = '>';
        ++i_;
        skip_space();
      } else if (i_ == before) {
        fail(unexpected());
      }
      if (at_end()) fail("the selector ends with a combinator");
      if (c.parts.size() >= kMaxParts) fail("the selector has more than 32 parts");
      c.combinators.push_back(comb);
      c.parts.push_back(compound());
    }
  }

  Selector::Compound compound() {
    Selector::Compound c;
    bool any = false;
    if (!at_end() && s_[i_] == '*') {
      c.tag = "*";
      ++i_;
      any = true;
    } else if (!at_end() && is_name_char(s_[i_])) {
      c.tag = lower(name("a type"));
      any = true;
    }
    while (!at_end()) {
      const char ch = s_[i_];
      if (ch == '.') {
        ++i_;
        c.classes.push_back(name("a class name after '.'"));
      } else if (ch == '#') {
        ++i_;
        c.ids.push_back(name("an id after '#'"));
      } else if (ch == '[') {
        ++i_;
        c.attrs.push_back(attr());
      } else {
        break;
      }
      any = true;
    }
    if (!any) fail(at_end() ? "the selector ends too early" : unexpected());
    return c;
  }

  Selector::AttrTest attr() {
    Selector::AttrTest a;
    skip_space();
    a.name = lower(name("an attribute name after '['"));
    skip_space();
    if (at_end()) fail("'[' is never closed");
    if (s_[i_] == ']') {
      ++i_;
      return a;
    }
    const char c = s_[i_];
    if (c == '=') {
      a.op = '=';
      ++i_;
    } else if ((c == '~' || c == '^' || c == '$' || c == '*' || c == '|') && i_ + 1 < s_.size() && s_[i_ + 1] == '=') {
      a.op = c;
      i_ += 2;
    } else {
      fail("unknown attribute operator at character " + std::to_string(i_ + 1));
    }
    skip_space();
    if (at_end()) fail("'[' is never closed");
    if (s_[i_] == '"' || s_[i_] == '\'') {
      const char q = s_[i_++];
      const std::size_t end = s_.find(q, i_);
      if (end == std::string_view::npos) fail("a quoted value is never closed");
      a.value = std::string(s_.substr(i_, end - i_));
      i_ = end + 1;
    } else {
      // Bare values are taken up to ']' or a space, so "[href*=x.org]" works as people write it.
      const std::size_t start = i_;
      while (!at_end() && s_[i_] != ']' && !is_space(s_[i_]) && s_[i_] != '"' && s_[i_] != '\'') ++i_;
      if (i_ == start) fail("expected a value at character " + std::to_string(start + 1));
      a.value = std::string(s_.substr(start, i_ - start));
    }
    skip_space();
    if (!at_end() && (s_[i_] == 'i' || s_[i_] == 's') ) fail("attribute flags ('i', 's') are not supported");
    if (at_end() || s_[i_] != ']') fail("'[' is never closed");
    ++i_;
    return a;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

bool attr_matches(const GumboNode* n, const Selector::AttrTest& t) {
  const auto v = attribute(n, t.name.c_str());
  if (!v) return false;
  const std::string_view value = *v;
  const std::string_view want = t.value;
  switch (t.op) {
    case 0: return true;
    case '=': return value == want;
    case '^': return !want.empty() && value.substr(0, want.size()) == want;
    case '$': return !want.empty() && value.size() >= want.size() && value.substr(value.size() - want.size()) == want;
    case '*': return !want.empty() && value.find(want) != std::string_view::npos;
    case '|': return value == want || (value.size() > want.size() && value.substr(0, want.size()) == want && value[want.size()] == '-');
    case '~': {
      if (want.empty()) return false;
      for (std::size_t i = 0; i < value.size();) {
        while (i < value.size() && is_space(value[i])) ++i;
        std::size_t j = i;
        while (j < value.size() && !is_space(value[j])) ++j;
        if (value.substr(i, j - i) == want) return true;
        i = j;
      }
      return false;
    }
    default: return false;
  }
}

bool compound_matches(const GumboNode* n, const Selector::Compound& c) {
  if (!is_element(n)) return false;
  if (!c.tag.empty() && c.tag != "*" && tag_name(n) != c.tag) return false;
  for (const std::string& id : c.ids) {
    const auto v = attribute(n, "id");
    if (!v || *v != id) return false;
  }
  if (!c.classes.empty()) {
    const auto have = classes(n);
    for (const std::string& cls : c.classes)
      if (std::find(have.begin(), have.end(), cls) == have.end()) return false;
  }
  for (const Selector::AttrTest& t : c.attrs)
    if (!attr_matches(n, t)) return false;
  return true;
}

// Right to left, memoised so that a deep page costs O(elements x parts) whatever the
// selector: cm(i, n) is "parts[0..i] match with parts[i] at n"; anc(i, n) is "cm(i, a) for n or
// one of its ancestors a". Both walk up iteratively; nesting is bounded by the part count.
class Matcher {
 public:
  explicit Matcher(const Selector::Complex& c) : c_(c), cm_(c.parts.size()), anc_(c.parts.size()) {}

  bool cm(std::size_t i, const GumboNode* n) {
    if (!is_element(n)) return false;
    const auto hit = cm_[i].find(n);
    if (hit != cm_[i].end()) return hit->second;
    bool r = compound_matches(n, c_.parts[i]);
    if (r && i > 0) r = c_.combinators[i - 1] == '>' ? cm(i - 1, n->parent) : anc(i - 1, n->parent);
    cm_[i][n] = r;
    return r;
  }

 private:
  bool anc(std::size_t i, const GumboNode* n) {
    std::vector<const GumboNode*> chain;
    const GumboNode* x = n;
    while (is_element(x) && !anc_[i].count(x)) {
      chain.push_back(x);
      x = x->parent;
    }
    bool r = is_element(x) ? anc_[i][x] : false;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      r = r || cm(i, *it);
      anc_[i][*it] = r;
    }
    return r;
  }

  const Selector::Complex& c_;
  std::vector<std::unordered_map<const GumboNode*, bool>> cm_, anc_;
};

}  // namespace

Selector Selector::parse(std::string_view text) {
  Selector s;
  s.alternatives_ = Parser(text).list();
  return s;
}

bool Selector::matches(const GumboNode* element) const {
  for (const Complex& c : alternatives_)
    if (Matcher(c).cm(c.parts.size() - 1, element)) return true;
  return false;
}

std::vector<const GumboNode*> Selector::select(const GumboNode* root) const {
  std::vector<Matcher> matchers;
  for (const Complex& c : alternatives_) matchers.emplace_back(c);
  std::vector<const GumboNode*> out;
  walk(root, [&](const GumboNode* n) {
    for (std::size_t k = 0; k < alternatives_.size(); ++k) {
      if (matchers[k].cm(alternatives_[k].parts.size() - 1, n)) {
        out.push_back(n);
        break;
      }
    }
    return true;
  });
  return out;
}

std::optional<std::string> selector_error(const std::string& text) {
  try {
    Selector::parse(text);
    return std::nullopt;
  } catch (const SelectorError& e) {
    return std::string(e.what());
  }
}

}  // namespace atip::html
