#pragma once
// CSL-JSON (the citation format of Zotero, Pandoc and citeproc): an array of items with CSL
// types (report, article-journal, article-newspaper, legislation, legal_case, dataset,
// webpage), names split into family and given (or literal), dates as date-parts.
#include <nlohmann/json.hpp>

#include "lib/export/citation.hpp"
#include "lib/export/writer.hpp"

namespace atip::exporter {

// The CSL item of one document under citation key `id`.
nlohmann::json csl_item(const store::Document& d, const std::string& id);

class CslWriter final : public Writer {
 public:
  explicit CslWriter(std::ostream& out) : out_(out) {}
  void begin() override;
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  CitationKeys keys_;
  bool first_ = true;
};

}  // namespace atip::exporter
