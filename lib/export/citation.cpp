#include "lib/export/citation.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string_view>

#include "lib/catalog/fold.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

bool is_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 12> particles = {"de", "del", "la", "da", "das", "do",
                                                                 "dos", "van", "von", "der", "di", "du"};
  for (auto p : particles)
    if (w == p) return true;
  return false;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\n\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\n\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = s.find_first_not_of(' ', i);
    if (b == std::string_view::npos) break;
    auto e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    out.emplace_back(s.substr(b, e - b));
    i = e;
  }
  return out;
}

// Folded words that name an organisation rather than a person, in the office's four languages.
bool is_institution_word(std::string_view w) {
  static constexpr std::array<std::string_view, 101> kWords = {
      "office", "oficina", "bureau", "escritorio", "ministry", "ministerio", "ministere", "organization",
      "organisation", "organizacion", "organizacao", "agency", "agencia", "agence", "department", "departamento",
      "departement", "commission", "comision", "comissao", "committee", "comite", "council", "consejo",
      "conselho", "conseil", "institute", "instituto", "institut", "university", "universidad", "universidade",
      "universite", "fiscalia", "procuraduria", "defensoria", "secretaria", "secretariat", "secretariado",
      "prosecutor", "ombudsman", "government", "gobierno", "governo", "gouvernement", "police", "policia",
      "court", "corte", "tribunal", "foundation", "fundacion", "fundacao", "fondation", "association",
      "asociacion", "associacao", "center", "centre", "centro", "programme", "program", "programa", "network",
      "rede", "reseau", "redaccion", "redacao", "redaction", "newsroom", "staff", "editors", "editorial",
      "nations", "naciones", "nacoes", "unies", "coalition", "coalicion", "alliance", "alianza", "observatory",
      "observatorio", "observatoire", "unit", "unidad", "unidade", "service", "servicio", "servico",
      "society", "sociedad", "sociedade", "societe", "federation", "federacion", "international",
      "internacional", "republic", "republica"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

// Lower-case words that people's names hold besides the particles (Ortega y Gasset, Le Roux as
// "le Roux", Abu al-Qasim).
bool is_name_joiner(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kJoiners = {"y", "e", "i", "le", "les", "los", "las", "el", "al", "ten"};
  for (auto j : kJoiners)
    if (w == j) return true;
  return false;
}

bool is_acronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  for (char c : w)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// "UN Office on Drugs and Crime", "Redacción DW (efe, afp)", "OIM Brasil": an institution, kept
// whole. Feeds put them in the author field as often as people, and read as "Given Family" one
// became "Crime, UN Office on Drugs and" in every citation. Signals: a word of the list above, a
// lower-case word that is no part of a person's name ("on", "for"; not "de" or "y"),
// brackets, digits or '&', or a leading acronym beside words that are not all capitals.
bool is_institution(const std::string& name) {
  if (name.find_first_of("()[]&/@0123456789") != std::string::npos) return true;
  catalog::TokenizedText t;
  catalog::tokenize(name, t);
  bool all_caps = true;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const std::string_view w = t.word(i);
    if (is_institution_word(w)) return true;
    if (i > 0 && !t.tokens[i].capital && w.size() > 1 && !is_particle(w) && !is_name_joiner(w)) return true;
    all_caps = all_caps && is_acronym(t.raw_word(i));
  }
  return t.tokens.size() >= 2 && is_acronym(t.raw_word(0)) && !all_caps;
}

PersonName person(std::string_view raw) {
  PersonName n;
  const std::string name = trim(raw);
  // "Pedro Rafael Vilela - Repórter da Agência Brasil": a person, then a role or an affiliation.
  for (const std::string_view dash : {" - ", " \u2013 ", " \u2014 "})
    if (const auto at = name.find(dash); at != std::string::npos && at > 0) {
      const std::string before = trim(std::string_view(name).substr(0, at));
      if (!is_institution(before) && words(before).size() >= 2) return person(before);
    }
  if (is_institution(name)) return {{}, {}, name};
  if (const auto comma = name.find(','); comma != std::string::npos) {
    n.family = trim(std::string_view(name).substr(0, comma));
    n.given = trim(std::string_view(name).substr(comma + 1));
    if (n.family.empty() || n.given.empty()) n = {{}, {}, name};
    return n;
  }
  const auto w = words(name);
  if (w.size() < 2) return {{}, {}, name};
  std::size_t family_from = w.size() - 1;
  for (std::size_t i = 1; i + 1 < w.size(); ++i)
    if (is_particle(w[i])) {
      family_from = i;
      break;
    }
  for (std::size_t i = 0; i < w.size(); ++i) (i < family_from ? n.given : n.family) += (i == 0 || i == family_from ? "" : " ") + w[i];
  return n;
}

// Letters and digits of the folded text, for a key.
std::string ascii_word(std::string_view text) {
  std::string out;
  for (char c : catalog::fold(text))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

bool is_stopword(std::string_view w) {
  static constexpr std::array<std::string_view, 52> stop = {
      "the", "a", "an", "of", "on", "in", "and", "for", "to", "from", "with", "by", "at",
      "el", "la", "los", "las", "un", "una", "de", "del", "y", "en", "para", "por", "con", "sobre", "al",
      "o", "os", "as", "um", "uma", "do", "da", "dos", "das", "e", "em", "no", "na", "com",
      "le", "les", "une", "des", "du", "et", "pour", "par", "sur", "aux"};
  for (auto s : stop)
    if (w == s) return true;
  return false;
}

}  // namespace

CiteKind cite_kind(const store::Document& d) {
  const std::string& t = d.doc_type;
  if (t == "report" || t == "policy" || t == "training") return CiteKind::Report;
  if (t == "article") return CiteKind::Article;
  if (t == "news") return CiteKind::News;
  if (t == "law") return CiteKind::Legislation;
  if (t == "case") return CiteKind::Case;
  if (t == "data") return CiteKind::Dataset;
  return CiteKind::Web;
}

std::vector<PersonName> author_names(const std::string& authors) {
  std::vector<PersonName> out;
  std::size_t start = 0;
  while (start <= authors.size()) {
    auto sep = authors.find(';', start);
    if (sep == std::string::npos) sep = authors.size();
    if (auto n = person(std::string_view(authors).substr(start, sep - start)); !n.family.empty() || !n.literal.empty())
      out.push_back(std::move(n));
    start = sep + 1;
  }
  return out;
}

std::string publisher(const store::Document& d) { return d.sightings.empty() ? std::string() : d.sightings.front().source; }

std::string babel_language(const std::string& code) {
  if (code == "en") return "english";
  if (code == "es") return "spanish";
  if (code == "pt") return "portuguese";
  if (code == "fr") return "french";
  return {};
}

namespace {

// An institution's key: its acronym and the initials of its capitalised words, outside brackets
// ("UN Office on Drugs and Crime": unodc; "Organização Internacional para as Migrações": oim),
// or its one word.
std::string institution_key(const std::string& name) {
  catalog::TokenizedText t;
  catalog::tokenize(name.substr(0, name.find_first_of("([")), t);
  if (t.tokens.empty()) return {};
  // "IOM Port of Spain", "OIM Brasil": the acronym says who. "UN" alone says too little.
  if (t.tokens.size() == 1 || (is_acronym(t.raw_word(0)) && t.raw_word(0).size() >= 3)) return ascii_word(t.word(0));
  std::string key;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const std::string w = ascii_word(t.word(i));
    if (is_acronym(t.raw_word(i)))
      key += w;
    else if (!is_stopword(w))
      key += w.substr(0, 1);
  }
  return key.size() >= 2 ? key : ascii_word(t.word(0));
}

}  // namespace

std::string citation_key_base(const store::Document& d) {
  std::string who;
  const auto authors = author_names(d.authors);
  if (!authors.empty()) {
    const auto& a = authors.front();
    if (a.family.empty()) {
      who = institution_key(a.literal);
    } else {
      const auto w = words(a.family);
      if (!w.empty()) who = ascii_word(w.back());
    }
  }
  if (who.empty())
    for (const auto& w : words(publisher(d)))
      if (who = ascii_word(w); !who.empty()) break;
  if (who.empty()) who = "anon";
  std::string what;
  std::string title = d.title;
  for (char& c : title)
    if (!(static_cast<unsigned char>(c) & 0x80) && !std::isalnum(static_cast<unsigned char>(c))) c = ' ';
  for (const auto& w : words(title)) {
    const std::string a = ascii_word(w);
    if (a.size() >= 3 && !is_stopword(a)) {
      what = a;
      break;
    }
  }
  return who.substr(0, 24) + util::format_date(d.date()).substr(0, 4) + what.substr(0, 24);
}

std::string CitationKeys::next(const store::Document& d) {
  const std::string base = citation_key_base(d);
  std::string key = base;
  // a … z, then aa … zz: the suffix grows like spreadsheet columns.
  for (std::size_t& n = tried_[base]; used_.count(key); ++n) {
    std::string suffix;
    for (std::size_t i = n + 1; i > 0; i = (i - 1) / 26) suffix.insert(suffix.begin(), static_cast<char>('a' + (i - 1) % 26));
    key = base + suffix;
  }
  used_.insert(key);
  return key;
}

}  // namespace atip::exporter
