// parse(): the pipeline from bytes to Feed. Each stage is its own file: sniff (what is it?),
// encoding (bytes -> UTF-8), xml_prep (HTML entities, bare '&'), pugixml plus recover (ill-formed
// XML), extract_* (tree -> Feed), identity (keys). Nothing here throws out of parse().
#include "lib/feed/parse.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <string>

#include "lib/feed/encoding.hpp"
#include "lib/feed/extract.hpp"
#include "lib/feed/fixups.hpp"
#include "lib/feed/identity.hpp"
#include "lib/feed/jsonfeed.hpp"
#include "lib/feed/limits.hpp"
#include "lib/feed/recover.hpp"
#include "lib/feed/sniff.hpp"
#include "lib/feed/xml_prep.hpp"
#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

// Enough for every real feed we have seen; each attempt is one linear parse.
constexpr int kMaxRepairs = 64;

ParseResult failure(std::string error) {
  ParseResult r;
  r.error = std::move(error);
  return r;
}

ParseResult html_page(std::string_view utf8, const Hints& hints) {
  ParseResult r = failure("not a feed: an HTML page");
  r.advertised_feeds = advertised_feeds(utf8, hints.base_url);
  if (!r.advertised_feeds.empty())
    r.error += "; it advertises " + std::to_string(r.advertised_feeds.size()) +
               (r.advertised_feeds.size() == 1 ? " feed" : " feeds");
  return r;
}

Format rss_version(std::string_view v) {
  if (v == "0.90") return Format::Rss090;
  if (v == "0.91") return Format::Rss091;
  if (v == "0.92") return Format::Rss092;
  if (v == "0.93") return Format::Rss093;
  if (v == "0.94") return Format::Rss094;
  return Format::Rss20;
}

// The dialect of the document from its root element, or Unknown.
Format detect_format(Scope& root) {
  if (root.name().ns == Ns::Other) {
    const std::string_view l = root.name().local;
    if (l == "rss" || l == "channel")
      root.adopt_default_namespace(Ns::Rss);
    else if (l == "feed")
      root.adopt_default_namespace(root.attr("version") == "0.3" ? Ns::Atom03 : Ns::Atom10);
  }
  const QName& q = root.name();
  if (q.local == "rss" && is_rss_ns(q.ns)) return rss_version(root.attr("version"));
  if (q.local == "channel" && is_rss_ns(q.ns)) return Format::Rss20;
  if (q.local == "rdf" && (q.ns == Ns::Rdf || q.ns == Ns::Other)) {
    for (pugi::xml_node c = root.node().first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const Scope cs(&root, c);
      if (cs.name().local == "channel" && cs.name().ns == Ns::Rss090) return Format::Rss090;
    }
    return Format::Rss10;
  }
  if (q.local == "feed") {
    if (q.ns == Ns::Atom03) return Format::Atom03;
    if (q.ns == Ns::Atom10) return Format::Atom10;
    if (q.ns == Ns::None) return root.attr("version") == "0.3" ? Format::Atom03 : Format::Atom10;
  }
  return Format::Unknown;
}

// The text and markup helpers (content.hpp) stop descending at this depth, so a document of
// 100,000 nested elements costs no stack; when one goes deeper, the result says so.
constexpr int kMaxDepth = 200;

bool deeper_than(pugi::xml_node root, int limit) {
  int depth = 0;
  pugi::xml_node n = root;
  while (n) {
    if (pugi::xml_node c = n.first_child()) {
      n = c;
      if (++depth > limit) return true;
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent(), --depth;
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return false;
}

struct XmlTree {
  pugi::xml_document doc;
  std::string buffer;  // the document's text; the tree points into it after an in-place parse
};

constexpr unsigned kParseOptions = pugi::parse_default;

std::size_t clamp_offset(const pugi::xml_parse_result& r, const std::string& buffer) {
  return std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)), buffer.size());
}

// Well-formed documents (nearly all) are parsed in place, in the decoder's own buffer.
// Otherwise the text is decoded and prepared again (`redecode`) and parsed with repairs
// (recover.hpp); the first error is kept as a warning with the document's line number.
// Returns false when the tree comes from a repaired text.
template <typename Redecode>
bool load_xml(XmlTree& t, std::string&& utf8, const Redecode& redecode, Feed& feed) {
  PreparedXml prep = prepare_xml_owned(std::move(utf8));
  for (auto& w : prep.warnings) feed.warnings.push_back(std::move(w));
  if (prep.changed) feed.wellformed = false;
  t.buffer = std::move(prep.xml);
  const pugi::xml_parse_result first = t.doc.load_buffer_inplace(
      t.buffer.data(), t.buffer.size(), kParseOptions, pugi::encoding_utf8);
  if (first) return true;
  t.buffer = prepare_xml_owned(redecode()).xml;
  feed.warnings.push_back(
      "line " +
      std::to_string(line_of(t.buffer, clamp_offset(first, t.buffer)) + prep.skipped_lines) + ": " +
      describe(first));
  feed.wellformed = false;
  // The in-place tree points into the old buffer, so the document is always parsed again here;
  // when no repair applies, that reparse gives back the first attempt's partial tree.
  pugi::xml_parse_result r = first;
  bool reparsed = false;
  for (int attempt = 0; attempt < kMaxRepairs && repair(t.buffer, r); ++attempt) {
    r = t.doc.load_buffer(t.buffer.data(), t.buffer.size(), kParseOptions, pugi::encoding_utf8);
    reparsed = true;
    if (r) return false;
  }
  if (!reparsed)
    t.doc.load_buffer(t.buffer.data(), t.buffer.size(), kParseOptions, pugi::encoding_utf8);
  return false;
}

void ensure_utf8(std::string& s) {
  if (!text::is_valid_utf8(s)) s = text::sanitize_utf8(s);
}

// Text values get fixups.hpp's repairs. Strings cut from a verified UTF-8 document (XML
// parsed without repairs) are valid already: the decoder checked every byte, xml_prep turns
// character references to surrogates and other code points XML forbids into U+FFFD, every
// later cut (trimming, people, URLs, limits) falls on a character boundary, and base64
// content is sanitised where it is decoded (content.cpp). Checking each string again cost
// about a tenth of parsing a large feed. Other paths (JSON Feed, iconv's output, repaired
// XML) are checked string by string as a last line of defence.
void finish_strings(Feed& f, bool verified) {
  const auto check = [verified](std::string& s) {
    if (!verified) ensure_utf8(s);
  };
  // Warnings may quote bytes from before decoding (the XML declaration's encoding name), so
  // they are checked even when the document was valid UTF-8; `atip fetch` stores them.
  for (std::string& w : f.warnings) ensure_utf8(w);
  for (std::string* s : {&f.title, &f.description}) check(*s), fix_mojibake(*s);
  check(f.link);
  check(f.language);
  check(f.updated.raw);
  check(f.published.raw);
  for (Entry& e : f.entries) {
    for (std::string* s : {&e.title, &e.summary, &e.content}) check(*s), fix_mojibake(*s);
    for (std::string* s : {&e.id, &e.link, &e.language, &e.published.raw, &e.updated.raw})
      check(*s);
    for (Person& p : e.authors) {
      check(p.name), check(p.email), check(p.uri);
      fix_mojibake(p.name);
    }
    for (std::string& c : e.categories) check(c), fix_mojibake(c);
    for (Enclosure& x : e.enclosures) check(x.url), check(x.type);
    for (auto* links : {&e.alternates, &e.related})
      for (Link& l : *links)
        check(l.href), check(l.hreflang), check(l.type), check(l.title);
    for (auto* values : {&e.relations, &e.identifiers})
      for (std::string& v : *values) check(v);
  }
}

// `owner`, when non-null, holds `bytes` and may be released once the tree is built: from then
// on nothing decodes the bytes again, and a large feed is not held twice while it is extracted.
using Original = std::function<std::string_view()>;

// `verified` is set when every string of the result is known to be valid UTF-8.
ParseResult parse_xml(Decoded& dec, const Original& original, const Hints& hints,
                      std::string* owner, bool& verified) {
  ParseResult res;
  Feed& feed = res.feed;
  feed.encoding = dec.encoding;
  feed.warnings = std::move(dec.warnings);
  feed.wellformed = !dec.lossy;
  // The decoded text is handed over to the XML buffer; the rare paths that need it again
  // (recovery, an XHTML page) decode the bytes a second time.
  const auto redecode = [&] { return decode_to_utf8(original(), hints.http_charset).utf8; };
  XmlTree tree;
  verified = load_xml(tree, std::move(dec.utf8), redecode, feed) && dec.verified;
  const pugi::xml_node root_node = tree.doc.document_element();
  if (!root_node) return failure("not a feed: no XML root element");
  Scope root(nullptr, root_node, hints.base_url);
  if (root.name().local == "html") return html_page(redecode(), hints);
  if (owner) std::string().swap(*owner);
  if (deeper_than(root_node, kMaxDepth))
    feed.warnings.push_back("elements nested more than " + std::to_string(kMaxDepth) +
                            " levels deep; deeper markup ignored");
  feed.format = detect_format(root);
  if (feed.format == Format::Unknown)
    return failure("not a feed: root element <" + std::string(root_node.name()) + ">");
  if (feed.format == Format::Atom03 || feed.format == Format::Atom10)
    extract_atom(root, feed);
  else
    extract_rss(root, feed);
  res.ok = true;
  return res;
}

ParseResult parse_impl(std::string_view bytes, const Hints& hints, std::string* owner,
                       const std::function<std::string()>& reload, bool& verified) {
  if (is_blank(bytes)) return failure("empty document");
  // Magic numbers are read before `bytes` may be handed over to the decoded text.
  const std::string head(bytes.substr(0, 16));
  std::string* reuse = owner && reload ? owner : nullptr;
  Decoded dec = decode_to_utf8(bytes, hints.http_charset, reuse);
  const bool moved = reuse && reuse->empty();
  std::string reread;
  const Original original = [&]() -> std::string_view {
    if (!moved) return bytes;
    if (reread.empty()) reread = reload();
    return reread;
  };
  if (looks_binary(head, dec.utf8)) return failure("not a feed: binary data");
  const std::size_t first = dec.utf8.find_first_not_of(" \t\r\n\f");
  if (first == std::string::npos) return failure("empty document");
  if (dec.utf8[first] == '{') {
    ParseResult r;
    r.feed.encoding = dec.encoding;
    r.feed.warnings = std::move(dec.warnings);
    r.feed.wellformed = !dec.lossy;
    r.ok =
        parse_json_feed(std::string_view(dec.utf8).substr(first), hints.base_url, r.feed, r.error);
    return r;
  }
  if (looks_like_html_page(dec.utf8)) return html_page(dec.utf8, hints);
  if (dec.utf8.find('<') == std::string::npos) return failure("not a feed: no markup");
  return parse_xml(dec, original, hints, owner, verified);
}

ParseResult parse_guarded(std::string_view bytes, const Hints& hints, std::string* owner,
                          const std::function<std::string()>& reload = {}) {
  try {
    bool verified = false;
    ParseResult r = parse_impl(bytes, hints, owner, reload, verified);
    if (r.ok) {
      enforce_limits(r.feed);
      finish_strings(r.feed, verified);
      assign_identity(r.feed);
    } else {
      r.feed = Feed{};
      ensure_utf8(r.error);
      for (std::string& url : r.advertised_feeds) ensure_utf8(url);
    }
    return r;
  } catch (const std::bad_alloc&) {
    return failure("out of memory while parsing");
  } catch (const std::exception& e) {
    return failure(std::string("internal error while parsing: ") + e.what());
  } catch (...) {
    return failure("internal error while parsing");
  }
}

}  // namespace

ParseResult parse(std::string_view bytes, const Hints& hints) {
  return parse_guarded(bytes, hints, nullptr);
}

ParseResult parse_owned(std::string&& bytes, const Hints& hints,
                        const std::function<std::string()>& reload) {
  std::string owned = std::move(bytes);
  return parse_guarded(owned, hints, &owned, reload);
}

}  // namespace atip::feed
