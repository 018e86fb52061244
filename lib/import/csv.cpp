// CSV and TSV with a header row (spreadsheets, `atip export -f csv|tsv`): RFC 4180 quoting with
// line breaks inside quotes, the delimiter sniffed from the header (comma, semicolon, tab),
// columns matched by name in English, Spanish, Portuguese and French.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "lib/import/fields.hpp"
#include "lib/import/record.hpp"

namespace atip::importer {

namespace {

using detail::trim;

enum class Column {
  Ignored, Title, Url, Date, Authors, Type, Countries, Language, Summary, Doi, Note, Topics, Areas,
  Publisher, State, Starred, Key,
};

// Header names, folded (lower case, no accents, punctuation as spaces).
Column column_of(const std::string& folded) {
  static const std::map<std::string, Column, std::less<>> names = {
      {"title", Column::Title}, {"titulo", Column::Title}, {"titre", Column::Title},
      {"document title", Column::Title}, {"titulo do documento", Column::Title},
      {"url", Column::Url}, {"link", Column::Url}, {"links", Column::Url}, {"enlace", Column::Url},
      {"lien", Column::Url}, {"web", Column::Url}, {"address", Column::Url},
      {"date", Column::Date}, {"fecha", Column::Date}, {"data", Column::Date},
      {"published", Column::Date}, {"publication date", Column::Date}, {"year", Column::Date},
      {"ano", Column::Date}, {"annee", Column::Date}, {"fecha de publicacion", Column::Date},
      {"data de publicacao", Column::Date}, {"date de publication", Column::Date},
      {"author", Column::Authors}, {"authors", Column::Authors}, {"autor", Column::Authors},
      {"autores", Column::Authors}, {"autor es", Column::Authors}, {"autora", Column::Authors},
      {"auteur", Column::Authors}, {"auteurs", Column::Authors}, {"creator", Column::Authors},
      {"type", Column::Type}, {"tipo", Column::Type}, {"document type", Column::Type},
      {"tipo de documento", Column::Type}, {"type de document", Column::Type},
      {"country", Column::Countries}, {"countries", Column::Countries}, {"pais", Column::Countries},
      {"paises", Column::Countries}, {"pays", Column::Countries},
      {"language", Column::Language}, {"lang", Column::Language}, {"idioma", Column::Language},
      {"langue", Column::Language}, {"lingua", Column::Language},
      {"summary", Column::Summary}, {"abstract", Column::Summary}, {"resumen", Column::Summary},
      {"resumo", Column::Summary}, {"resume", Column::Summary}, {"description", Column::Summary},
      {"descripcion", Column::Summary}, {"descricao", Column::Summary},
      {"doi", Column::Doi}, {"note", Column::Note}, {"notes", Column::Note}, {"nota", Column::Note},
      {"notas", Column::Note},
      {"topics", Column::Topics}, {"topic", Column::Topics}, {"tags", Column::Topics},
      {"tag", Column::Topics}, {"keywords", Column::Topics}, {"keyword", Column::Topics},
      {"temas", Column::Topics}, {"tema", Column::Topics}, {"palabras clave", Column::Topics},
      {"palavras chave", Column::Topics}, {"mots cles", Column::Topics}, {"sujets", Column::Topics},
      {"areas", Column::Areas}, {"area", Column::Areas},
      {"publisher", Column::Publisher}, {"publishers", Column::Publisher},
      {"editorial", Column::Publisher}, {"editeur", Column::Publisher},
      {"institution", Column::Publisher}, {"institucion", Column::Publisher},
      {"instituicao", Column::Publisher}, {"organization", Column::Publisher},
      {"organisation", Column::Publisher}, {"organizacion", Column::Publisher},
      {"organizacao", Column::Publisher}, {"source", Column::Publisher}, {"fuente", Column::Publisher},
      {"fonte", Column::Publisher},
      {"state", Column::State}, {"starred", Column::Starred},
      // atip's own export: its id means nothing in another catalogue; the rest atip recomputes.
      {"id", Column::Key}, {"relevance", Column::Ignored}, {"first seen", Column::Ignored},
  };
  const auto it = names.find(folded);
  return it == names.end() ? Column::Ignored : it->second;
}

bool known_ignored(const std::string& folded) { return folded == "relevance" || folded == "first seen"; }

// The delimiter most used outside quotes on the header line.
char sniff_delimiter(std::string_view s) {
  std::array<int, 3> counts{};
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[2] > 0 && counts[2] >= counts[0] && counts[2] >= counts[1]) return '\t';
  return counts[1] > counts[0] ? ';' : ',';
}

// atip's CSV export puts an apostrophe before a cell a spreadsheet would run as a formula.
std::string unguard(std::string cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' || cell[1] == '\r'))
    cell.erase(cell.begin());
  return cell;
}

class Rows {
 public:
  Rows(std::string_view s, char delimiter) : s_(s), delim_(delimiter) {}

  bool done() const { return i_ >= s_.size(); }
  std::size_t offset() const { return i_; }

  // One record; false (with `error`) when a quote is never closed: reading then resumes on
  // the line after the record's first.
  bool next(std::vector<std::string>& fields, std::string& error) {
    fields.clear();
    const std::size_t start = i_;
    while (true) {
      std::string field;
      const Quoting q = i_ < s_.size() && s_[i_] == '"' ? quoted(field) : Quoting::None;
      // In CSV a quote inside a field must be doubled; TSV files (atip's own among them) often
      // leave quotes in cells as they are.
      if (q == Quoting::Unclosed || (q == Quoting::Misused && delim_ != '\t')) {
        error = q == Quoting::Unclosed ? "a quoted field is never closed" : "text after the closing quote of a field";
        i_ = std::min(s_.find_first_of("\r\n", start), s_.size());
        skip_eol();
        return false;
      }
      if (q == Quoting::None || q == Quoting::Misused) field = plain();
      fields.push_back(std::move(field));
      if (i_ < s_.size() && s_[i_] == delim_) {
        ++i_;
        continue;
      }
      skip_eol();
      return true;
    }
  }

 private:
  enum class Quoting { None, Closed, Unclosed, Misused };

  // "…" with "" for a quote. A closing quote followed by anything but a delimiter or a line
  // end was no quoting at all (a TSV cell that starts with a quote): Misused.
  Quoting quoted(std::string& field) {
    const std::size_t close = closing_quote(i_);
    if (close == std::string_view::npos) return Quoting::Unclosed;
    if (close + 1 < s_.size() && s_[close + 1] != delim_ && s_[close + 1] != '\r' && s_[close + 1] != '\n')
      return Quoting::Misused;
    field.clear();
    for (std::size_t j = i_ + 1; j < close; ++j) {
      field += s_[j];
      if (s_[j] == '"') ++j;  // the second quote of a pair
    }
    i_ = close + 1;
    return Quoting::Closed;
  }

  // Where the quote opened at `open` closes (npos: never). Between an opening quote and its
  // close every quote is half of a pair; so a later opening quote inside that stretch, not
  // followed by another quote, closes at the same place. Remembering the last answer keeps a
  // file of many unclosed or misused quotes linear instead of quadratic.
  std::size_t closing_quote(std::size_t open) {
    if (open > last_open_ && open < last_close_ && !(open + 1 < s_.size() && s_[open + 1] == '"') &&
        last_open_ != std::string_view::npos)
      return last_close_;
    std::size_t j = open + 1, close = std::string_view::npos;
    while ((j = s_.find('"', j)) != std::string_view::npos) {
      if (j + 1 < s_.size() && s_[j + 1] == '"') {
        j += 2;
        continue;
      }
      close = j;
      break;
    }
    last_open_ = open;
    last_close_ = close;
    return close;
  }

  std::string plain() {
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != delim_ && s_[i_] != '\r' && s_[i_] != '\n') ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  void skip_eol() {
    if (i_ >= s_.size()) return;
    if (s_[i_] == '\r') ++i_;
    if (i_ < s_.size() && s_[i_] == '\n') ++i_;
  }

  std::string_view s_;
  char delim_;
  std::size_t i_ = 0;
  std::size_t last_open_ = std::string_view::npos, last_close_ = std::string_view::npos;
};

Record to_record(const std::vector<Column>& columns, const std::vector<std::string>& cells, int line) {
  Record r;
  r.line = line;
  for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
    const std::string v = unguard(trim(cells[c]));
    if (v.empty()) continue;
    switch (columns[c]) {
      case Column::Title: r.title = v; break;
      case Column::Url: r.url = v; break;
      case Column::Date: r.date = v; break;
      case Column::Authors: r.authors = detail::split(v, ";"); break;
      case Column::Type: r.type = detail::atip_type(v); if (r.type.empty()) r.type = "?" + v; break;
      case Column::Countries: r.countries = detail::split(v, ";,|/"); break;
      case Column::Language: r.language = v; break;
      case Column::Summary: r.summary = v; break;
      case Column::Doi: r.doi = v; break;
      case Column::Note: r.note = v; break;
      case Column::Topics: r.topics = detail::split(v, ";,|"); break;
      case Column::Areas: r.areas = detail::split(v, ";,|"); break;
      case Column::Publisher: r.publisher = detail::split(v, ";").empty() ? v : detail::split(v, ";").front(); break;
      case Column::State: r.state = detail::lower_ascii(v); break;
      case Column::Starred: r.starred = v == "1" || detail::lower_ascii(v) == "true" || detail::lower_ascii(v) == "yes"; break;
      case Column::Key: r.key = v; break;
      case Column::Ignored: break;
    }
  }
  return r;
}

}  // namespace

ReadResult read_csv(std::string_view bytes) {
  ReadResult out;
  const detail::Lines lines(bytes);
  Rows rows(bytes, sniff_delimiter(bytes));
  std::vector<std::string> header;
  std::string error;
  while (!rows.done() && header.empty()) {
    if (!rows.next(header, error)) {
      out.rejected.push_back({1, "the header row has a quote that is never closed"});
      return out;
    }
    if (header.size() == 1 && trim(header[0]).empty()) header.clear();  // blank lines first
  }
  std::vector<Column> columns;
  std::set<Column> seen;
  std::string ignored;
  for (const std::string& h : header) {
    const std::string folded = detail::fold(unguard(trim(h)));
    Column c = column_of(folded);
    if (c != Column::Ignored && !seen.insert(c).second) {
      out.notes.push_back("column '" + trim(h) + "' repeats another column's meaning; ignored");
      c = Column::Ignored;
    } else if (c == Column::Ignored && !known_ignored(folded) && !trim(h).empty()) {
      ignored += (ignored.empty() ? "'" : ", '") + trim(h) + "'";
    }
    columns.push_back(c);
  }
  if (!ignored.empty()) out.notes.push_back("columns not imported: " + ignored);
  if (!seen.count(Column::Title)) {
    out.rejected.push_back({1, "no title column in the header (title, título, titre)"});
    return out;
  }
  std::vector<std::string> cells;
  while (!rows.done()) {
    const int line = lines.line_of(rows.offset());
    if (!rows.next(cells, error)) {
      out.rejected.push_back({line, error});
      continue;
    }
    bool blank = true;
    for (const auto& c : cells) blank = blank && trim(c).empty();
    if (blank) continue;
    std::size_t used = cells.size();
    while (used > columns.size() && trim(cells[used - 1]).empty()) --used;
    if (used > columns.size()) {
      out.rejected.push_back({line, std::to_string(used) + " fields where the header has " + std::to_string(columns.size())});
      continue;
    }
    Record r = to_record(columns, cells, line);
    if (r.type.size() > 1 && r.type[0] == '?') {
      out.notes.push_back("line " + std::to_string(line) + ": type '" + r.type.substr(1) +
                          "' is not one of atip's; the type is taken from the text");
      r.type.clear();
    }
    detail::admit(std::move(r), out);
  }
  return out;
}

}  // namespace atip::importer
