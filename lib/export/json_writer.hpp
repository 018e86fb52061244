#pragma once
// JSON export: one array of documents, each with its sightings. The schema is documented in
// atip(1) under EXPORT FORMATS and stays stable: fields are added, never renamed.
#include <nlohmann/json.hpp>

#include "lib/export/writer.hpp"

namespace atip::exporter {

// The JSON object for one document (shared with `search --format json`).
nlohmann::json document_json(const store::Document& d);

class JsonWriter final : public Writer {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void begin() override;
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace atip::exporter
