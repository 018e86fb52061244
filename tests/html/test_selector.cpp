// The CSS selector subset of page watching, on documents parsed by gumbo.
#include <doctest/doctest.h>

#include "lib/html/dom.hpp"
#include "lib/html/selector.hpp"

namespace {

using atip::html::Document;
using atip::html::Selector;

const char* const kPage = R"html(<!DOCTYPE html><html><body>
<div id="main" class="content news">
  <ul class="list"><li class="item first"><a href="/a" data-kind="report pdf">A</a></li>
  <li class="item"><span><a href="https://x.org/b" lang="es-AR">B</a></span></li></ul>
  <p><a href="/c.pdf" title="C">C</a></p>
</div>
<aside><a href="/d">D</a></aside>
</body></html>)html";

// The href of every element the selector picks, in document order.
std::string picked(const Document& doc, const char* selector) {
  std::string out;
  for (const GumboNode* n : Selector::parse(selector).select(doc.root())) {
    const auto href = atip::html::attribute(n, "href");
    out += (out.empty() ? "" : " ") + (href ? std::string(*href) : atip::html::tag_name(n));
  }
  return out;
}

}  // namespace

TEST_CASE("html selector: the supported subset") {
  const Document doc(kPage);
  CHECK(picked(doc, "a") == "/a https://x.org/b /c.pdf /d");
  CHECK(picked(doc, "A") == "/a https://x.org/b /c.pdf /d");  // type names are case-insensitive
  CHECK(picked(doc, "#main a") == "/a https://x.org/b /c.pdf");
  CHECK(picked(doc, "div.news.content li > a") == "/a");
  CHECK(picked(doc, "li a") == "/a https://x.org/b");
  CHECK(picked(doc, "ul > li > a") == "/a");
  CHECK(picked(doc, ".item.first") == "li");
  CHECK(picked(doc, "[title]") == "/c.pdf");
  CHECK(picked(doc, "a[href='/c.pdf']") == "/c.pdf");
  CHECK(picked(doc, "a[href^=https]") == "https://x.org/b");
  CHECK(picked(doc, "a[href$=\".pdf\"]") == "/c.pdf");
  CHECK(picked(doc, "a[href*=x.org]") == "https://x.org/b");
  CHECK(picked(doc, "a[data-kind~=pdf]") == "/a");
  CHECK(picked(doc, "a[data-kind~=pd]").empty());
  CHECK(picked(doc, "a[lang|=es]") == "https://x.org/b");
  CHECK(picked(doc, "aside a, p a") == "/c.pdf /d");  // a list, in document order, each once
  CHECK(picked(doc, "a, a") == "/a https://x.org/b /c.pdf /d");
  CHECK(picked(doc, "* > a[href=\"/d\"]") == "/d");
  CHECK(picked(doc, "section a").empty());
}

TEST_CASE("html selector: what it refuses, in words") {
  using atip::html::selector_error;
  CHECK_FALSE(selector_error("ul.comunicados li > a").has_value());
  CHECK(selector_error("") == "the selector is empty");
  CHECK(selector_error("   ") == "the selector is empty");
  CHECK(selector_error("li:first-child") == "pseudo-classes (':first-child') are not supported");
  CHECK(selector_error("a::before") == "pseudo-classes ('::before') are not supported");
  CHECK(selector_error("h2 + p") == "the sibling combinator '+' is not supported");
  CHECK(selector_error("h2 ~ p") == "the sibling combinator '~' is not supported");
  CHECK(selector_error("ul >") == "the selector ends with a combinator");
  CHECK(selector_error("a,") == "a selector list ends with ','");
  CHECK(selector_error("a[href") == "'[' is never closed");
  CHECK(selector_error("a[href='x]") == "a quoted value is never closed");
  CHECK(selector_error("a[href!=x]") == "unknown attribute operator at character 7");
  CHECK(selector_error("div.") == "expected a class name after '.' at character 5");
  CHECK(selector_error("a[href=x i]") == "attribute flags ('i', 's') are not supported");
  CHECK(selector_error("svg|a") == "namespaces are not supported");
  CHECK(selector_error(std::string(2000, 'a')) == "the selector is longer than 1024 characters");
  std::string many = "a";
  for (int i = 0; i < 40; ++i) many += " a";
  CHECK(selector_error(many) == "the selector has more than 32 parts");
}

TEST_CASE("html selector: deep pages cost elements x parts, not a blow-up") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";  // under Document::kMaxDepth
  deep += "<p>x</p>";
  const Document doc(deep);
  // Each descendant combinator could look at every ancestor of every node; memoised, it does not.
  CHECK(Selector::parse("div div div div div div div div section p").select(doc.root()).empty());
  CHECK(Selector::parse("div div div div div div div div p").select(doc.root()).size() == 1);
}

TEST_CASE("html document: the nesting limit counts real nesting only") {
  std::string page = "<script>var s = '";
  for (int i = 0; i < 3000; ++i) page += "<div>";
  page += "';</script><!-- ";
  for (int i = 0; i < 3000; ++i) page += "<span>";
  page += " -->";
  for (int i = 0; i < 3000; ++i) page += "<li><p><br><img src=x>";
  for (int i = 0; i < 3000; ++i) page += "<div></div>";
  page += "<a href='/x'>x</a>";
  const Document ok(page);
  CHECK_FALSE(ok.cut_at_depth());
  CHECK(atip::html::elements_by_tag(ok.root(), GUMBO_TAG_A).size() == 1);
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<span>";
  deep += "<a href='/x'>x</a>";
  const Document cut(deep);
  CHECK(cut.cut_at_depth());
  CHECK(atip::html::elements_by_tag(cut.root(), GUMBO_TAG_SPAN).size() == Document::kMaxDepth);
  CHECK(atip::html::elements_by_tag(cut.root(), GUMBO_TAG_A).empty());
}
