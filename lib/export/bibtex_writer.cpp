#include "lib/export/bibtex_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <ostream>
#include <string_view>

#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

const char* entry_type(CiteKind k) {
  switch (k) {
    case CiteKind::Report: return "report";
    case CiteKind::Article: return "article";
    case CiteKind::News: return "online";
    case CiteKind::Legislation: return "legislation";
    case CiteKind::Case: return "jurisdiction";
    case CiteKind::Dataset: return "dataset";
    case CiteKind::Web: return "online";
  }
  return "misc";
}

// A name BibTeX would split wrongly (one holding " and ", or an institution) is braced whole.
std::string bibtex_name(const PersonName& n) {
  if (!n.family.empty()) return bibtex_escape(n.family) + ", " + bibtex_escape(n.given);
  return "{" + bibtex_escape(n.literal) + "}";
}

// url and doi are verbatim fields in biblatex: LaTeX escapes would become part of the link,
// so the characters that could break the entry are percent-encoded instead.
std::string verbatim(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (c <= 0x20 || c == 0x7f || c == '{' || c == '}' || c == '\\')
      out += fmt::format("%{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

void field(std::string& entry, const char* name, const std::string& value) {
  if (value.empty()) return;
  entry += "  ";
  entry += name;
  entry += " = {";
  entry += value;
  entry += "},\n";
}

}  // namespace

std::string bibtex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  // A table lookup per byte: most text holds none of these, and the runs between them are
  // copied whole.
  static constexpr auto special = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x20; ++b) t[static_cast<std::size_t>(b)] = true;
    for (unsigned char c : std::string_view("\x7f\\{}&%#_$^~")) t[c] = true;
    return t;
  }();
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!special[static_cast<unsigned char>(c)]) continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\textbraceleft{}"; break;
      case '}': out += "\\textbraceright{}"; break;
      case '&': case '%': case '#': case '_': case '$':
        out += '\\';
        out += c;
        break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: break;  // other controls are dropped
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  return out;
}

void BibtexWriter::write(const store::Document& d) {
  const CiteKind kind = cite_kind(d);
  std::string e = fmt::format("@{}{{{},\n", entry_type(kind), keys_.next(d));
  std::string authors;
  for (const auto& n : author_names(d.authors)) authors += (authors.empty() ? "" : " and ") + bibtex_name(n);
  field(e, "author", authors);
  field(e, "title", bibtex_escape(d.title));
  const std::string pub = bibtex_escape(publisher(d));
  switch (kind) {
    case CiteKind::Report: field(e, "institution", pub); break;
    case CiteKind::Article: field(e, "journaltitle", pub); break;
    default: field(e, "organization", pub);
  }
  if (d.doc_type == "policy") field(e, "type", "Policy document");
  if (d.doc_type == "training") field(e, "type", "Training material");
  field(e, "date", util::format_date(d.date()));
  if (is_http_url(d.source_link())) {
    field(e, "url", verbatim(d.source_link()));
    field(e, "urldate", util::format_date(d.first_seen));
  }
  field(e, "doi", verbatim(d.doi));
  field(e, "langid", babel_language(d.language));
  std::string keywords;
  for (const auto& t : d.tags)
    if (t.kind == "topic" || t.kind == "country") keywords += (keywords.empty() ? "" : ", ") + t.value;
  field(e, "keywords", bibtex_escape(keywords));
  field(e, "abstract", bibtex_escape(d.summary));
  e += "}\n\n";
  out_ << e;
}

}  // namespace atip::exporter
