#include "lib/export/csv.hpp"

namespace atip::exporter {

std::string csv_field_text(std::string_view value) {
  std::string v(value);
  const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
                                      v[0] == '\t' || v[0] == '\r');
  if (formula) v.insert(v.begin(), '\'');
  return v;
}

std::string csv_field(std::string_view value, bool numeric_ok) {
  std::string v = numeric_ok ? std::string(value) : csv_field_text(value);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string tsv_field(std::string_view value) {
  std::string out(value);
  for (char& c : out)
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  return out;
}

}  // namespace atip::exporter
