#include "lib/import/fields.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "lib/catalog/doi.hpp"
#include "lib/catalog/title_key.hpp"
#include "lib/feed/dates.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::importer::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::string two(int n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

// "2024", "2024-03", "2024-03-05" made of numbers `y`, `m`, `d` (0: absent), checked.
std::optional<std::string> ymd(std::string_view y, std::string_view m, std::string_view d) {
  if (y.size() != 4 || !all_digits(y)) return std::nullopt;
  std::string out(y);
  if (m.empty()) return d.empty() ? std::optional(out) : std::nullopt;
  if (m.size() > 2 || !all_digits(m)) return std::nullopt;
  out += "-" + two(std::stoi(std::string(m)));
  if (!d.empty()) {
    if (d.size() > 2 || !all_digits(d)) return std::nullopt;
    out += "-" + two(std::stoi(std::string(d)));
  }
  if (!util::parse_cli_date(out)) return std::nullopt;
  return out;
}

bool no_date_word(const std::string& folded) {
  static const std::array<std::string_view, 11> words = {
      "", "n d", "nd", "s f", "sf", "s d", "sd", "forthcoming", "in press", "undated", "no date"};
  return std::find(words.begin(), words.end(), folded) != words.end();
}

}  // namespace

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1));
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string fold(std::string_view s) { return text::collapse_whitespace(catalog::fold_text(s)); }

std::vector<std::string> split(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find_first_of(separators, start);
    if (end == std::string_view::npos) end = s.size();
    if (std::string piece = trim(s.substr(start, end - start)); !piece.empty()) out.push_back(std::move(piece));
    start = end + 1;
  }
  return out;
}

Lines::Lines(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

int Lines::line_of(std::size_t offset) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin());
}

int month_number(std::string_view text) {
  const std::string w = fold(text);
  if (all_digits(w) && w.size() <= 2) {
    const int n = std::stoi(w);
    return n >= 1 && n <= 12 ? n : 0;
  }
  if (w.size() < 3) return 0;
  // Full names and abbreviations alike ("septiembre", "sept", "juil").
  for (const std::size_t n : {w.size(), std::size_t{4}, std::size_t{3}}) {
    const auto word = feed::date_detail::classify_word(std::string_view(w).substr(0, n));
    if (word.kind == feed::date_detail::WordKind::Month || word.kind == feed::date_detail::WordKind::MonthOrWeekday)
      return word.month;
  }
  return 0;
}

std::optional<std::string> normalise_date(std::string_view raw) {
  std::string s = trim(raw);
  while (!s.empty() && (s.front() == '[' || s.front() == '(')) s.erase(s.begin());
  while (!s.empty() && (s.back() == ']' || s.back() == ')' || s.back() == '.')) s.pop_back();
  s = trim(s);
  if (no_date_word(fold(s))) return std::string();
  // Ranges and open ends ("2024-03-05/2024-03-07", "2019/..") keep their start.
  if (const auto slash = s.find('/'); slash == 4 || slash == 7 || slash == 10) {
    // RIS writes "YYYY/MM/DD/other"; biblatex ranges are "YYYY-MM-DD/YYYY-MM-DD".
    if (s.find('-') != std::string::npos) s = s.substr(0, slash);
  }
  if (s.size() >= 4 && all_digits(s.substr(0, 4))) {
    const std::string y = s.substr(0, 4);
    if (s.size() == 4) return ymd(y, "", "");
    const char sep = s[4];
    if (sep == '/' ) {  // RIS: "2024///", "2024/03/05/", "2024/03//"
      auto parts = std::vector<std::string>{};
      std::size_t at = 5;
      for (int i = 0; i < 2; ++i) {
        const auto e = s.find('/', at);
        parts.push_back(s.substr(at, e == std::string::npos ? std::string::npos : e - at));
        at = e == std::string::npos ? s.size() : e + 1;
      }
      if (parts[0].empty()) return parts[1].empty() ? ymd(y, "", "") : std::nullopt;
      return ymd(y, parts[0], parts[1]);
    }
    if (sep == '-' || sep == '.') {
      // A year range "2019-2020" is dated by its first year.
      if (s.size() == 9 && all_digits(s.substr(5))) return ymd(y, "", "");
      const std::string m = s.substr(5, 2);
      if (s.size() == 7) return ymd(y, m, "");
      if (s.size() >= 10 && s[7] == sep) {
        const std::string d = s.substr(8, 2);
        if (s.size() == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ') return ymd(y, m, d);
      }
    }
  }
  // Everything else: the feed parser's dates ("5 March 2024", "Tue, 05 Mar 2024 …").
  if (const auto t = feed::parse_date(s)) return util::format_date(*t);
  // "March 2024", "marzo de 2024".
  const std::vector<std::string> words = split(fold(s), " ");
  const bool month_year = words.size() == 2 || (words.size() == 3 && (words[1] == "de" || words[1] == "of"));
  if (month_year && !all_digits(words.front()) && words.back().size() == 4 && all_digits(words.back()))
    if (const int m = month_number(words.front())) return ymd(words.back(), std::to_string(m), "");
  return std::nullopt;
}

std::string atip_type(std::string_view word) {
  static const std::array<std::pair<std::string_view, std::string_view>, 42> names = {{
      {"report", "report"}, {"informe", "report"}, {"relatorio", "report"}, {"rapport", "report"},
      {"techreport", "report"}, {"book", "report"}, {"libro", "report"}, {"livro", "report"},
      {"livre", "report"}, {"thesis", "report"}, {"tesis", "report"}, {"study", "report"},
      {"estudio", "report"}, {"article", "article"}, {"articulo", "article"}, {"artigo", "article"},
      {"journal article", "article"}, {"news", "news"}, {"noticia", "news"}, {"nouvelle", "news"},
      {"press release", "news"}, {"comunicado", "news"}, {"law", "law"}, {"ley", "law"},
      {"lei", "law"}, {"loi", "law"}, {"legislation", "law"}, {"decree", "law"}, {"decreto", "law"},
      {"case", "case"}, {"sentencia", "case"}, {"caso", "case"}, {"judgment", "case"},
      {"data", "data"}, {"dataset", "data"}, {"datos", "data"}, {"dados", "data"},
      {"policy", "policy"}, {"policy document", "policy"}, {"politica", "policy"},
      {"training", "training"}, {"training material", "training"}}};
  const std::string w = fold(word);
  for (const auto& [name, type] : names)
    if (w == name) return std::string(type);
  if (w == "politique" || w == "plan") return "policy";
  if (w == "capacitacion" || w == "formacion" || w == "formacao" || w == "formation") return "training";
  if (w == "donnees") return "data";
  return {};
}

void admit(Record r, ReadResult& out) {
  auto reject = [&](std::string why) { out.rejected.push_back({r.line, std::move(why)}); };
  r.title = text::collapse_whitespace(r.title);
  if (r.title.empty()) return reject("no title");
  const auto date = normalise_date(r.date);
  if (!date) return reject("date '" + text::truncate_chars(trim(r.date), 40) + "' is not a date");
  r.date = *date;
  if (!r.doi.empty()) {
    const auto doi = catalog::find_doi(r.doi);
    if (!doi) return reject("DOI '" + text::truncate_chars(trim(r.doi), 60) + "' is not a DOI");
    r.doi = *doi;
  }
  r.url = trim(r.url);
  out.records.push_back(std::move(r));
}

}  // namespace atip::importer::detail
