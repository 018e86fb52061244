#include "lib/export/json_writer.hpp"

#include <ostream>

#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

nlohmann::json time_or_null(const std::optional<store::Time>& t) {
  return t ? nlohmann::json(util::format_rfc3339(*t)) : nlohmann::json(nullptr);
}

nlohmann::json authors_array(const std::string& joined) {
  nlohmann::json out = nlohmann::json::array();
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t sep = joined.find("; ", start);
    if (sep == std::string::npos) sep = joined.size();
    out.push_back(joined.substr(start, sep - start));
    start = sep + 2;
  }
  return out;
}

}  // namespace

nlohmann::json document_json(const store::Document& d) {
  nlohmann::json sightings = nlohmann::json::array();
  for (const auto& s : d.sightings)
    sightings.push_back({{"source", s.source},
                         {"feed_id", s.feed_id ? nlohmann::json(*s.feed_id) : nlohmann::json(nullptr)},
                         {"entry_key", s.entry_key},
                         {"link", s.link},
                         {"published", time_or_null(s.published)},
                         {"first_seen", util::format_rfc3339(s.first_seen)}});
  nlohmann::json tags = {{"topics", nlohmann::json::array()}, {"areas", nlohmann::json::array()},
                         {"countries", nlohmann::json::array()}};
  for (const auto& t : d.tags) {
    const char* family = t.kind == "topic" ? "topics" : t.kind == "area" ? "areas" : t.kind == "country" ? "countries" : nullptr;
    if (family) tags[family].push_back(t.value);
  }
  return {{"id", d.id},
          {"title", d.title},
          {"link", d.link()},
          {"canonical_url", d.canonical_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.canonical_url)},
          {"published", time_or_null(d.published)},
          {"updated", time_or_null(d.updated)},
          {"first_seen", util::format_rfc3339(d.first_seen)},
          {"language", d.language},
          {"type", d.doc_type},
          {"doi", d.doi.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.doi)},
          {"relevance", d.relevance},
          {"tags", tags},
          {"authors", authors_array(d.authors)},
          {"summary", d.summary},
          {"state", d.state},
          {"starred", d.starred},
          {"note", d.note},
          {"sightings", sightings}};
}

void JsonWriter::begin() { out_ << '['; }

void JsonWriter::write(const store::Document& d) {
  out_ << (first_ ? "\n  " : ",\n  ");
  // Invalid UTF-8 can't reach here (the parser sanitises), but replace rather than throw if it did.
  out_ << document_json(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  first_ = false;
}

void JsonWriter::end() { out_ << (first_ ? "]\n" : "\n]\n"); }

}  // namespace atip::exporter
