#pragma once
// Namespace-aware reading of a pugixml tree (pugixml itself knows nothing of namespaces).
// A Scope is one element seen with everything in scope at that point: prefix bindings,
// xml:base (already resolved against the enclosing base) and xml:lang. Scopes live on the
// stack of the walk that creates them; a child holds a pointer to its parent.
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atip::feed {

// The vocabularies the parser understands. Namespace URIs are compared case-insensitively and
// without a trailing '/' or '#', because feeds get them slightly wrong.
enum class Ns {
  None,
  Rss,
  Rss10,
  Rss090,
  Atom10,
  Atom03,
  Rdf,
  Dc,
  Dcterms,
  Content,
  Xhtml,
  Xml,
  Itunes,
  Media,
  Prism,
  Other
};

Ns ns_from_uri(std::string_view uri) noexcept;

// `local` is lower-cased: feeds are matched case-insensitively, as feedparser does (CDF and
// some podcast feeds write <TITLE>, <ITEM>).
struct QName {
  Ns ns = Ns::None;
  std::string_view local;
};

class Scope {
 public:
  // `base_url` is the document's base (Hints::base_url) and only used for a root scope.
  Scope(const Scope* parent, pugi::xml_node node, std::string_view base_url = {});
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  pugi::xml_node node() const { return node_; }
  const QName& name() const { return name_; }
  const std::string& base() const { return *base_; }
  const std::string& lang() const { return *lang_; }
  const Scope* parent() const { return parent_; }

  // Resolves an element or attribute name ("dc:date", "title") in this scope. Unprefixed
  // attributes are in no namespace; unprefixed elements take the default namespace.
  QName resolve(std::string_view qualified, bool is_attribute = false) const;

  // Feeds that put their root in an unknown namespace ("http://backend.userland.com/rss2.1",
  // "http://example.com/newformat#") mean their dialect: treat the root's default namespace as
  // `as` here and in every descendant scope created afterwards.
  void adopt_default_namespace(Ns as);

  // The value of the attribute (ns, local), or empty. Unprefixed attributes match Ns::None.
  // `local` must be lower-case; attribute names are compared case-insensitively.
  std::string_view attr(Ns ns, std::string_view local) const;
  // Unprefixed attribute `local` (the common case: href, rel, type, …).
  std::string_view attr(std::string_view local) const { return attr(Ns::None, local); }

  // `url` resolved against this scope's base (unchanged when there is no base).
  std::string resolve_url(std::string_view url) const;

 private:
  Ns lookup_prefix(std::string_view prefix) const;

  const Scope* parent_;
  pugi::xml_node node_;
  QName name_;
  std::string local_lower_;
  std::string_view adopted_uri_;  // inherited from the root; see adopt_default_namespace
  Ns adopted_ns_ = Ns::Other;
  std::vector<std::pair<std::string_view, Ns>> bindings_;  // declared on this element
  std::string own_base_, own_lang_;
  const std::string* base_;
  const std::string* lang_;
};

}  // namespace atip::feed
