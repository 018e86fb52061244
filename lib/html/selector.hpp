#pragma once
// A subset of CSS selectors, enough to point at the part of a publisher's page that lists its
// documents: type (`ul`, `*`), `.class`, `#id`, `[attr]`, `[attr=v]`, `[attr~=v]`, `[attr^=v]`,
// `[attr$=v]`, `[attr*=v]`, `[attr|=v]` (values quoted or bare), compound selectors
// (`div.news#main`), the descendant (space) and child (`>`) combinators, and selector lists
// (`a, b`). Type and attribute names are case-insensitive, values case-sensitive (as CSS in
// HTML documents). Anything else (pseudo-classes, `+`, `~`, namespaces) is refused by name.
#include <gumbo.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atip::html {

class SelectorError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Selector {
 public:
  // Throws SelectorError with a one-line reason, e.g. "pseudo-classes (':first-child') are not
  // supported".
  static Selector parse(std::string_view text);

  bool matches(const GumboNode* element) const;
  // Every element under `root` (and `root` itself) that matches, in document order, each once.
  std::vector<const GumboNode*> select(const GumboNode* root) const;

  struct AttrTest {
    std::string name;
    char op = 0;  // 0: present; '=', '~', '^', '$', '*', '|'
    std::string value;
  };
  struct Compound {
    std::string tag;  // "" or "*": any
    std::vector<std::string> ids, classes;
    std::vector<AttrTest> attrs;
  };
  struct Complex {
    std::vector<Compound> parts;    // left to right
    std::vector<char> combinators;  // between parts[i] and parts[i+1]: ' ' or '>'
  };

 private:
  std::vector<Complex> alternatives_;
};

// nullopt when `text` is a selector Selector::parse accepts, else why not (for `feeds add`).
std::optional<std::string> selector_error(const std::string& text);

}  // namespace atip::html
