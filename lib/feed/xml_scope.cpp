#include "lib/feed/xml_scope.hpp"

#include "lib/util/url.hpp"

namespace atip::feed {

namespace {

const std::string kEmpty;

std::string normalize_uri(std::string_view uri) {
  std::string s;
  s.reserve(uri.size());
  for (const char c : uri)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  while (!s.empty() && (s.back() == '/' || s.back() == '#')) s.pop_back();
  if (s.starts_with("https://")) s.erase(4, 1);
  return s;
}

// Prefixes feeds use without declaring them; feedparser accepts these too.
Ns conventional_prefix(std::string_view p) {
  if (p == "dc") return Ns::Dc;
  if (p == "dcterms") return Ns::Dcterms;
  if (p == "content") return Ns::Content;
  if (p == "atom") return Ns::Atom10;
  if (p == "rdf") return Ns::Rdf;
  if (p == "xhtml") return Ns::Xhtml;
  if (p == "xml") return Ns::Xml;
  if (p == "itunes") return Ns::Itunes;
  if (p == "media") return Ns::Media;
  if (p == "prism") return Ns::Prism;
  return Ns::Other;
}

}  // namespace

Ns ns_from_uri(std::string_view uri) noexcept {
  const std::string u = normalize_uri(uri);
  if (u.empty()) return Ns::None;
  if (u == "http://www.w3.org/2005/atom") return Ns::Atom10;
  if (u == "http://purl.org/atom/ns") return Ns::Atom03;
  if (u == "http://purl.org/rss/1.0") return Ns::Rss10;
  if (u == "http://my.netscape.com/rdf/simple/0.9") return Ns::Rss090;
  if (u == "http://backend.userland.com/rss2" || u == "http://backend.userland.com/rss" ||
      u == "http://blogs.law.harvard.edu/tech/rss" || u == "http://purl.org/net/rss")
    return Ns::Rss;
  if (u == "http://www.w3.org/1999/02/22-rdf-syntax-ns") return Ns::Rdf;
  if (u == "http://purl.org/dc/elements/1.1" || u == "http://purl.org/dc/elements/1.0")
    return Ns::Dc;
  if (u == "http://purl.org/dc/terms") return Ns::Dcterms;
  if (u == "http://purl.org/rss/1.0/modules/content") return Ns::Content;
  if (u == "http://www.w3.org/1999/xhtml") return Ns::Xhtml;
  if (u == "http://www.w3.org/xml/1998/namespace") return Ns::Xml;
  if (u == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Ns::Itunes;
  if (u == "http://search.yahoo.com/mrss") return Ns::Media;
  // PRISM has one URI per version ("…/namespaces/basic/2.0", "…/namespaces/1.2/basic").
  if (u.starts_with("http://prismstandard.org/namespaces/")) return Ns::Prism;
  return Ns::Other;
}

namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals_lower(std::string_view mixed, std::string_view lower_case) {
  if (mixed.size() != lower_case.size()) return false;
  for (std::size_t i = 0; i < mixed.size(); ++i)
    if (lower(mixed[i]) != lower_case[i]) return false;
  return true;
}
}  // namespace

Scope::Scope(const Scope* parent, pugi::xml_node node, std::string_view base_url)
    : parent_(parent), node_(node) {
  if (parent) adopted_uri_ = parent->adopted_uri_, adopted_ns_ = parent->adopted_ns_;
  auto ns_of = [this](std::string_view uri) {
    const Ns ns = ns_from_uri(uri);
    return ns == Ns::Other && !adopted_uri_.empty() && uri == adopted_uri_ ? adopted_ns_ : ns;
  };
  const std::string_view* xml_base = nullptr;
  std::string_view base_value, lang_value;
  bool has_lang = false;
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view n = a.name();
    if (n == "xmlns")
      bindings_.emplace_back(std::string_view{}, ns_of(a.value()));
    else if (n.starts_with("xmlns:"))
      bindings_.emplace_back(n.substr(6), ns_of(a.value()));
    else if (n == "xml:base")
      base_value = a.value(), xml_base = &base_value;
    else if (n == "xml:lang")
      lang_value = a.value(), has_lang = true;
  }
  const std::string& parent_base = parent ? parent->base() : kEmpty;
  if (!parent) own_base_ = std::string(base_url);
  if (xml_base) {
    own_base_ = util::resolve_url(parent ? parent_base : own_base_, *xml_base);
    base_ = &own_base_;
  } else {
    base_ = parent ? &parent_base : &own_base_;
  }
  if (has_lang) {
    own_lang_ = std::string(lang_value);
    lang_ = &own_lang_;
  } else {
    lang_ = parent ? &parent->lang() : &own_lang_;
  }
  name_ = resolve(node.name());
  // Most names are lower-case already; only copy when one is not.
  for (const char c : name_.local) {
    if (c >= 'A' && c <= 'Z') {
      local_lower_.assign(name_.local);
      for (char& ch : local_lower_) ch = lower(ch);
      name_.local = local_lower_;
      break;
    }
  }
}

void Scope::adopt_default_namespace(Ns as) {
  for (const pugi::xml_attribute a : node_.attributes())
    if (std::string_view(a.name()) == "xmlns") adopted_uri_ = a.value();
  if (adopted_uri_.empty()) return;
  adopted_ns_ = as;
  for (auto& [prefix, ns] : bindings_)
    if (prefix.empty() && ns == Ns::Other) ns = as;
  if (name_.ns == Ns::Other) name_.ns = as;
}

Ns Scope::lookup_prefix(std::string_view prefix) const {
  for (const Scope* s = this; s; s = s->parent_)
    for (const auto& [p, ns] : s->bindings_)
      if (p == prefix) return ns;
  if (prefix.empty()) return Ns::None;
  return conventional_prefix(prefix);
}

QName Scope::resolve(std::string_view qualified, bool is_attribute) const {
  const std::size_t colon = qualified.find(':');
  if (colon == std::string_view::npos) {
    return {is_attribute ? Ns::None : lookup_prefix({}), qualified};
  }
  const std::string_view prefix = qualified.substr(0, colon);
  if (prefix == "xml") return {Ns::Xml, qualified.substr(colon + 1)};
  return {lookup_prefix(prefix), qualified.substr(colon + 1)};
}

std::string_view Scope::attr(Ns ns, std::string_view local) const {
  for (const pugi::xml_attribute a : node_.attributes()) {
    const QName q = resolve(a.name(), true);
    if (q.ns == ns && iequals_lower(q.local, local)) return a.value();
  }
  return {};
}

std::string Scope::resolve_url(std::string_view url) const {
  return util::resolve_url(base(), url);
}

}  // namespace atip::feed
