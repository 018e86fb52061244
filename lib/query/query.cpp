#include "lib/query/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

namespace atip::query {

namespace {

enum class Kind { Term, Phrase, And, Or, Not, Open, Close, Group };

struct Token {
  Kind kind;
  std::string text;  // for Term and Phrase
  bool prefix = false;
  std::size_t column = 0;  // 1-based, for messages
};

// Control characters separate words too: a NUL inside a quoted FTS5 string ends it early.
bool is_space(char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7F'; }

// A word is searchable when it has a letter or digit; FTS5's unicode61 tokenizer sees
// punctuation as nothing, and an empty phrase ANDed into a query makes it match nothing.
// Latin-1 punctuation (¿ ¡ « »), general punctuation (— “ ” …) and symbols are not letters.
bool is_word_code_point(std::uint32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return true;
}

bool has_word_character(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    if (is_word_code_point(cp)) return true;
    i += static_cast<std::size_t>(len);
  }
  return false;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    // A control character inside a phrase is a space: FTS5 ends a string at a NUL.
    out += is_space(c) ? ' ' : c;
  }
  return out + "\"";
}

std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    const std::size_t column = i + 1;
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Kind::Open : Kind::Close, {}, false, column});
      ++i;
    } else if (c == '"') {
      const std::size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos)
        throw SyntaxError(fmt::format("unterminated phrase at column {}", column));
      const std::string_view body = q.substr(i + 1, end - i - 1);
      i = end + 1;
      const bool prefix = i < q.size() && q[i] == '*';
      if (prefix) ++i;
      if (has_word_character(body)) out.push_back({Kind::Phrase, std::string(body), prefix, column});
    } else if (c == '-' && i + 1 < q.size() && !is_space(q[i + 1])) {
      out.push_back({Kind::Not, {}, false, column});
      ++i;
    } else {
      std::size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"')
        ++end;
      std::string word(q.substr(i, end - i));
      i = end;
      if (word == "AND") {
        out.push_back({Kind::And, {}, false, column});
      } else if (word == "OR") {
        out.push_back({Kind::Or, {}, false, column});
      } else if (word == "NOT") {
        out.push_back({Kind::Not, {}, false, column});
      } else {
        bool prefix = false;
        while (!word.empty() && word.back() == '*') {
          word.pop_back();
          prefix = true;
        }
        if (has_word_character(word)) out.push_back({Kind::Term, word, prefix, column});
      }
    }
  }
  return out;
}

bool is_operand_end(Kind k) {
  return k == Kind::Term || k == Kind::Phrase || k == Kind::Close || k == Kind::Group;
}
bool is_binary(Kind k) { return k == Kind::And || k == Kind::Or || k == Kind::Not; }

const char* name_of(Kind k) { return k == Kind::And ? "AND" : k == Kind::Or ? "OR" : "NOT"; }

// FTS5 needs an operand on both sides of AND, OR and NOT, and balanced parentheses; say which
// token breaks that rather than letting SQLite answer "fts5: syntax error near …".
void validate(const std::vector<Token>& tokens) {
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool after_operand = i > 0 && is_operand_end(tokens[i - 1].kind);
    if (is_binary(t.kind)) {
      if (!after_operand)
        throw SyntaxError(fmt::format("{} at column {} needs a word before it", name_of(t.kind),
                                      t.column));
      if (i + 1 == tokens.size() || is_binary(tokens[i + 1].kind) ||
          tokens[i + 1].kind == Kind::Close)
        throw SyntaxError(fmt::format("{} at column {} needs a word after it", name_of(t.kind),
                                      t.column));
    } else if (t.kind == Kind::Open) {
      ++depth;
    } else if (t.kind == Kind::Close) {
      if (depth == 0) throw SyntaxError(fmt::format("unmatched ')' at column {}", t.column));
      if (tokens[i - 1].kind == Kind::Open)
        throw SyntaxError(fmt::format("empty parentheses at column {}", tokens[i - 1].column));
      --depth;
    }
  }
  if (depth > 0) throw SyntaxError("unmatched '(' in the query");
}

Token group(const std::string& words, const std::vector<std::string>& equivalents, std::size_t column) {
  std::string text = "( " + quoted(words);
  for (const std::string& e : equivalents)
    if (has_word_character(e) && e != words) text += " OR " + quoted(e);
  return {Kind::Group, text + " )", false, column};
}

// Replaces known phrases, and the longest known runs of plain words, by groups of equivalents.
std::vector<Token> expand_tokens(const std::vector<Token>& tokens, const Expander& expand) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (t.kind == Kind::Phrase && !t.prefix) {
      if (auto eq = expand(t.text); !eq.empty()) {
        out.push_back(group(t.text, eq, t.column));
        ++i;
        continue;
      }
    }
    std::size_t end = i;
    while (end < tokens.size() && end - i < 6 && tokens[end].kind == Kind::Term && !tokens[end].prefix) ++end;
    bool grouped = false;
    for (std::size_t j = end; j > i && !grouped; --j) {
      std::string words;
      for (std::size_t k = i; k < j; ++k) words += (k > i ? " " : "") + tokens[k].text;
      if (auto eq = expand(words); !eq.empty()) {
        out.push_back(group(words, eq, t.column));
        i = j;
        grouped = true;
      }
    }
    if (!grouped) out.push_back(tokens[i++]);
  }
  return out;
}

// Function words of the four languages, in lower case: articles, prepositions, conjunctions.
// Words that are also content in another of the languages stay out ("con", "son", "sur", "est").
constexpr std::string_view kFunctionWords[] = {
    "a",   "à",   "al",  "an",   "and",  "ao",   "aos",  "as",   "às",   "at",  "au",   "aux",
    "avec", "by", "d",   "da",   "das",  "dans", "de",   "del",  "des",  "do",  "dos",  "du",
    "e",   "el",  "em",  "en",   "et",   "for",  "from", "in",   "is",   "l",   "la",   "las",
    "le",  "les", "lo",  "los",  "na",   "nas",  "no",   "nos",  "o",    "of",  "on",   "or",
    "os",  "par", "para", "por", "pour", "que",  "qui",  "the",  "to",   "u",   "um",   "uma",
    "un",  "una", "unas", "une", "unos", "with", "y"};

// The elided articles and pronouns of French before an apostrophe: d'enfants, l'exploitation.
constexpr std::string_view kElided[] = {"c", "d", "j", "l", "m", "n", "qu", "s", "t"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_one_of(const std::string& word, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, word) != end;
}

bool is_function_word(const Token& t) {
  if (t.kind != Kind::Term || t.prefix) return false;
  return is_one_of(lower_ascii(t.text), std::begin(kFunctionWords), std::end(kFunctionWords));
}

// French elision: "d'enfants" and "l'exploitation" search for the noun alone (FTS5 splits the
// word at the apostrophe, straight or typographic, and "d" or "l" would be a function word).
void drop_elision(Token& t) {
  if (t.kind != Kind::Term) return;
  for (const std::string_view mark : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    const std::size_t at = t.text.find(mark);
    if (at == std::string::npos) continue;
    const std::string rest = t.text.substr(at + mark.size());
    if (is_one_of(lower_ascii(t.text.substr(0, at)), std::begin(kElided), std::end(kElided)) &&
        has_word_character(rest))
      t.text = rest;
    return;
  }
}

// A query of words and phrases only (no operator, no parenthesis) is an AND over documents:
// "redes de trata" needs "de", which nearly every Spanish, Portuguese and French document
// holds, so it only adds the longest list of the index to the work. Such words go, unless
// nothing else is left; inside phrases they stay, where they carry the word order.
std::vector<Token> drop_function_words(std::vector<Token> tokens) {
  for (const Token& t : tokens)
    if (t.kind != Kind::Term && t.kind != Kind::Phrase && t.kind != Kind::Group) return tokens;
  for (Token& t : tokens) drop_elision(t);
  std::vector<Token> kept;
  for (const Token& t : tokens)
    if (!is_function_word(t)) kept.push_back(t);
  return kept.empty() ? tokens : kept;
}

}  // namespace

std::string to_fts5(std::string_view query, const Expander& expand) {
  std::vector<Token> tokens = tokenize(query);
  validate(tokens);
  if (expand) tokens = expand_tokens(tokens, expand);
  tokens = drop_function_words(std::move(tokens));
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    // Two operands side by side are an implicit AND; FTS5 accepts juxtaposition except
    // before "(", so write it out.
    if (i > 0 && is_operand_end(tokens[i - 1].kind) &&
        (t.kind == Kind::Term || t.kind == Kind::Phrase || t.kind == Kind::Open || t.kind == Kind::Group))
      out += " AND";
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Kind::Term:
      case Kind::Phrase:
        out += quoted(t.text);
        if (t.prefix) out += '*';
        break;
      case Kind::And: out += "AND"; break;
      case Kind::Or: out += "OR"; break;
      case Kind::Not: out += "NOT"; break;
      case Kind::Open: out += '('; break;
      case Kind::Close: out += ')'; break;
      case Kind::Group: out += t.text; break;
    }
  }
  return out;
}

}  // namespace atip::query
