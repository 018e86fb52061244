#pragma once
// RIS, as Zotero, EndNote and Mendeley import it: one record per document, TY first and ER
// last, CRLF line ends. RIS has no escaping, so line breaks and controls in feed text become
// spaces and no value can start a record of its own.
#include "lib/export/citation.hpp"
#include "lib/export/writer.hpp"

namespace atip::exporter {

// A value on one line: CR, LF, tabs and other controls become spaces, ends trimmed.
std::string ris_value(std::string_view text);

class RisWriter final : public Writer {
 public:
  explicit RisWriter(std::ostream& out) : out_(out) {}
  void write(const store::Document& d) override;

 private:
  std::ostream& out_;
  CitationKeys keys_;
};

}  // namespace atip::exporter
