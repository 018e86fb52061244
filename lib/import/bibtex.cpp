// BibTeX and biblatex: @string macros, # concatenation, {…} and "…" values with nested braces,
// @comment and @preamble, text between entries (a comment, as BibTeX reads it).
#include <map>
#include <utility>

#include "lib/import/bibtex_names.hpp"
#include "lib/import/fields.hpp"
#include "lib/import/latex.hpp"
#include "lib/import/record.hpp"

namespace atip::importer {

namespace {

using detail::trim;

// Why an entry cannot be read; thrown inside the parser only, caught per entry.
struct Malformed {
  std::string why;
};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == ':' || c == '.' || c == '+' || c == '/';
}

bool is_space(char c) { return detail::is_bibtex_space(c); }

std::string entry_type_to_atip(const std::string& t) {
  static const std::map<std::string, std::string, std::less<>> types = {
      {"report", "report"}, {"techreport", "report"}, {"book", "report"}, {"mvbook", "report"},
      {"inbook", "report"}, {"bookinbook", "report"}, {"booklet", "report"}, {"collection", "report"},
      {"incollection", "report"}, {"manual", "report"}, {"thesis", "report"}, {"phdthesis", "report"},
      {"mastersthesis", "report"}, {"standard", "report"}, {"article", "article"},
      {"periodical", "article"}, {"inproceedings", "article"}, {"conference", "article"},
      {"legislation", "law"}, {"legal", "law"}, {"jurisdiction", "case"}, {"dataset", "data"}};
  const auto it = types.find(t);
  return it == types.end() ? std::string() : it->second;
}

// A url or doi field is verbatim in biblatex: only braces and a \url{} wrapper go.
std::string verbatim(std::string_view raw) {
  std::string s = trim(raw);
  if (const auto at = s.find("\\url{"); at != std::string::npos) {
    const auto end = s.find('}', at);
    s = s.substr(at + 5, end == std::string::npos ? std::string::npos : end - at - 5);
  }
  std::string out;
  for (char c : s)
    if (c != '{' && c != '}') out += c;
  return trim(out);
}

class Parser {
 public:
  Parser(std::string_view text, ReadResult& out) : s_(text), lines_(text), out_(out) {}

  void run() {
    while (true) {
      const std::size_t at = s_.find('@', i_);
      if (at == std::string_view::npos) return;
      i_ = at + 1;
      const std::string type = detail::lower_ascii(name());
      skip_space();
      if (type.empty() || i_ >= s_.size() || (s_[i_] != '{' && s_[i_] != '(')) continue;  // "@" in a comment
      if (type == "comment") {
        skip_comment();
        continue;
      }
      try {
        if (type == "preamble") value_list(s_[i_] == '{' ? '}' : ')', true);
        else if (type == "string") macro();
        else entry(type, at);
      } catch (const Malformed& m) {
        out_.rejected.push_back({lines_.line_of(at), m.why});
        i_ = next_entry_line(at);
      }
    }
  }

 private:
  std::string name() {
    const std::size_t start = i_;
    while (i_ < s_.size() && is_name_char(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  void skip_space() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }

  int line() const { return lines_.line_of(i_); }

  // The next line that starts (after blanks) with '@', after the one at `from`: where reading
  // resumes after a malformed entry, so one missing brace loses one entry, not the rest.
  std::size_t next_entry_line(std::size_t from) const {
    for (std::size_t at = s_.find('@', from + 1); at != std::string_view::npos; at = s_.find('@', at + 1)) {
      std::size_t b = at;
      while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t')) --b;
      if (b == 0 || s_[b - 1] == '\n' || s_[b - 1] == '\r') return at;
    }
    return s_.size();
  }

  void skip_comment() {
    const std::size_t open = i_;
    const char close = s_[i_] == '{' ? '}' : ')';
    int depth = 0;
    for (std::size_t j = open; j < s_.size(); ++j) {
      if (s_[j] == s_[open]) ++depth;
      else if (s_[j] == close && --depth == 0) {
        i_ = j + 1;
        return;
      }
    }
    i_ = open + 1;  // unbalanced: BibTeX would read on as plain comment text
  }

  // Whether s_[at] ends a line and the next begins an entry ("@article{"): a value still open
  // there lacks its closing brace or quote. Stopping there loses one entry, not the rest of
  // the file, and keeps reading a file of many broken entries linear.
  bool entry_starts_after(std::size_t at) const {
    if (s_[at] != '\n') return false;
    std::size_t j = at + 1;
    while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
    if (j >= s_.size() || s_[j] != '@') return false;
    std::size_t k = j + 1;
    while (k < s_.size() && ((s_[k] >= 'a' && s_[k] <= 'z') || (s_[k] >= 'A' && s_[k] <= 'Z'))) ++k;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    return k > j + 1 && k < s_.size() && (s_[k] == '{' || s_[k] == '(');
  }

  // {…} with nested braces, the braces of the group itself removed.
  std::string braced() {
    const int start_line = line();
    int depth = 0;
    const std::size_t start = i_ + 1;
    for (; i_ < s_.size() && !entry_starts_after(i_); ++i_) {
      if (s_[i_] == '{') ++depth;
      else if (s_[i_] == '}' && --depth == 0) return std::string(s_.substr(start, i_++ - start));
    }
    throw Malformed{"unbalanced braces: the '{' on line " + std::to_string(start_line) + " is never closed"};
  }

  // "…": ends at a quote outside braces.
  std::string quoted() {
    const int start_line = line();
    int depth = 0;
    const std::size_t start = ++i_;
    for (; i_ < s_.size() && !entry_starts_after(i_); ++i_) {
      if (s_[i_] == '{') ++depth;
      else if (s_[i_] == '}') --depth;
      else if (s_[i_] == '"' && depth <= 0) return std::string(s_.substr(start, i_++ - start));
    }
    throw Malformed{"the quote opened on line " + std::to_string(start_line) + " is never closed"};
  }

  // value # value # …; with `to_close`, reads up to and including `close` (for @preamble).
  std::string value_list(char close = 0, bool to_close = false) {
    if (to_close) ++i_;
    std::string v;
    while (true) {
      skip_space();
      if (i_ >= s_.size()) throw Malformed{"the entry is never closed"};
      const char c = s_[i_];
      if (c == '{') v += braced();
      else if (c == '"') v += quoted();
      else if (c >= '0' && c <= '9') v += name();
      else if (is_name_char(c)) {
        const int at = line();
        const std::string macro = detail::lower_ascii(name());
        const auto it = macros_.find(macro);
        if (it == macros_.end())
          throw Malformed{"undefined @string '" + macro + "' on line " + std::to_string(at)};
        v += it->second;
      } else {
        throw Malformed{"expected a value on line " + std::to_string(line())};
      }
      skip_space();
      if (i_ < s_.size() && s_[i_] == '#') {
        ++i_;
        continue;
      }
      break;
    }
    if (to_close) {
      if (i_ >= s_.size() || s_[i_] != close) throw Malformed{"the entry is never closed"};
      ++i_;
    }
    return v;
  }

  void macro() {
    const char close = s_[i_] == '{' ? '}' : ')';
    ++i_;
    skip_space();
    const std::string id = detail::lower_ascii(name());
    skip_space();
    if (id.empty() || i_ >= s_.size() || s_[i_] != '=') throw Malformed{"malformed @string"};
    ++i_;
    std::string value = value_list();
    if (i_ >= s_.size() || s_[i_] != close) throw Malformed{"malformed @string: no closing brace"};
    ++i_;
    macros_[id] = std::move(value);
  }

  void entry(const std::string& type, std::size_t at) {
    const char close = s_[i_] == '{' ? '}' : ')';
    ++i_;
    skip_space();
    const std::size_t key_start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != close && !is_space(s_[i_])) ++i_;
    const std::string key(s_.substr(key_start, i_ - key_start));
    std::map<std::string, std::string> fields;
    skip_space();
    if (i_ < s_.size() && s_[i_] == ',') ++i_;
    while (true) {
      skip_space();
      if (i_ >= s_.size()) throw Malformed{"the entry is never closed"};
      if (s_[i_] == close) {
        ++i_;
        break;
      }
      const std::string field = detail::lower_ascii(name());
      if (field.empty()) throw Malformed{"expected a field name on line " + std::to_string(line())};
      skip_space();
      if (i_ >= s_.size() || s_[i_] != '=')
        throw Malformed{"expected '=' after '" + field + "' on line " + std::to_string(line())};
      ++i_;
      std::string value = value_list();
      fields.emplace(field, std::move(value));  // a repeated field: the first wins, as in BibTeX
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        break;
      }
      throw Malformed{"expected ',' or '" + std::string(1, close) + "' after field '" + field + "' on line " +
                      std::to_string(line())};
    }
    detail::admit(to_record(type, key, fields, lines_.line_of(at)), out_);
  }

  static Record to_record(const std::string& type, const std::string& key,
                          const std::map<std::string, std::string>& f, int line) {
    auto get = [&](const char* name) {
      const auto it = f.find(name);
      return it == f.end() ? std::string() : it->second;
    };
    auto first = [&](std::initializer_list<const char*> names) {
      for (const char* n : names)
        if (std::string v = latex_to_text(get(n)); !v.empty()) return v;
      return std::string();
    };
    Record r;
    r.line = line;
    r.key = key;
    r.title = latex_to_text(get("title"));
    r.authors = detail::bibtex_names(get("author"));
    if (r.authors.empty()) r.authors = detail::bibtex_names(get("editor"));
    r.date = trim(get("date"));
    if (r.date.empty()) {
      r.date = latex_to_text(get("year"));
      const std::string month = latex_to_text(get("month"));
      if (const int m = detail::month_number(month); m && r.date.size() == 4)
        r.date += (m < 10 ? "-0" : "-") + std::to_string(m);
    }
    r.url = verbatim(get("url"));
    if (r.url.empty() && get("howpublished").find("\\url{") != std::string::npos) r.url = verbatim(get("howpublished"));
    r.doi = verbatim(get("doi"));
    r.language = first({"langid", "language"});
    r.summary = latex_to_text(get("abstract"));
    r.keywords = detail::split(latex_to_text(get("keywords")), ",;");
    r.note = text_join(first({"note"}), first({"addendum"}));
    r.publisher = first({"institution", "organization", "journaltitle", "journal", "publisher", "school", "booktitle"});
    r.type = detail::atip_type(latex_to_text(get("type")));
    if (r.type.empty()) r.type = entry_type_to_atip(type);
    return r;
  }

  static std::string text_join(const std::string& a, const std::string& b) {
    return a.empty() ? b : b.empty() ? a : a + " " + b;
  }

  std::string_view s_;
  detail::Lines lines_;
  ReadResult& out_;
  std::size_t i_ = 0;
  std::map<std::string, std::string> macros_ = {
      {"jan", "January"}, {"feb", "February"}, {"mar", "March"},     {"apr", "April"},
      {"may", "May"},     {"jun", "June"},     {"jul", "July"},      {"aug", "August"},
      {"sep", "September"}, {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};
};

}  // namespace

ReadResult read_bibtex(std::string_view bytes) {
  ReadResult out;
  Parser(bytes, out).run();
  return out;
}

}  // namespace atip::importer
