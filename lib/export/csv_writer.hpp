#pragma once
// CSV (RFC 4180: CRLF records, fields quoted when needed, formula-like cells neutralised) and
// TSV (one record per line), with the same columns, for spreadsheets.
#include <string_view>

#include "lib/export/writer.hpp"

namespace atip::exporter {

// The header row's column names, in order.
const std::vector<std::string>& csv_columns();

class CsvWriter final : public Writer {
 public:
  CsvWriter(std::ostream& out, char separator, bool bom) : out_(out), sep_(separator), bom_(bom) {}
  void begin() override;
  void write(const store::Document& d) override;

 private:
  void next_cell(std::string_view text);
  void cell(std::string_view text);
  void end_row();
  std::ostream& out_;
  char sep_;
  bool bom_;
  std::string line_;    // reused for every row
  std::string joined_;  // a list cell being assembled
};

}  // namespace atip::exporter
