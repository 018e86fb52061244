#include "lib/html/page_words.hpp"

#include <vector>

#include "lib/catalog/title_key.hpp"
#include "lib/feed/dates.hpp"

namespace atip::html {

namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (s == w) return true;
  return false;
}

bool is_number(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

bool generic_word(std::string_view w) {
  return is_number(w) ||
         in(w, {"read", "more", "leer", "ver", "mas", "saiba", "leia", "mais", "en", "savoir", "plus",
                "lire", "la", "suite", "voir", "continue", "reading", "continuar", "leyendo", "seguir",
                "view", "details", "detail", "detalles", "detalle", "download", "descargar", "descarga",
                "baixar", "telecharger", "pdf", "doc", "docx", "kb", "mb", "here", "aqui", "click",
                "haga", "clic", "clique", "ici", "full", "text", "texto", "completo", "texte",
                "integral", "info", "informacion", "informacao", "d", "informations", "this", "the",
                "file", "archivo", "arquivo", "fichier", "el", "o", "le", "aca", "link", "enlace",
                "go", "ir", "a", "to", "et", "y", "e", "and", "de", "do", "da", "du", "report",
                "informe", "relatorio", "rapport", "publication", "publicacion", "publicacao", "now",
                "ahora", "open", "abrir", "ouvrir", "see", "learn", "conozca", "conheca"});
}

bool core_navigation_word(std::string_view w) {
  return is_number(w) ||
         in(w, {"next", "previous", "prev", "siguiente", "siguientes", "anterior", "anteriores",
                "proxima", "proximo", "proximas", "seguinte", "suivant", "suivante", "suivants",
                "precedent", "precedente", "precedents", "first", "last", "primera", "primero",
                "ultima", "ultimo", "primeira", "premiere", "derniere", "dernier", "older", "newer",
                "pagina", "page", "paginas", "pages"});
}

bool navigation_word(std::string_view w) {
  return core_navigation_word(w) ||
         in(w, {"posts", "entries", "entradas", "articulos", "artigos", "articles", "noticias",
                "news", "mas", "antiguas", "antiguos", "recientes", "nuevas", "go", "to", "ir", "a",
                "la", "le", "de", "da", "do", "the", "of", "results", "resultados", "resultats",
                "mais", "antigas", "recentes", "plus", "anciens", "recents", "older", "newer", "y",
                "and", "et", "e", "de"});
}

std::vector<std::string> words(std::string_view text) { return catalog::fold_words(text); }

// Punctuation around a word that dates are written with: "3,", "(2026)", "2026.", "|".
std::string_view trim_punct(std::string_view w) {
  auto strip = [](char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == '|' || c == '-' || c == '"' || c == '\'';
  };
  while (!w.empty() && strip(w.front())) w.remove_prefix(1);
  while (!w.empty() && strip(w.back())) w.remove_suffix(1);
  return w;
}

bool is_year(std::string_view w) {
  if (w.size() != 4 || !is_number(w)) return false;
  return (w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0');
}

bool is_iso_date(std::string_view w) {
  if (w.size() < 10) return false;
  for (std::size_t i = 0; i < 10; ++i)
    if ((i == 4 || i == 7) ? w[i] != '-' : (w[i] < '0' || w[i] > '9')) return false;
  return true;
}

bool is_weekday(std::string_view w) {
  std::string folded;
  for (char c : catalog::fold_text(w))
    if (c != ' ') folded += c;
  return feed::date_detail::classify_word(folded).kind == feed::date_detail::WordKind::Weekday;
}

// "1er", "1º", "1°", "3rd", "21st": the day number alone.
std::string_view ordinal_day(std::string_view w) {
  std::size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || digits == w.size()) return w;
  const std::string_view rest = w.substr(digits);
  for (std::string_view suffix : {"er", "re", "\xC2\xBA", "\xC2\xB0", "o", "st", "nd", "rd", "th"})
    if (rest == suffix) return w.substr(0, digits);
  return w;
}

bool is_month(std::string_view w) {
  std::string folded;
  for (char c : catalog::fold_text(w))
    if (c != ' ') folded += c;
  const auto k = feed::date_detail::classify_word(folded).kind;
  return k == feed::date_detail::WordKind::Month || k == feed::date_detail::WordKind::MonthOrWeekday;
}

}  // namespace

bool is_generic_link_text(std::string_view text) {
  const std::vector<std::string> ws = words(text);
  if (ws.empty()) return false;
  bool all_numbers = true;
  for (const std::string& w : ws) {
    if (!generic_word(w)) return false;
    all_numbers = all_numbers && is_number(w);
  }
  return !all_numbers;
}

// "Ver más noticias", "More news", "Todas las publicaciones", "Voir tous les articles": a
// link to the rest of the listing, not to a document.
bool is_see_all(const std::vector<std::string>& ws) {
  bool more = false, names_listing = false;
  for (const std::string& w : ws) {
    const bool listing = in(w, {"noticias", "news", "publicaciones", "publications", "publicacoes", "comunicados",
                                "articulos", "articles", "artigos", "informes", "reports", "relatorios", "rapports",
                                "actualites", "novedades", "notas", "stories", "posts", "entradas", "todas", "todos",
                                "all", "tous", "toutes", "las", "los", "les", "as", "os"});
    if (!listing && !generic_word(w)) return false;
    names_listing = names_listing || listing;
    more = more || in(w, {"mas", "more", "todas", "todos", "all", "tous", "toutes", "mais", "plus"});
  }
  return more && names_listing;  // "Leer más" alone is a document's own link
}

bool is_navigation_text(std::string_view text) {
  const std::vector<std::string> ws = words(text);
  if (is_see_all(ws)) return true;
  // Arrows and ellipses only: "»", "›", "…", "→".
  if (ws.empty()) {
    for (char c : text)
      if (c != ' ' && c != '\t' && c != '\n') return true;
    return false;
  }
  bool core = false;
  for (const std::string& w : ws) {
    if (!navigation_word(w)) return false;
    core = core || core_navigation_word(w);
  }
  return core;
}

std::optional<std::int64_t> find_date(std::string_view text, std::string* found) {
  std::vector<std::string_view> tokens;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < text.size() && !(text[j] == ' ' || text[j] == '\t' || text[j] == '\n')) ++j;
    const std::string_view t = trim_punct(text.substr(i, j - i));
    if (!t.empty()) tokens.push_back(t);
    i = j;
    if (tokens.size() > 4000) break;  // a date is near the top of an item, not in a novel
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_iso_date(tokens[i])) {
      auto t = feed::parse_date(tokens[i]);
      if (!t) t = feed::parse_date(tokens[i].substr(0, 10));  // "2026-06-03T10:00": the day
      if (t) {
        if (found) *found = std::string(tokens[i]);
        return t;
      }
    }
    // A date starts with its day, its month or its weekday, not with "le" or "el".
    const std::string_view first = tokens[i];
    if (!(first[0] >= '0' && first[0] <= '9') && !is_month(first) && !is_weekday(first)) continue;
    // Day month year (with "de"), month day year, and a weekday before either: 3 to 6 words
    // holding a month name and a year, ending on the year.
    for (std::size_t len = 3; len <= 6 && i + len <= tokens.size(); ++len) {
      if (!is_year(tokens[i + len - 1])) continue;
      bool month = false, day = false;
      std::string candidate, written;
      for (std::size_t k = i; k < i + len; ++k) {
        month = month || is_month(tokens[k]);
        const std::string_view t = ordinal_day(tokens[k]);
        day = day || (k < i + len - 1 && !t.empty() && t.size() <= 3 && t[0] >= '0' && t[0] <= '9');
        if (!candidate.empty()) candidate += ' ', written += ' ';
        candidate += t;
        written += tokens[k];
      }
      if (!month || !day) continue;
      if (auto t = feed::parse_date(candidate)) {
        if (found) *found = written;
        return t;
      }
    }
  }
  return std::nullopt;
}

}  // namespace atip::html
