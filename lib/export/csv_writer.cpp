#include "lib/export/csv_writer.hpp"

#include <fmt/format.h>

#include <ostream>

#include "lib/export/csv.hpp"
#include "lib/export/digest.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

// Whether text holds anything terminal_safe would change: C0 controls but tab and newline,
// DEL, C1 controls (C2 80-9F) or bidi controls (E2 80 8E-8F/AA-AE, E2 81 A6-A9, and the marks
// terminal_safe knows). Most text holds none, and the check is far cheaper than the copy.
bool needs_cleaning(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return true;
    if ((b == 0xC2 || b == 0xE2 || b == 0xD8 || b == 0xE1) && i + 1 < s.size()) {
      if (b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
      if (b != 0xC2) return true;  // rare in the office's languages: let terminal_safe decide
    }
  }
  return false;
}

}  // namespace

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "id",      "date",      "title", "link",    "publishers", "language", "type",  "topics",
      "areas",   "countries", "authors", "doi",   "state",      "starred",  "note",  "summary",
      "relevance", "first_seen"};
  return columns;
}

void CsvWriter::begin() {
  if (bom_) out_ << "\xEF\xBB\xBF";
  line_.clear();
  for (const auto& c : csv_columns()) {
    if (!line_.empty()) line_ += sep_;
    cell(c);
  }
  end_row();
}

// Cells are appended to one reused line: a row costs no allocation beyond the rare cleaned cell.
void CsvWriter::write(const store::Document& d) {
  line_.clear();
  line_ += std::to_string(d.id);  // numbers and timestamps atip wrote are never feed text
  next_cell(util::format_date(d.date()));
  next_cell(d.title);
  next_cell(d.source_link());
  joined_.clear();
  for (const auto& p : publishers(d)) {
    if (!joined_.empty()) joined_ += "; ";
    joined_ += p;
  }
  next_cell(joined_);
  next_cell(d.language);
  next_cell(d.doc_type);
  for (const char* family : {"topic", "area", "country"}) {
    joined_.clear();
    for (const auto& t : d.tags)
      if (t.kind == family) {
        if (!joined_.empty()) joined_ += "; ";
        joined_ += t.value;
      }
    next_cell(joined_);
  }
  next_cell(d.authors);
  next_cell(d.doi);
  next_cell(d.state);
  next_cell(d.starred ? "1" : "0");
  next_cell(d.note);
  next_cell(d.summary);
  line_ += sep_;
  line_ += fmt::format("{:.3f}", d.relevance);
  line_ += sep_;
  line_ += util::format_rfc3339(d.first_seen);
  end_row();
}

void CsvWriter::next_cell(std::string_view text) {
  line_ += sep_;
  cell(text);
}

// Escape sequences and bidi overrides from a feed would act in a terminal that shows the file
// and can disguise a cell in a spreadsheet; line breaks stay (quoted in CSV).
void CsvWriter::cell(std::string_view text) {
  std::string cleaned;
  if (needs_cleaning(text)) {
    cleaned = text::terminal_safe(text);
    text = cleaned;
  }
  if (sep_ == ',') append_csv_field(line_, text);
  else line_ += tsv_field(csv_field_text(text));
}

void CsvWriter::end_row() {
  line_ += sep_ == ',' ? "\r\n" : "\n";
  out_ << line_;
}

}  // namespace atip::exporter
