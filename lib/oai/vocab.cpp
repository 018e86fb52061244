// Repository vocabularies to atip's: dc:language values to ISO 639-1, dc:type values to atip's
// document types, OAI dates to days.
#include <array>
#include <string>

#include "lib/feed/content.hpp"
#include "lib/feed/dates.hpp"
#include "lib/oai/oai.hpp"

namespace atip::oai {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

struct Language {
  const char* code;                     // ISO 639-1
  std::array<const char*, 2> iso639_2;  // bibliographic and terminology codes (639-3 = T)
  std::array<const char*, 3> names;     // English, native, another common spelling
};

// The languages of the field's literature, and those repositories around it publish in.
constexpr Language kLanguages[] = {
    {"en", {"eng", ""}, {"english", "inglés", "inglês"}},
    {"es", {"spa", ""}, {"spanish", "español", "castellano"}},
    {"pt", {"por", ""}, {"portuguese", "português", "portugués"}},
    {"fr", {"fre", "fra"}, {"french", "français", "francés"}},
    {"de", {"ger", "deu"}, {"german", "deutsch", "alemán"}},
    {"it", {"ita", ""}, {"italian", "italiano", ""}},
    {"nl", {"dut", "nld"}, {"dutch", "nederlands", ""}},
    {"ca", {"cat", ""}, {"catalan", "català", ""}},
    {"gl", {"glg", ""}, {"galician", "galego", ""}},
    {"eu", {"baq", "eus"}, {"basque", "euskara", ""}},
    {"ru", {"rus", ""}, {"russian", "русский", ""}},
    {"uk", {"ukr", ""}, {"ukrainian", "українська", ""}},
    {"pl", {"pol", ""}, {"polish", "polski", ""}},
    {"cs", {"cze", "ces"}, {"czech", "čeština", ""}},
    {"ro", {"rum", "ron"}, {"romanian", "română", ""}},
    {"hu", {"hun", ""}, {"hungarian", "magyar", ""}},
    {"el", {"gre", "ell"}, {"greek", "ελληνικά", ""}},
    {"tr", {"tur", ""}, {"turkish", "türkçe", ""}},
    {"sv", {"swe", ""}, {"swedish", "svenska", ""}},
    {"da", {"dan", ""}, {"danish", "dansk", ""}},
    {"no", {"nor", ""}, {"norwegian", "norsk", ""}},
    {"nb", {"nob", ""}, {"norwegian bokmål", "bokmål", ""}},
    {"fi", {"fin", ""}, {"finnish", "suomi", ""}},
    {"ar", {"ara", ""}, {"arabic", "العربية", ""}},
    {"he", {"heb", ""}, {"hebrew", "עברית", ""}},
    {"fa", {"per", "fas"}, {"persian", "فارسی", "farsi"}},
    {"hi", {"hin", ""}, {"hindi", "हिन्दी", ""}},
    {"bn", {"ben", ""}, {"bengali", "বাংলা", "bangla"}},
    {"ur", {"urd", ""}, {"urdu", "اردو", ""}},
    {"zh", {"chi", "zho"}, {"chinese", "中文", ""}},
    {"ja", {"jpn", ""}, {"japanese", "日本語", ""}},
    {"ko", {"kor", ""}, {"korean", "한국어", ""}},
    {"th", {"tha", ""}, {"thai", "ไทย", ""}},
    {"vi", {"vie", ""}, {"vietnamese", "tiếng việt", ""}},
    {"id", {"ind", ""}, {"indonesian", "bahasa indonesia", ""}},
    {"ms", {"may", "msa"}, {"malay", "bahasa melayu", ""}},
    {"tl", {"tgl", ""}, {"tagalog", "filipino", ""}},
    {"sw", {"swa", ""}, {"swahili", "kiswahili", ""}},
    {"ht", {"hat", ""}, {"haitian creole", "kreyòl ayisyen", ""}},
    {"qu", {"que", ""}, {"quechua", "runa simi", ""}},
    {"gn", {"grn", ""}, {"guarani", "guaraní", ""}},
};

struct TypeWord {
  const char* word;  // lower case; matched as the whole value or its last URI segment
  const char* type;
};

// Whole-value matches first (DCMI, COAR labels, info:eu-repo/semantics/<x>, DSpace labels).
constexpr TypeWord kTypeWords[] = {
    {"article", "article"}, {"journal article", "article"}, {"journalarticle", "article"},
    {"research article", "article"}, {"review article", "article"}, {"review", "article"},
    {"preprint", "article"}, {"postprint", "article"}, {"submittedversion", "article"},
    {"acceptedversion", "article"}, {"publishedversion", "article"},
    {"peer-reviewed article", "article"}, {"conference paper", "article"},
    {"conferenceobject", "article"}, {"conference object", "article"},
    {"contributiontoperiodical", "article"}, {"artículo", "article"}, {"articulo", "article"},
    {"artigo", "article"}, {"article de revue", "article"}, {"artículo de revista", "article"},
    {"report", "report"}, {"technical report", "report"}, {"research report", "report"},
    {"working paper", "report"}, {"workingpaper", "report"}, {"thesis", "report"},
    {"doctoralthesis", "report"}, {"masterthesis", "report"}, {"bachelorthesis", "report"},
    {"doctoral thesis", "report"}, {"master thesis", "report"}, {"dissertation", "report"},
    {"book", "report"}, {"bookpart", "report"}, {"book chapter", "report"},
    {"monograph", "report"}, {"study", "report"}, {"informe", "report"},
    {"informe técnico", "report"}, {"tesis", "report"}, {"tese", "report"},
    {"dissertação", "report"}, {"relatório", "report"}, {"libro", "report"},
    {"livro", "report"}, {"rapport", "report"}, {"thèse", "report"}, {"mémoire", "report"},
    {"dataset", "data"}, {"data set", "data"}, {"conjunto de datos", "data"},
    {"policy brief", "policy"}, {"policy paper", "policy"}, {"policy", "policy"},
    {"legislation", "law"}, {"law", "law"}, {"ley", "law"}, {"lei", "law"},
    {"learningobject", "training"}, {"learning object", "training"}, {"course", "training"},
    {"lecture", "training"}, {"news", "news"}, {"newspaper article", "news"},
    {"press release", "news"},
};

}  // namespace

std::string language_code(std::string_view value) {
  std::string v = lower_ascii(feed::trim(value));
  // A locale ("pt-BR", "en_US", "spa-MX") names its language first.
  if (const auto cut = v.find_first_of("-_"); cut != std::string::npos && cut <= 3)
    v.resize(cut);
  if (v.empty()) return {};
  for (const Language& l : kLanguages) {
    if (v == l.code) return l.code;
    for (const char* c : l.iso639_2)
      if (*c && v == c) return l.code;
    for (const char* n : l.names)
      if (*n && v == n) return l.code;
  }
  return {};
}

std::string document_type(std::string_view dc_type) {
  std::string v = lower_ascii(feed::trim(dc_type));
  // "info:eu-repo/semantics/article", "http://purl.org/coar/resource_type/…" labels come as
  // their last segment; COAR's own URIs (c_6501) carry no word, so they say nothing here.
  if (const auto slash = v.find_last_of("/#"); slash != std::string::npos && v.find(':') != std::string::npos)
    v = v.substr(slash + 1);
  for (const TypeWord& t : kTypeWords)
    if (v == t.word) return t.type;
  return {};
}

std::string day_of(std::string_view date) {
  date = feed::trim(date);
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (date[i] < '0' || date[i] > '9') return {};
  // 2026-02-30 is no day: the date parser validates the calendar.
  if (!feed::parse_date(date.substr(0, 10))) return {};
  return std::string(date.substr(0, 10));
}

}  // namespace atip::oai
