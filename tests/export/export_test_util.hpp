#pragma once
// Documents and a runner for the export writer tests.
#include <sstream>
#include <string>
#include <vector>

#include "lib/export/writer.hpp"

namespace atip::testing {

inline store::Document sample_doc(std::int64_t id, const std::string& title, const std::string& source,
                                  const std::string& link) {
  store::Document d;
  d.id = id;
  d.title = title;
  d.summary = "First sentence. Second sentence! Third sentence is dropped.";
  d.published = 1'793'000'000;  // 2026-10-26
  d.first_seen = 1'793'100'000;
  d.last_changed = d.first_seen;
  d.language = "es";
  d.doc_type = "report";
  d.state = "new";
  d.sightings.push_back({1, source, "k" + std::to_string(id), link, std::nullopt, 1'793'100'000});
  return d;
}

inline exporter::DigestInfo sample_info() {
  exporter::DigestInfo info;
  info.since = 1'790'000'000;
  info.until = 1'795'000'000;
  info.generated_at = 1'795'000'000;
  return info;
}

inline std::string export_to_string(exporter::Format format, const std::vector<store::Document>& docs,
                                    const exporter::DigestInfo& info = sample_info()) {
  std::ostringstream out;
  auto w = exporter::make_writer(format, out, info);
  w->begin();
  for (const auto& d : docs) w->write(d);
  w->end();
  return out.str();
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace atip::testing
