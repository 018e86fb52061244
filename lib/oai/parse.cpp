// parse_list_records(): bytes -> decoded UTF-8 (lib/feed's charset rules) -> XML-safe text
// (lib/feed's entity rules) -> pugixml without DOCTYPE processing -> records. Each OAI-PMH
// element is matched by its local name, as the protocol's are unambiguous; Dublin Core ones
// must be in the DC (or DC terms) namespace, so a foreign <title> in some wrapper is not taken
// for the record's.
#include <algorithm>
#include <exception>
#include <new>
#include <pugixml.hpp>

#include "lib/feed/content.hpp"
#include "lib/feed/dates.hpp"
#include "lib/feed/encoding.hpp"
#include "lib/feed/extract.hpp"
#include "lib/feed/identity.hpp"
#include "lib/feed/limits.hpp"
#include "lib/feed/recover.hpp"
#include "lib/feed/sniff.hpp"
#include "lib/feed/xml_prep.hpp"
#include "lib/feed/xml_scope.hpp"
#include "lib/oai/oai.hpp"
#include "lib/oai/record_fields.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace atip::oai {

namespace {

using feed::Scope;
using feed::text_of;

constexpr std::size_t kMaxWarnings = 10;
// An OAI identifier or a token is a short string; one larger than this is a broken server.
constexpr std::size_t kMaxTokenBytes = 4096;

Page failure(std::string error) {
  Page p;
  p.error = std::move(error);
  return p;
}

void warn(Page& p, std::string what) {
  if (p.warnings.size() < kMaxWarnings) p.warnings.push_back(std::move(what));
}

bool is_element(pugi::xml_node n) { return n.type() == pugi::node_element; }

std::optional<std::int64_t> parse_count(std::string_view s) {
  s = feed::trim(s);
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

void read_header(const Scope& header, Record& r) {
  r.deleted = feed::trim(header.attr("status")) == "deleted";
  for (pugi::xml_node c = header.node().first_child(); c; c = c.next_sibling()) {
    if (!is_element(c)) continue;
    const Scope cs(&header, c);
    const std::string_view n = cs.name().local;
    if (n == "identifier" && r.identifier.empty())
      r.identifier = text_of(c);
    else if (n == "datestamp" && r.datestamp.empty())
      r.datestamp = text_of(c);
    else if (n == "setspec")
      r.sets.push_back(text_of(c));
  }
}

// The oai_dc:dc element inside <metadata>, or a null node.
pugi::xml_node dc_root(pugi::xml_node metadata) {
  for (pugi::xml_node c = metadata.first_child(); c; c = c.next_sibling())
    if (is_element(c)) return c;
  return {};
}

void read_record(const Scope& rec, Record& r, bool& has_metadata) {
  for (pugi::xml_node c = rec.node().first_child(); c; c = c.next_sibling()) {
    if (!is_element(c)) continue;
    const Scope cs(&rec, c);
    if (cs.name().local == "header") {
      read_header(cs, r);
    } else if (cs.name().local == "metadata") {
      const pugi::xml_node dc = dc_root(c);
      if (!dc) continue;
      const Scope ds(&cs, dc);
      has_metadata = true;
      DcFields fields;
      for (pugi::xml_node f = dc.first_child(); f; f = f.next_sibling()) {
        if (!is_element(f)) continue;
        const Scope fs(&ds, f);
        if (fs.name().ns != feed::Ns::Dc && fs.name().ns != feed::Ns::Dcterms) continue;
        std::string value = text_of(f);
        if (value.empty()) value = std::string(feed::trim(fs.attr(feed::Ns::Rdf, "resource")));
        if (!value.empty()) fields.add(fs.name().local, std::move(value));
      }
      fill_record(fields, r);
    }
  }
}

void read_list(const Scope& list, Page& page) {
  std::size_t position = 0;
  for (pugi::xml_node c = list.node().first_child(); c; c = c.next_sibling()) {
    if (!is_element(c)) continue;
    const Scope cs(&list, c);
    const std::string_view n = cs.name().local;
    if (n == "record") {
      ++position;
      Record r;
      bool has_metadata = false;
      read_record(cs, r, has_metadata);
      if (r.identifier.empty() || r.identifier.size() > kMaxTokenBytes) {
        warn(page, "record " + std::to_string(position) + ": no usable identifier; skipped");
        continue;
      }
      if (!r.deleted && !has_metadata) {
        warn(page, "record " + std::to_string(position) + " (" + r.identifier +
                       "): no oai_dc metadata; skipped");
        continue;
      }
      r.entry.id = r.entry.key = r.identifier;
      feed::set_date(r.entry.updated, r.datestamp);
      page.records.push_back(std::move(r));
    } else if (n == "resumptiontoken") {
      Resumption t;
      t.token = text_of(c);
      t.complete_list_size = parse_count(cs.attr("completelistsize"));
      t.cursor = parse_count(cs.attr("cursor"));
      page.resumption = std::move(t);
    }
  }
}

// The caps of lib/feed on every value, then identity (content hash) per record.
void finish(Page& page) {
  feed::Feed f;
  f.entries.reserve(page.records.size());
  for (Record& r : page.records) f.entries.push_back(std::move(r.entry));
  feed::enforce_limits(f);
  for (std::string& w : f.warnings) warn(page, std::move(w));
  for (std::size_t i = 0; i < page.records.size(); ++i) {
    page.records[i].entry = std::move(f.entries[i]);
    feed::Entry& e = page.records[i].entry;
    e.key = e.id;  // the identifier: limits may have cut an absurd one, but never emptied it
    e.content_hash = feed::entry_content_hash(e);
  }
}

// A response's XML tree: decoded, made XML-safe and parsed, with its root checked.
struct Loaded {
  feed::PreparedXml prep;  // the tree points into prep.xml
  pugi::xml_document doc;
  std::vector<std::string> warnings;
  std::string error;  // set when the bytes are no OAI-PMH response
};

void load(std::string_view bytes, std::string_view http_charset, Loaded& out) {
  if (feed::is_blank(bytes)) {
    out.error = "empty response";
    return;
  }
  feed::Decoded dec = feed::decode_to_utf8(bytes, http_charset);
  if (feed::looks_binary(bytes, dec.utf8)) {
    out.error = "not an OAI-PMH response: binary data";
    return;
  }
  if (feed::looks_like_html_page(dec.utf8)) {
    out.error = "not an OAI-PMH response: an HTML page";
    return;
  }
  out.warnings = std::move(dec.warnings);
  out.prep = feed::prepare_xml_owned(std::move(dec.utf8));
  for (std::string& w : out.prep.warnings) out.warnings.push_back(std::move(w));
  // parse_default leaves DOCTYPE out (no DTD, no entity declarations are ever read by pugixml);
  // xml_prep has already refused external and nested entities.
  const pugi::xml_parse_result parsed = out.doc.load_buffer_inplace(
      out.prep.xml.data(), out.prep.xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    out.error = "malformed XML at line " +
                std::to_string(feed::line_of(out.prep.xml, offset) + out.prep.skipped_lines) +
                ": " + feed::describe(parsed);
    return;
  }
  const pugi::xml_node root = out.doc.document_element();
  if (!root) {
    out.error = "not an OAI-PMH response: no root element";
    return;
  }
  if (Scope(nullptr, root).name().local != "oai-pmh")
    out.error = "not an OAI-PMH response: root element <" + std::string(root.name()) + ">";
}

Page parse_impl(std::string_view bytes, std::string_view http_charset) {
  Loaded loaded;
  load(bytes, http_charset, loaded);
  if (!loaded.error.empty()) return failure(std::move(loaded.error));
  const pugi::xml_node root_node = loaded.doc.document_element();
  const Scope root(nullptr, root_node);
  Page page;
  for (std::string& w : loaded.warnings) warn(page, std::move(w));
  bool has_list = false;
  for (pugi::xml_node c = root_node.first_child(); c; c = c.next_sibling()) {
    if (!is_element(c)) continue;
    const Scope cs(&root, c);
    const std::string_view n = cs.name().local;
    if (n == "responsedate" && page.response_date.empty()) {
      page.response_date = text_of(c);
      page.response_time = feed::parse_date(page.response_date);
    } else if (n == "error") {
      page.errors.push_back({std::string(feed::trim(cs.attr("code"))), text_of(c)});
    } else if (n == "listrecords") {
      has_list = true;
      read_list(cs, page);
    }
  }
  if (!has_list && page.errors.empty())
    return failure("not a ListRecords response: neither records nor an error");
  if (page.resumption && page.resumption->token.size() > kMaxTokenBytes)
    return failure("resumption token longer than " + std::to_string(kMaxTokenBytes) + " bytes");
  finish(page);
  page.ok = true;
  return page;
}

}  // namespace

std::string Page::failure() const {
  std::string out;
  for (const ProtocolError& e : errors) {
    if (e.code == "noRecordsMatch") continue;
    if (!out.empty()) out += "; ";
    out += e.code.empty() ? std::string("error") : e.code;
    // A repository may put a stack trace in its message: one line of it is enough.
    if (!e.message.empty()) out += ": " + text::truncate_chars(text::collapse_whitespace(e.message), 200);
  }
  return text::is_valid_utf8(out) ? out : text::sanitize_utf8(out);
}

std::string repository_name(std::string_view bytes, std::string_view http_charset) {
  try {
    Loaded loaded;
    load(bytes, http_charset, loaded);
    if (!loaded.error.empty()) return {};
    const Scope root(nullptr, loaded.doc.document_element());
    for (pugi::xml_node c = root.node().first_child(); c; c = c.next_sibling()) {
      if (!is_element(c)) continue;
      const Scope cs(&root, c);
      if (cs.name().local != "identify") continue;
      for (pugi::xml_node n = c.first_child(); n; n = n.next_sibling()) {
        if (!is_element(n) || Scope(&cs, n).name().local != "repositoryname") continue;
        std::string name = text::collapse_whitespace(text_of(n));
        if (!text::is_valid_utf8(name)) name = text::sanitize_utf8(name);
        return text::truncate_chars(name, 200);
      }
    }
  } catch (const std::exception&) {
  }
  return {};
}

Page parse_list_records(std::string_view bytes, std::string_view http_charset) {
  try {
    return parse_impl(bytes, http_charset);
  } catch (const std::bad_alloc&) {
    return failure("out of memory while reading the response");
  } catch (const std::exception& e) {
    return failure(std::string("internal error while reading the response: ") + e.what());
  }
}

}  // namespace atip::oai
