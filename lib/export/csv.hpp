#pragma once
// RFC 4180 fields for CSV, and tab-separated fields for TSV, from untrusted text.
#include <string>
#include <string_view>

namespace atip::exporter {

// One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled). A field that
// a spreadsheet would read as a formula (starting with = + - @, or a tab or CR) gets a leading
// apostrophe first (OWASP's advice against CSV injection); numbers with a sign are kept when
// `numeric_ok` says the column is numeric.
std::string csv_field(std::string_view value, bool numeric_ok = false);
// The same, appended to `out` (what an exporter writing many rows wants).
void append_csv_field(std::string& out, std::string_view value, bool numeric_ok = false);

// The formula neutralising of csv_field alone, without quoting (for TSV cells).
std::string csv_field_text(std::string_view value);

// One TSV field: tabs, CR and LF become spaces, so every record is one line.
std::string tsv_field(std::string_view value);

}  // namespace atip::exporter
