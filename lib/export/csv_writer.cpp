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

std::string joined(const std::vector<std::string>& values, const char* sep = "; ") {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : sep) + v;
  return out;
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
  row(csv_columns(), csv_columns().size());
}

void CsvWriter::write(const store::Document& d) {
  row({std::to_string(d.id), util::format_date(d.date()), d.title, d.link(), joined(publishers(d)), d.language,
       d.doc_type, joined(tag_values(d, "topic")), joined(tag_values(d, "area")), joined(tag_values(d, "country")),
       d.authors, d.doi, d.state, d.starred ? "1" : "0", d.note, d.summary, fmt::format("{:.3f}", d.relevance),
       util::format_rfc3339(d.first_seen)},
      16);
}

// Columns from `numeric_from` on are numbers or timestamps atip wrote, never feed text.
void CsvWriter::row(const std::vector<std::string>& fields, std::size_t numeric_from) {
  line_.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line_ += sep_;
    const bool numeric = i == 0 || i >= numeric_from;
    // Escape sequences and bidi overrides from a feed would act in a terminal that shows the
    // file and can disguise a cell in a spreadsheet; line breaks stay (quoted in CSV).
    if (numeric) {
      line_ += fields[i];
      continue;
    }
    std::string cleaned;
    const bool clean = needs_cleaning(fields[i]);
    if (clean) cleaned = text::terminal_safe(fields[i]);
    const std::string_view cell = clean ? std::string_view(cleaned) : std::string_view(fields[i]);
    if (sep_ == ',') append_csv_field(line_, cell);
    else line_ += tsv_field(csv_field_text(cell));
  }
  line_ += sep_ == ',' ? "\r\n" : "\n";
  out_ << line_;
}

}  // namespace atip::exporter
