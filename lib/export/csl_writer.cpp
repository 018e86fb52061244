#include "lib/export/csl_writer.hpp"

#include <ostream>

#include "lib/export/json_writer.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

const char* csl_type(CiteKind k) {
  switch (k) {
    case CiteKind::Report: return "report";
    case CiteKind::Article: return "article-journal";
    case CiteKind::News: return "article-newspaper";
    case CiteKind::Legislation: return "legislation";
    case CiteKind::Case: return "legal_case";
    case CiteKind::Dataset: return "dataset";
    case CiteKind::Web: return "webpage";
  }
  return "document";
}

nlohmann::json date_parts(store::Time t) {
  const std::string d = util::format_date(t);
  return {{"date-parts", {{std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2))}}}};
}

}  // namespace

nlohmann::json csl_item(const store::Document& d, const std::string& id) {
  const CiteKind kind = cite_kind(d);
  nlohmann::json item = {{"id", id}, {"type", csl_type(kind)}, {"title", d.title}, {"issued", date_parts(d.date())}};
  nlohmann::json authors = nlohmann::json::array();
  for (const auto& n : author_names(d.authors)) {
    if (n.family.empty()) authors.push_back({{"literal", n.literal}});
    else authors.push_back({{"family", n.family}, {"given", n.given}});
  }
  if (!authors.empty()) item["author"] = authors;
  const std::string pub = publisher(d);
  if (!pub.empty()) {
    if (kind == CiteKind::Article || kind == CiteKind::News) item["container-title"] = pub;
    else item["publisher"] = pub;
  }
  if (d.doc_type == "policy") item["genre"] = "Policy document";
  if (d.doc_type == "training") item["genre"] = "Training material";
  if (is_http_url(d.source_link())) {
    item["URL"] = d.source_link();
    item["accessed"] = date_parts(d.first_seen);
  }
  if (!d.doi.empty()) item["DOI"] = d.doi;
  if (!d.language.empty()) item["language"] = d.language;
  if (!d.summary.empty()) item["abstract"] = d.summary;
  std::string keywords;
  for (const auto& t : d.tags)
    if (t.kind == "topic" || t.kind == "country") keywords += (keywords.empty() ? "" : ", ") + t.value;
  if (!keywords.empty()) item["keyword"] = keywords;
  return item;
}

void CslWriter::begin() { out_ << '['; }

void CslWriter::write(const store::Document& d) {
  out_ << (first_ ? "\n  " : ",\n  ");
  out_ << dump_safe(csl_item(d, keys_.next(d)));
  first_ = false;
}

void CslWriter::end() { out_ << (first_ ? "]\n" : "\n]\n"); }

}  // namespace atip::exporter
