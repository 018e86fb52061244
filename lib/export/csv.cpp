#include "lib/export/csv.hpp"

namespace atip::exporter {

namespace {

bool looks_like_formula(std::string_view v) {
  return !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
}

// A plain loop: std::string_view::find_first_of calls memchr once per character of the field.
bool needs_quotes(std::string_view v) {
  for (const char c : v)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

}  // namespace

std::string csv_field_text(std::string_view value) {
  std::string v;
  v.reserve(value.size() + 1);
  if (looks_like_formula(value)) v += '\'';
  v += value;
  return v;
}

void append_csv_field(std::string& out, std::string_view value, bool numeric_ok) {
  const bool apostrophe = !numeric_ok && looks_like_formula(value);
  if (!needs_quotes(value)) {
    if (apostrophe) out += '\'';
    out += value;
    return;
  }
  out += '"';
  if (apostrophe) out += '\'';
  for (std::size_t start = 0;;) {
    const std::size_t quote = value.find('"', start);
    out.append(value.substr(start, quote == std::string_view::npos ? quote : quote + 1 - start));
    if (quote == std::string_view::npos) break;
    out += '"';
    start = quote + 1;
  }
  out += '"';
}

std::string csv_field(std::string_view value, bool numeric_ok) {
  std::string out;
  append_csv_field(out, value, numeric_ok);
  return out;
}

std::string tsv_field(std::string_view value) {
  std::string out(value);
  for (char& c : out)
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  return out;
}

}  // namespace atip::exporter
