#pragma once
// JSON export: one array of documents, each with its sightings, or JSON Lines (one document
// per line). The schema is documented in README.md and atip(1) and stays stable: fields are
// added, never renamed or removed.
#include <nlohmann/json.hpp>

#include "lib/export/writer.hpp"

namespace atip::exporter {

// The JSON object for one document (shared with `search --format json`).
nlohmann::json document_json(const store::Document& d);

// Compact JSON text of `j` with invalid UTF-8 replaced, and the characters that could reorder
// or break what a terminal or an editor shows escaped as \uXXXX: DEL and C1 controls,
// bidirectional overrides and isolates, and the line and paragraph separators. JSON readers get the same strings back.
std::string dump_safe(const nlohmann::json& j);

// The text of document_json(d) passed through dump_safe, written directly (the export's
// streaming path; the tests hold the two equal).
std::string document_text(const store::Document& d);

class JsonWriter final : public Writer {
 public:
  JsonWriter(std::ostream& out, bool lines) : out_(out), lines_(lines) {}
  void begin() override;
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  bool lines_;
  bool first_ = true;
};

}  // namespace atip::exporter
