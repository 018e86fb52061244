#include "lib/catalog/vocabulary.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lib/catalog/fold.hpp"
#include "lib/util/error.hpp"

namespace atip::catalog {

namespace {

constexpr std::array<std::string_view, kFamilyCount> kFamilyNames = {
    "topic", "area", "country", "type", "negative", "mask"};

struct Line {
  std::vector<std::string_view> columns;
  std::string file;
  std::size_t number = 0;
};

[[noreturn]] void fail(const Line& line, const std::string& message) {
  throw Error("vocabulary '" + line.file + "' line " + std::to_string(line.number) + ": " +
              message);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const auto at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::vector<Line> read_lines(std::span<const VocabularySource> sources) {
  std::vector<Line> lines;
  for (const auto& src : sources) {
    const auto texts = split(src.text, '\n');
    for (std::size_t n = 0; n < texts.size(); ++n) {
      std::string_view text = texts[n];
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.find_first_not_of(" \t") == std::string_view::npos || text.front() == '#')
        continue;
      lines.push_back({split(text, '\t'), src.name, n + 1});
    }
  }
  return lines;
}

class Compiler {
 public:
  explicit Compiler(Vocabulary& v) : v_(v) {}

  void define_set(const Line& line) {
    std::vector<std::uint32_t> ids;
    for (auto word : split(line.columns[3], '|')) ids.push_back(single_word(line, word));
    sets_[std::string(line.columns[1])] = std::move(ids);
  }

  Term compile(const Line& line, Family family) {
    Term t;
    t.family = family;
    t.value = value_id(family, line.columns[1], line);
    t.language = language(line.columns[2], line);
    t.text = std::string(line.columns[3]);
    t.source = line.file + ":" + std::to_string(line.number);
    TokenizedText tokens;
    tokenize(line.columns[3], tokens);
    if (tokens.tokens.empty()) fail(line, "empty term");
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
      t.words.push_back(intern(tokens.word(i)));
      t.raw_words.emplace_back(tokens.raw_word(i));
    }
    if (line.columns.size() > 4)
      for (auto rule : split(line.columns[4], ' '))
        if (!rule.empty()) apply_rule(t, rule, line);
    if (!t.case_sensitive) t.raw_words.clear();
    return t;
  }

  std::vector<std::uint32_t> set(std::string_view name) const {
    const auto it = sets_.find(std::string(name));
    return it == sets_.end() ? std::vector<std::uint32_t>{} : it->second;
  }

 private:
  std::uint32_t intern(std::string_view folded) {
    const auto [it, added] =
        v_.words.emplace(std::string(folded), static_cast<std::uint32_t>(v_.words.size()));
    return it->second;
  }

  std::uint32_t single_word(const Line& line, std::string_view word) {
    TokenizedText tokens;
    tokenize(word, tokens);
    if (tokens.tokens.size() != 1)
      fail(line, "'" + std::string(word) + "' is not a single word");
    return intern(tokens.word(0));
  }

  std::uint16_t value_id(Family family, std::string_view value, const Line& line) const {
    if (value.empty() || value.find(' ') != std::string_view::npos)
      fail(line, "bad value '" + std::string(value) + "'");
    return static_cast<std::uint16_t>(v_.value_index(family, value));
  }

  static std::uint8_t language(std::string_view code, const Line& line) {
    if (code == "*") return 0;
    for (std::size_t i = 1; i < kLanguageCodes.size(); ++i)
      if (kLanguageCodes[i] == code) return static_cast<std::uint8_t>(i);
    fail(line, "unknown language '" + std::string(code) + "' (en, es, pt, fr or *)");
  }

  std::vector<std::uint32_t> word_list(std::string_view list, const Line& line) {
    std::vector<std::uint32_t> ids;
    for (auto item : split(list, '|')) {
      if (!item.empty() && item.front() == '@') {
        const auto it = sets_.find(std::string(item.substr(1)));
        if (it == sets_.end()) fail(line, "unknown set '" + std::string(item) + "'");
        ids.insert(ids.end(), it->second.begin(), it->second.end());
      } else {
        ids.push_back(single_word(line, item));
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  void apply_rule(Term& t, std::string_view rule, const Line& line);

  Vocabulary& v_;
  std::map<std::string, std::vector<std::uint32_t>> sets_;
};

void Compiler::apply_rule(Term& t, std::string_view rule, const Line& line) {
  const auto eq = rule.find('=');
  const std::string_view key = rule.substr(0, eq);
  const std::string_view arg = eq == std::string_view::npos ? "" : rule.substr(eq + 1);
  if (eq == std::string_view::npos) {
    if (key == "case") t.case_sensitive = true;
    else if (key == "cap") t.capitalised = true;
    else if (key == "demonym") t.demonym = true;
    else if (key == "only-lang") t.only_language = true;
    else fail(line, "unknown flag '" + std::string(key) + "'");
    if (t.only_language && t.language == 0) fail(line, "only-lang needs a language");
    return;
  }
  if (arg.empty()) fail(line, "empty value for '" + std::string(key) + "'");
  if (key == "w") {
    float w = 0;
    const auto r = std::from_chars(arg.data(), arg.data() + arg.size(), w);
    if (r.ec != std::errc() || r.ptr != arg.data() + arg.size() || w <= 0 || w > 1)
      fail(line, "weight must be a number in (0, 1]: '" + std::string(arg) + "'");
    t.weight = w;
  } else if (key == "with" || key == "without") {
    auto& list = key == "with" ? t.with : t.without;
    for (auto value : split(arg, '|')) {
      const int index = v_.value_index(t.family, value);
      if (index < 0) fail(line, std::string(key) + "=" + std::string(value) + ": no such value");
      list.push_back(index);
    }
  } else if (key == "prev") t.prev = word_list(arg, line);
  else if (key == "next") t.next = word_list(arg, line);
  else if (key == "not-prev") t.not_prev = word_list(arg, line);
  else if (key == "not-next") t.not_next = word_list(arg, line);
  else if (key == "need") t.need = word_list(arg, line);
  else if (key == "unless") t.unless = word_list(arg, line);
  else fail(line, "unknown rule '" + std::string(key) + "'");
}

int family_of(std::string_view name) {
  for (std::size_t i = 0; i < kFamilyNames.size(); ++i)
    if (kFamilyNames[i] == name) return static_cast<int>(i);
  return -1;
}

// Values are registered before any term is compiled so that with= may name a value
// defined further down or in another file.
void register_values(Vocabulary& v, const std::vector<Line>& lines) {
  for (const auto& line : lines) {
    const int f = family_of(line.columns[0]);
    if (f < 0) continue;
    auto& names = v.values[static_cast<std::size_t>(f)];
    const std::string value(line.columns[1]);
    if (std::find(names.begin(), names.end(), value) == names.end()) names.push_back(value);
  }
}

// Builds the lookup structures the tagger scans with (word_ids, first_term, term_heads).
void index_words(Vocabulary& v) {
  for (const auto& [word, id] : v.words) v.word_ids.insert(word, id);
  std::vector<std::vector<std::uint32_t>> by_first_word(v.words.size());
  for (std::size_t i = 0; i < v.terms.size(); ++i)
    by_first_word[v.terms[i].words.front()].push_back(static_cast<std::uint32_t>(i));
  v.first_term.assign(1, 0);
  for (const auto& indices : by_first_word) {
    for (const std::uint32_t i : indices) {
      const Term& t = v.terms[i];
      v.term_heads.push_back({i, static_cast<std::uint32_t>(v.head_words.size()),
                              static_cast<std::uint32_t>(t.words.size()),
                              t.case_sensitive || t.capitalised});
      v.head_words.insert(v.head_words.end(), t.words.begin() + 1, t.words.end());
    }
    v.first_term.push_back(static_cast<std::uint32_t>(v.term_heads.size()));
  }
}

}  // namespace

std::string_view family_name(Family f) noexcept {
  return kFamilyNames[static_cast<std::size_t>(f)];
}

std::uint32_t Vocabulary::word_id(std::string_view folded) const {
  static_assert(WordTable::kAbsent == kNoWord);
  return word_ids.find(folded);
}

int Vocabulary::value_index(Family family, std::string_view value) const {
  const auto& names = values[static_cast<std::size_t>(family)];
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == value) return static_cast<int>(i);
  return -1;
}

Vocabulary parse_vocabulary(std::span<const VocabularySource> sources) {
  Vocabulary v;
  const auto lines = read_lines(sources);
  Compiler compiler(v);
  for (const auto& line : lines) {
    if (line.columns.size() < 4 || line.columns.size() > 5)
      fail(line, "expected 4 or 5 tab-separated columns, found " +
                     std::to_string(line.columns.size()));
    if (line.columns[0] == "set") compiler.define_set(line);
    else if (family_of(line.columns[0]) < 0)
      fail(line, "unknown family '" + std::string(line.columns[0]) + "'");
  }
  register_values(v, lines);
  for (const auto& line : lines) {
    const int f = family_of(line.columns[0]);
    if (f < 0) continue;
    v.terms.push_back(compiler.compile(line, static_cast<Family>(f)));
  }
  v.authority = compiler.set("authority");
  v.umbrella_topic = v.value_index(Family::topic, "tip_general");
  v.smuggling_topic = v.value_index(Family::topic, "migrant_smuggling");
  index_words(v);
  return v;
}

Vocabulary parse_vocabulary(std::string_view text, std::string name) {
  const VocabularySource source{std::move(name), text};
  return parse_vocabulary(std::span<const VocabularySource>(&source, 1));
}

Vocabulary load_vocabulary(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".tsv") paths.push_back(it->path());
  if (ec) throw Error("cannot read vocabulary directory '" + dir + "': " + ec.message());
  if (paths.empty()) throw Error("no vocabulary (*.tsv) in '" + dir + "'");
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error("cannot read vocabulary file '" + p.string() + "'");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
  }
  std::vector<VocabularySource> sources;
  for (std::size_t i = 0; i < paths.size(); ++i)
    sources.push_back({paths[i].filename().string(), texts[i]});
  return parse_vocabulary(sources);
}

}  // namespace atip::catalog
