#include "lib/export/ris_writer.hpp"

#include <fmt/format.h>

#include <ostream>

#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

const char* ris_type(CiteKind k) {
  switch (k) {
    case CiteKind::Report: return "RPRT";
    case CiteKind::Article: return "JOUR";
    case CiteKind::News: return "NEWS";
    case CiteKind::Legislation: return "STAT";
    case CiteKind::Case: return "CASE";
    case CiteKind::Dataset: return "DATA";
    case CiteKind::Web: return "ELEC";
  }
  return "GEN";
}

void line(std::string& record, const char* tag, std::string_view value) {
  const std::string v = ris_value(value);
  if (!v.empty()) record += fmt::format("{}  - {}\r\n", tag, v);
}

}  // namespace

std::string ris_value(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  const auto b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

void RisWriter::write(const store::Document& d) {
  const CiteKind kind = cite_kind(d);
  std::string r = fmt::format("TY  - {}\r\n", ris_type(kind));
  line(r, "ID", keys_.next(d));
  line(r, "TI", d.title);
  for (const auto& n : author_names(d.authors)) line(r, "AU", n.family.empty() ? n.literal : n.family + ", " + n.given);
  const std::string pub = publisher(d);
  // The container of an article or a news item is the journal or the outlet; otherwise the
  // publisher is the institution.
  if (kind == CiteKind::Article) line(r, "JO", pub);
  else if (kind == CiteKind::News) line(r, "T2", pub);
  else line(r, "PB", pub);
  // RIS has no type for policies or training material: they are reports whose "type of work"
  // (M3, read by Zotero and EndNote, and by atip import) says which.
  if (d.doc_type == "policy") line(r, "M3", "Policy document");
  if (d.doc_type == "training") line(r, "M3", "Training material");
  const std::string date = util::format_date(d.date());
  line(r, "PY", date.substr(0, 4));
  line(r, "DA", date.substr(0, 4) + "/" + date.substr(5, 2) + "/" + date.substr(8, 2));
  if (is_http_url(d.source_link())) {
    line(r, "UR", d.source_link());
    line(r, "Y2", util::format_date(d.first_seen));
  }
  line(r, "DO", d.doi);
  line(r, "LA", d.language);
  for (const auto& t : d.tags)
    if (t.kind == "topic" || t.kind == "country") line(r, "KW", t.value);
  line(r, "AB", d.summary);
  r += "ER  - \r\n\r\n";
  out_ << r;
}

}  // namespace atip::exporter
