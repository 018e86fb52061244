#pragma once
// A parsed HTML5 document (gumbo, the WHATWG parsing algorithm: any bytes give a tree, as a
// browser would build it) and the few tree queries atip needs. Input is UTF-8 (decode.hpp
// turns a page's bytes into UTF-8 first). Every walk is iterative: a hostile page nested a
// million deep cannot exhaust the stack here.
#include <gumbo.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atip::html {

struct Block;  // dom.cpp: the blocks gumbo allocated, freed together

class Document {
 public:
  explicit Document(std::string_view utf8);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Browsers stop nesting at a depth of 512; HTML5 tree building costs the depth for each tag,
  // so a hostile page nested a million deep would take hours. The text is cut before the tag
  // that would open element kMaxDepth (counting only elements whose end tag is required).
  static constexpr int kMaxDepth = 2048;
  bool cut_at_depth() const { return cut_; }

  const GumboNode* root() const;  // the <html> element (the parser always makes one)
  const GumboNode* head() const;  // nullptr only if the parser made none
  const GumboNode* body() const;

 private:
  std::string text_;  // gumbo points into it: it must outlive output_
  std::unique_ptr<Block> blocks_;
  GumboOutput* output_ = nullptr;
  bool cut_ = false;
};

bool is_element(const GumboNode* n);
// Lower-case tag name ("div", "my-widget"); "" for a node that is not an element.
std::string tag_name(const GumboNode* n);
bool is_tag(const GumboNode* n, GumboTag tag);
// The attribute's value (gumbo decodes entities), nullopt when absent. Names are lower-case in
// the tree, as HTML5 parsing makes them.
std::optional<std::string_view> attribute(const GumboNode* n, const char* name);
// The element's class attribute split on whitespace.
std::vector<std::string_view> classes(const GumboNode* n);

// The element children of `n`, in order.
std::vector<const GumboNode*> element_children(const GumboNode* n);

// Visits `root` and every element below it in document order; `visit` returns false to skip a
// node's subtree.
void walk(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit);

// Every element below `root` (and `root` itself) with this tag, in document order.
std::vector<const GumboNode*> elements_by_tag(const GumboNode* root, GumboTag tag);

// The text a reader sees in `n`: text nodes in order, script/style/template/noscript content
// dropped, block elements and <br> separating words, whitespace collapsed, trimmed. `skip`
// (optional) leaves out an element and its subtree.
std::string text_of(const GumboNode* n, const std::function<bool(const GumboNode*)>& skip = {});

// True when `ancestor` is `n` or one of its ancestors.
bool contains(const GumboNode* ancestor, const GumboNode* n);

}  // namespace atip::html
