#include "lib/opml/opml.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>

#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"

namespace atip::opml {

namespace {

std::size_t line_of(std::string_view bytes, std::ptrdiff_t offset) {
  const auto end = bytes.begin() + std::clamp<std::ptrdiff_t>(offset, 0, std::ssize(bytes));
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), end, '\n'));
}

std::vector<std::string> split_categories(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string_view part = s.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    // OPML 2.0 categories may be paths ("/Region/Americas"); keep the last step.
    if (const auto slash = part.rfind('/'); slash != std::string_view::npos)
      part = part.substr(slash + 1);
    if (!part.empty()) out.emplace_back(part);
    start = comma + 1;
  }
  return out;
}

void add_unique(std::vector<std::string>& to, const std::string& value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
}

// An attribute's value as valid UTF-8. pugixml passes on the bytes of a document it takes for
// UTF-8 unchecked, and what is read here becomes feed rows (invalid bytes become U+FFFD).
std::string attr(const pugi::xml_node& node, const char* name) {
  return text::sanitize_utf8(node.attribute(name).as_string());
}

void walk(const pugi::xml_node& parent, std::vector<std::string>& folders,
          std::vector<Outline>& out) {
  for (const pugi::xml_node& node : parent.children("outline")) {
    std::string url = attr(node, "xmlUrl");
    const std::string_view type = node.attribute("type").as_string();
    std::string kind = "feed";
    if (url.empty() && (type == "atip-page" || type == "atip-oai")) {
      url = attr(node, "url");
      kind = type == "atip-page" ? "page" : "oai";
    }
    std::string title = attr(node, "title");
    if (title.empty()) title = attr(node, "text");
    if (url.empty()) {
      folders.push_back(title);
      walk(node, folders, out);
      folders.pop_back();
      continue;
    }
    Outline o{url, title, attr(node, "htmlUrl"), {}};
    o.kind = kind;
    o.select = attr(node, "atipSelect");
    o.match = attr(node, "atipMatch");
    o.set = attr(node, "atipSet");
    for (const std::string& c : split_categories(attr(node, "category")))
      add_unique(o.categories, c);
    for (const std::string& f : folders)
      if (!f.empty()) add_unique(o.categories, f);
    out.push_back(std::move(o));
  }
}

}  // namespace

std::vector<Outline> read(std::string_view bytes) {
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  if (!r)
    throw Error(fmt::format("not an OPML file: {} at line {}", r.description(),
                            line_of(bytes, r.offset)));
  const pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "opml")
    throw Error(fmt::format("not an OPML file: the root element is <{}>, not <opml>", text::sanitize_utf8(root.name())));
  std::vector<Outline> out;
  std::vector<std::string> folders;
  walk(root.child("body"), folders, out);
  return out;
}

void write(std::ostream& os, const std::string& title, const std::vector<Outline>& outlines) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("opml");
  root.append_attribute("version") = "2.0";
  root.append_child("head").append_child("title").text() = title.c_str();
  auto body = root.append_child("body");
  for (const Outline& o : outlines) {
    auto node = body.append_child("outline");
    const bool feed = o.kind.empty() || o.kind == "feed";
    node.append_attribute("type") = feed ? "rss" : o.kind == "page" ? "atip-page" : "atip-oai";
    node.append_attribute("text") = o.title.c_str();
    node.append_attribute("title") = o.title.c_str();
    node.append_attribute(feed ? "xmlUrl" : "url") = o.xml_url.c_str();
    for (const auto& [name, value] : {std::pair{"atipSelect", &o.select}, {"atipMatch", &o.match}, {"atipSet", &o.set}})
      if (!value->empty()) node.append_attribute(name) = value->c_str();
    if (!o.html_url.empty()) node.append_attribute("htmlUrl") = o.html_url.c_str();
    if (!o.categories.empty()) {
      std::string joined;
      for (const std::string& c : o.categories) joined += (joined.empty() ? "" : ",") + c;
      node.append_attribute("category") = joined.c_str();
    }
  }
  doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace atip::opml
