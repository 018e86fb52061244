// Which reader a file needs: from its name, else from its first bytes.
#include <string>

#include "lib/feed/encoding.hpp"
#include "lib/import/fields.hpp"
#include "lib/import/record.hpp"
#include "lib/text/utf8.hpp"

namespace atip::importer {

namespace {

std::string_view without_bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::Bibtex: return "bibtex";
    case Format::Ris: return "ris";
    case Format::CslJson: return "csljson";
    case Format::Csv: return "csv";
  }
  return "csv";
}

std::optional<Format> parse_format(std::string_view name) {
  const std::string n = detail::lower_ascii(name);
  if (n == "bibtex" || n == "bib" || n == "biblatex") return Format::Bibtex;
  if (n == "ris") return Format::Ris;
  if (n == "csljson" || n == "csl-json" || n == "json" || n == "csl") return Format::CslJson;
  if (n == "csv" || n == "tsv") return Format::Csv;
  return std::nullopt;
}

std::optional<Format> format_from_name(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos || file_name.find('/', dot) != std::string_view::npos) return std::nullopt;
  const std::string ext = detail::lower_ascii(file_name.substr(dot + 1));
  if (ext == "bib" || ext == "bibtex") return Format::Bibtex;
  if (ext == "ris") return Format::Ris;
  if (ext == "json" || ext == "csljson" || ext == "jsonl") return Format::CslJson;
  if (ext == "csv" || ext == "tsv") return Format::Csv;
  return std::nullopt;
}

std::optional<Format> sniff_format(std::string_view bytes) {
  const std::string_view s = without_bom(bytes);
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  if (s[first] == '[' || s[first] == '{') return Format::CslJson;
  // The first tag line of RIS is "TY  - "; BibTeX has an @type{ before any other '{'.
  for (std::size_t at = first; at < s.size();) {
    auto end = s.find('\n', at);
    if (end == std::string_view::npos) end = s.size();
    const std::string line = detail::trim(s.substr(at, end - at));
    if (line.rfind("TY ", 0) == 0 && line.find('-') != std::string::npos && line.find('-') <= 5) return Format::Ris;
    if (!line.empty() && line[0] == '@' && line.find_first_of("{(") != std::string::npos) return Format::Bibtex;
    if (at - first > 4096) break;
    at = end + 1;
  }
  // A header row: a first line with delimiters and no control bytes.
  const std::string header(s.substr(first, s.find('\n', first) - first));
  if (header.find_first_of(",;\t") != std::string::npos) return Format::Csv;
  return std::nullopt;
}

Decoded decode(std::string_view bytes) {
  // lib/feed's decoder: byte order marks, then UTF-8, else Windows-1252 when every byte is one.
  feed::Decoded d = feed::decode_to_utf8(bytes, "");
  std::string note;
  if (d.encoding != "utf-8" && d.encoding.rfind("utf-", 0) != 0) note = "not UTF-8: read as " + d.encoding;
  else if (d.lossy) note = "not valid UTF-8: unreadable bytes replaced";
  return {std::move(d.utf8), std::move(note)};
}

ReadResult read(Format format, std::string_view bytes) {
  Decoded d = decode(bytes);
  // A file may hold NUL bytes or a BOM after conversion; neither belongs in a record.
  d.text = text::sanitize_utf8(without_bom(d.text));
  ReadResult r;
  switch (format) {
    case Format::Bibtex: r = read_bibtex(d.text); break;
    case Format::Ris: r = read_ris(d.text); break;
    case Format::CslJson: r = read_csljson(d.text); break;
    case Format::Csv: r = read_csv(d.text); break;
  }
  if (!d.note.empty()) r.notes.insert(r.notes.begin(), d.note);
  // Messages may quote the file, or a library's message that does (nlohmann's ends with the
  // bytes it last read, which may stop inside a character): one check here covers every reader.
  for (Problem& p : r.rejected) p.message = text::sanitize_utf8(p.message);
  for (std::string& n : r.notes) n = text::sanitize_utf8(n);
  return r;
}

}  // namespace atip::importer
