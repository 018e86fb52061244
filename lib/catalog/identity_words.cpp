#include "lib/catalog/identity_words.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lib/catalog/word_table.hpp"

namespace atip::catalog {

namespace {

using WordSet = std::unordered_set<std::string_view>;

// Articles, prepositions, conjunctions and pronouns. "dos" (pt "of the", es "two") and
// "um"/"un"/"una" (articles and "one") are deliberately absent: see kNumberWords.
const WordSet& stopwords() {
  static const WordSet kWords = {
      // English
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
      "as", "is", "are", "was", "were", "be", "been", "its", "it", "this", "that", "these", "into",
      "over", "after", "amid", "s", "st", "nd", "rd", "th", "new", "says", "said",
      // Spanish
      "el", "la", "los", "las", "lo", "del", "al", "de", "en", "y", "e", "o", "u", "por", "para",
      "con", "sin", "sobre", "que", "se", "su", "sus", "es", "son", "fue", "entre", "tras", "ante",
      "hacia", "contra", "como", "mas", "unos", "unas",
      // Portuguese
      "os", "as", "do", "da", "das", "na", "nos", "nas", "em", "pelo", "pela", "pelos", "pelas",
      "ao", "aos", "com", "sem", "seu", "sua", "seus", "suas", "foi", "sao",
      // French
      "le", "les", "l", "d", "du", "des", "au", "aux", "et", "ou", "dans", "sur", "pour", "par",
      "avec", "sans", "qui", "est", "sont", "ses", "son", "sa", "leur", "leurs", "selon",
      // Boilerplate that syndication adds or drops around a title.
      "video", "videos", "foto", "fotos", "photos", "urgente", "breaking", "exclusive", "exclusiva",
      "live", "vivo", "ao"};
  return kWords;
}

const std::unordered_map<std::string_view, std::string_view>& number_words() {
  static const std::unordered_map<std::string_view, std::string_view> kWords = {
      {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"},
      {"eight", "8"}, {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"},
      {"fifteen", "15"}, {"twenty", "20"}, {"hundred", "100"}, {"dozens", "dozens"},
      {"hundreds", "hundreds"}, {"thousands", "thousands"}, {"dos", "2"}, {"tres", "3"},
      {"cuatro", "4"}, {"cinco", "5"}, {"seis", "6"}, {"siete", "7"}, {"ocho", "8"},
      {"nueve", "9"}, {"diez", "10"}, {"once", "11"}, {"doce", "12"}, {"quince", "15"},
      {"veinte", "20"}, {"cien", "100"}, {"decenas", "dozens"}, {"centenares", "hundreds"},
      {"cientos", "hundreds"}, {"miles", "thousands"}, {"dois", "2"}, {"duas", "2"},
      {"quatro", "4"}, {"sete", "7"}, {"oito", "8"}, {"nove", "9"}, {"dez", "10"},
      {"onze", "11"}, {"doze", "12"}, {"quinze", "15"}, {"vinte", "20"}, {"dezenas", "dozens"},
      {"centenas", "hundreds"}, {"milhares", "thousands"}, {"deux", "2"}, {"trois", "3"},
      {"quatre", "4"}, {"cinq", "5"}, {"sept", "7"}, {"huit", "8"}, {"neuf", "9"},
      {"dix", "10"}, {"douze", "12"}, {"vingt", "20"}, {"cent", "100"}, {"dizaines", "dozens"},
      {"centaines", "hundreds"}, {"milliers", "thousands"},
      // Ordinals: "Second report" and "Third report" are different works.
      {"first", "#1"}, {"second", "#2"}, {"third", "#3"}, {"fourth", "#4"}, {"fifth", "#5"},
      {"primer", "#1"}, {"primero", "#1"}, {"primera", "#1"}, {"segundo", "#2"},
      {"segunda", "#2"}, {"tercer", "#3"}, {"tercero", "#3"}, {"tercera", "#3"},
      {"cuarto", "#4"}, {"cuarta", "#4"}, {"quinto", "#5"}, {"quinta", "#5"},
      {"primeiro", "#1"}, {"primeira", "#1"}, {"terceiro", "#3"}, {"terceira", "#3"},
      {"quarto", "#4"}, {"quarta", "#4"}, {"premier", "#1"}, {"premiere", "#1"},
      {"deuxieme", "#2"}, {"seconde", "#2"}, {"troisieme", "#3"}, {"quatrieme", "#4"},
      {"cinquieme", "#5"}};
  return kWords;
}

const std::unordered_map<std::string_view, int>& month_words() {
  static const std::unordered_map<std::string_view, int> kWords = {
      {"january", 1},   {"february", 2}, {"march", 3},      {"april", 4},      {"june", 6},
      {"july", 7},      {"august", 8},   {"september", 9},  {"october", 10},   {"november", 11},
      {"december", 12}, {"enero", 1},    {"febrero", 2},    {"marzo", 3},      {"abril", 4},
      {"mayo", 5},      {"junio", 6},    {"julio", 7},      {"agosto", 8},     {"septiembre", 9},
      {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"janeiro", 1},
      {"fevereiro", 2}, {"marco", 3},    {"maio", 5},       {"junho", 6},      {"julho", 7},
      {"setembro", 9},  {"outubro", 10}, {"novembro", 11},  {"dezembro", 12},  {"janvier", 1},
      {"fevrier", 2},   {"mars", 3},     {"avril", 4},      {"mai", 5},        {"juin", 6},
      {"juillet", 7},   {"aout", 8},     {"septembre", 9},  {"octobre", 10},   {"novembre", 11},
      {"decembre", 12}};
  return kWords;
}

bool all_of_class(std::string_view w, bool (*pred)(char)) {
  return !w.empty() && std::all_of(w.begin(), w.end(), pred);
}

// Roman numerals up to 39 in canonical form: "xiv" -> 14; 0 when `w` is not one. A lone "i"
// or "v" counts too: "Part I" and "Part II" differ.
int roman_value(std::string_view w) {
  static const std::string_view kUnits[] = {"",  "i",  "ii",  "iii",  "iv",
                                            "v", "vi", "vii", "viii", "ix"};
  int tens = 0;
  while (!w.empty() && w.front() == 'x' && tens < 3) {
    ++tens;
    w.remove_prefix(1);
  }
  for (int u = 0; u < 10; ++u)
    if (w == kUnits[u]) return tens * 10 + u;
  return 0;
}

// States and provinces of the largest member states and a few border cities: "Rescatan a 12
// migrantes - Veracruz" names a place, while publishers named after one ("Diario de Yucatán")
// have more words.
bool is_subnational_place(std::string_view s) {
  static const WordSet kPlaces = {
      // Mexico
      "aguascalientes", "baja california", "baja california sur", "campeche", "chiapas",
      "chihuahua", "coahuila", "colima", "cdmx", "ciudad de mexico", "durango", "guanajuato",
      "guerrero", "hidalgo", "jalisco", "estado de mexico", "edomex", "michoacan", "morelos",
      "nayarit", "nuevo leon", "oaxaca", "puebla", "queretaro", "quintana roo", "san luis potosi",
      "sinaloa", "sonora", "tabasco", "tamaulipas", "tlaxcala", "veracruz", "yucatan", "zacatecas",
      "tijuana", "ciudad juarez", "tapachula", "cancun", "monterrey", "guadalajara",
      // Brazil
      "acre", "alagoas", "amapa", "amazonas", "bahia", "ceara", "distrito federal",
      "espirito santo", "goias", "maranhao", "mato grosso", "mato grosso do sul", "minas gerais",
      "para", "paraiba", "parana", "pernambuco", "piaui", "rio de janeiro", "rio grande do norte",
      "rio grande do sul", "rondonia", "roraima", "santa catarina", "sao paulo", "sergipe",
      "tocantins", "brasilia", "manaus", "boa vista",
      // Canada
      "alberta", "british columbia", "colombie britannique", "manitoba", "new brunswick",
      "nouveau brunswick", "newfoundland and labrador", "nova scotia", "nouvelle ecosse", "ontario",
      "prince edward island", "quebec", "saskatchewan", "yukon", "nunavut", "northwest territories",
      "montreal", "toronto", "vancouver", "laval", "ottawa",
      // United States: border and gateway states and cities
      "texas", "california", "arizona", "new mexico", "florida", "new york", "georgia", "illinois",
      "louisiana", "nevada", "el paso", "laredo", "san diego", "houston", "miami",
      // Capitals and regions often used as a datelines
      "bogota", "lima", "quito", "caracas", "santiago", "buenos aires", "montevideo", "asuncion",
      "la paz", "panama city", "ciudad de panama", "san jose", "managua", "tegucigalpa",
      "san salvador", "guatemala city", "ciudad de guatemala", "belmopan", "santo domingo",
      "port au prince", "kingston", "port of spain", "georgetown", "paramaribo", "nassau",
      "bridgetown", "darien", "cayenne", "guyane", "guadeloupe", "martinique", "puerto rico"};
  return kPlaces.count(s) > 0;
}

}  // namespace

bool is_stopword(std::string_view word) {
  static const WordTable table = [] {
    WordTable t;
    for (const std::string_view w : stopwords()) t.insert(w, 0);
    return t;
  }();
  return table.find(word) != WordTable::kAbsent;
}

std::string marker_of(std::string_view word) {
  if (all_of_class(word, [](char c) { return c >= '0' && c <= '9'; })) {
    const auto nz = word.find_first_not_of('0');  // "07" and "7" are one number
    return nz == std::string_view::npos ? "0" : std::string(word.substr(nz));
  }
  // Every word of every title comes here: one table for number words and months, whose
  // lookup is cheaper than the two hash maps they are defined in.
  struct Markers {
    WordTable index;
    std::vector<std::string> markers;
  };
  static const Markers table = [] {
    Markers m;
    for (const auto& [w, marker] : number_words()) {
      m.index.insert(w, static_cast<std::uint32_t>(m.markers.size()));
      m.markers.emplace_back(marker);
    }
    for (const auto& [w, month] : month_words()) {
      m.index.insert(w, static_cast<std::uint32_t>(m.markers.size()));
      m.markers.push_back("month" + std::to_string(month));
    }
    return m;
  }();
  if (const std::uint32_t at = table.index.find(word); at != WordTable::kAbsent)
    return table.markers[at];
  if (const int r = roman_value(word); r > 0) return std::to_string(r);
  return {};
}

bool is_place_or_subtitle(std::string_view s) {
  static const WordSet kSegments = {
      "antigua and barbuda", "antigua y barbuda", "argentina", "bahamas", "barbados", "belize",
      "belice", "bolivia", "brasil", "brazil", "bresil", "canada", "chile", "chili", "colombia",
      "colombie", "costa rica", "cuba", "dominica", "dominique", "republica dominicana",
      "dominican republic", "ecuador", "equateur", "el salvador", "salvador", "grenada",
      "granada", "guatemala", "guyana", "haiti", "honduras", "jamaica", "jamaique", "mexico",
      "mexique", "nicaragua", "panama", "paraguay", "peru", "perou", "saint lucia",
      "santa lucia", "suriname", "trinidad and tobago", "trinidad y tobago", "united states",
      "estados unidos", "eua", "eeuu", "usa", "etats unis", "uruguay", "venezuela", "americas",
      "america latina", "latin america", "caribe", "caribbean", "centroamerica",
      "central america", "amerique latine", "sudamerica", "south america", "north america"};
  if (kSegments.count(s) > 0 || is_subnational_place(s)) return true;
  static const WordSet kWords = {
      "annex", "annexe", "anexo", "summary", "resumen", "resumo", "synthese", "resume",
      "findings", "highlights", "part", "parte", "partie", "chapter", "capitulo", "chapitre",
      "volume", "volumen", "tomo", "edition", "edicion", "edicao", "update", "actualizacion",
      "atualizacao", "factsheet", "infographic", "infografia", "podcast", "transcript",
      "webinar", "report", "informe", "relatorio", "rapport", "brief", "nota", "note",
      "statement", "declaracion", "communique", "comunicado", "english", "espanol", "ingles",
      "portugues", "francais", "frances", "version", "versao", "annual", "anual", "annuel",
      "weekly", "semanal", "monthly", "mensual", "mensal", "bulletin", "boletin", "boletim",
      "newsletter", "interview", "entrevista", "entretien", "opinion", "editorial", "profile",
      "profiles", "perfil", "perfiles", "perfis", "profil", "profils", "country", "pais",
      "paises", "pays", "region", "regional", "key", "principales", "principais", "glossary",
      "glosario", "methodology", "metodologia", "methodologie", "data", "datos", "dados"};
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string_view w = s.substr(start, end - start);
    if (kWords.count(w) > 0 || month_words().count(w) > 0) return true;
    start = end + 1;
  }
  return false;
}

bool is_known_publisher(std::string_view s) {
  static const WordSet kNames = {
      "el pais", "el pais america", "el pais mexico", "un news", "noticias onu", "onu info",
      "onu news", "agencia brasil", "reliefweb", "infobae", "efe", "agencia efe",
      "europa press", "reuters", "ap news", "associated press", "afp", "bbc", "bbc news",
      "bbc mundo", "bbc news mundo", "bbc news brasil", "cnn", "cnn en espanol", "cnn brasil",
      "el universal", "milenio", "la jornada", "excelsior", "el tiempo", "semana",
      "el espectador", "clarin", "la nacion", "pagina 12", "g 1", "folha de s paulo", "folha",
      "estadao", "o globo", "uol", "metropoles", "correio braziliense", "radio canada",
      "ici radio canada", "le devoir", "la presse", "le nouvelliste", "prensa libre",
      "el heraldo", "la prensa", "el comercio", "la republica", "el mercurio", "la tercera",
      "biobiochile", "the guardian", "the new york times", "the washington post",
      "miami herald", "el nuevo herald", "insight crime", "unodc", "iom", "oim", "ilo", "oit",
      "unicef", "unhcr", "acnur", "state department", "dhs", "ice", "gob mx",
      "gobierno de mexico", "gov br"};
  return kNames.count(s) > 0;
}

}  // namespace atip::catalog
