#include "lib/export/digest_text.hpp"

#include <array>
#include <map>

namespace atip::exporter {

namespace {

using Names = std::array<std::string_view, 4>;  // en, es, pt, fr

int language_index(std::string_view lang) {
  return lang == "es" ? 1 : lang == "pt" ? 2 : lang == "fr" ? 3 : 0;
}

const std::array<DigestText, 4> kText = {{
    {"Trafficking in persons: literature digest", "Period", "{} to {}", "since {}", "until {}",
     "all catalogued works", "Generated {} by atip", "In numbers", "New works", "Updated works",
     "By topic", "By country", "By language", "Works per week", "Carried by",
     "updated", "Language", "Type", "Countries", "Date", "Other", "No works in this period.",
     "works", "week of {}", "(untitled)"},
    {"Trata de personas: boletín de publicaciones", "Período", "del {} al {}", "desde el {}",
     "hasta el {}", "todas las obras catalogadas", "Generado el {} por atip", "En cifras",
     "Obras nuevas", "Obras actualizadas", "Por tema", "Por país", "Por idioma",
     "Obras por semana", "Publicado por", "actualizada", "Idioma", "Tipo", "Países",
     "Fecha", "Otros", "No hay obras en este período.", "obras", "semana del {}", "(sin título)"},
    {"Tráfico de pessoas: boletim de publicações", "Período", "de {} a {}", "desde {}", "até {}",
     "todas as obras catalogadas", "Gerado em {} pelo atip", "Em números", "Obras novas",
     "Obras atualizadas", "Por tema", "Por país", "Por idioma", "Obras por semana", 
     "Publicado por", "atualizada", "Idioma", "Tipo", "Países", "Data", "Outros",
     "Nenhuma obra neste período.", "obras", "semana de {}", "(sem título)"},
    {"Traite des personnes : bulletin des publications", "Période", "du {} au {}", "depuis le {}",
     "jusqu'au {}", "toutes les œuvres cataloguées", "Généré le {} par atip", "En chiffres",
     "Nouvelles publications", "Publications mises à jour", "Par thème", "Par pays",
     "Par langue", "Publications par semaine", "Publié par", "mise à jour",
     "Langue", "Type", "Pays", "Date", "Autres", "Aucune publication pour cette période.",
     "publications", "semaine du {}", "(sans titre)"},
}};

const std::map<std::string_view, Names>& topic_names() {
  static const std::map<std::string_view, Names> m = {
      {"tip_general", {"Trafficking in persons", "Trata de personas", "Tráfico de pessoas", "Traite des personnes"}},
      {"sex_trafficking", {"Sex trafficking", "Trata con fines de explotación sexual", "Tráfico para exploração sexual", "Traite à des fins d'exploitation sexuelle"}},
      {"forced_labour", {"Forced labour", "Trabajo forzoso", "Trabalho forçado", "Travail forcé"}},
      {"domestic_servitude", {"Domestic servitude", "Servidumbre doméstica", "Servidão doméstica", "Servitude domestique"}},
      {"child_trafficking", {"Child trafficking", "Trata de niños, niñas y adolescentes", "Tráfico de crianças", "Traite des enfants"}},
      {"child_sexual_exploitation", {"Child sexual exploitation", "Explotación sexual infantil", "Exploração sexual infantil", "Exploitation sexuelle des enfants"}},
      {"sex_tourism", {"Sex tourism", "Turismo sexual", "Turismo sexual", "Tourisme sexuel"}},
      {"child_soldiers", {"Child soldiers", "Niños soldados", "Crianças-soldado", "Enfants soldats"}},
      {"forced_begging", {"Forced begging", "Mendicidad forzada", "Mendicância forçada", "Mendicité forcée"}},
      {"organ_removal", {"Organ removal", "Extracción de órganos", "Remoção de órgãos", "Prélèvement d'organes"}},
      {"forced_marriage", {"Forced marriage", "Matrimonio forzado", "Casamento forçado", "Mariage forcé"}},
      {"debt_bondage", {"Debt bondage", "Servidumbre por deudas", "Servidão por dívida", "Servitude pour dettes"}},
      {"migrant_smuggling", {"Migrant smuggling", "Tráfico ilícito de migrantes", "Contrabando de migrantes", "Trafic illicite de migrants"}},
  };
  return m;
}

const std::map<std::string_view, Names>& area_names() {
  static const std::map<std::string_view, Names> m = {
      {"prevention", {"Prevention", "Prevención", "Prevenção", "Prévention"}},
      {"protection", {"Protection", "Protección", "Proteção", "Protection"}},
      {"prosecution", {"Prosecution", "Persecución penal", "Persecução penal", "Poursuites"}},
      {"partnership", {"Partnership", "Cooperación", "Parcerias", "Partenariat"}},
  };
  return m;
}

const std::map<std::string_view, Names>& type_names() {
  static const std::map<std::string_view, Names> m = {
      {"report", {"Report", "Informe", "Relatório", "Rapport"}},
      {"law", {"Law", "Legislación", "Legislação", "Législation"}},
      {"case", {"Court case", "Caso judicial", "Caso judicial", "Affaire judiciaire"}},
      {"article", {"Article", "Artículo", "Artigo", "Article"}},
      {"news", {"News", "Noticia", "Notícia", "Actualité"}},
      {"policy", {"Policy", "Política pública", "Política pública", "Politique publique"}},
      {"training", {"Training", "Capacitación", "Capacitação", "Formation"}},
      {"data", {"Data", "Datos", "Dados", "Données"}},
  };
  return m;
}

const std::map<std::string_view, Names>& language_names() {
  static const std::map<std::string_view, Names> m = {
      {"en", {"English", "inglés", "inglês", "anglais"}},
      {"es", {"Spanish", "español", "espanhol", "espagnol"}},
      {"pt", {"Portuguese", "portugués", "português", "portugais"}},
      {"fr", {"French", "francés", "francês", "français"}},
  };
  return m;
}

// The 35 OAS member states (shared/domain/countries.tsv, names checked against CLDR).
const std::map<std::string_view, Names>& country_names() {
  static const std::map<std::string_view, Names> m = {
    {"AG", {"Antigua and Barbuda", "Antigua y Barbuda", "Antígua e Barbuda", "Antigua-et-Barbuda"}},
    {"AR", {"Argentina", "Argentina", "Argentina", "Argentine"}},
    {"BS", {"Bahamas", "Bahamas", "Bahamas", "Bahamas"}},
    {"BB", {"Barbados", "Barbados", "Barbados", "Barbade"}},
    {"BZ", {"Belize", "Belice", "Belize", "Belize"}},
    {"BO", {"Bolivia", "Bolivia", "Bolívia", "Bolivie"}},
    {"BR", {"Brazil", "Brasil", "Brasil", "Brésil"}},
    {"CA", {"Canada", "Canadá", "Canadá", "Canada"}},
    {"CL", {"Chile", "Chile", "Chile", "Chili"}},
    {"CO", {"Colombia", "Colombia", "Colômbia", "Colombie"}},
    {"CR", {"Costa Rica", "Costa Rica", "Costa Rica", "Costa Rica"}},
    {"CU", {"Cuba", "Cuba", "Cuba", "Cuba"}},
    {"DM", {"Dominica", "Dominica", "Dominica", "Dominique"}},
    {"DO", {"Dominican Republic", "República Dominicana", "República Dominicana", "République dominicaine"}},
    {"EC", {"Ecuador", "Ecuador", "Equador", "Équateur"}},
    {"SV", {"El Salvador", "El Salvador", "El Salvador", "Salvador"}},
    {"GD", {"Grenada", "Granada", "Granada", "Grenade"}},
    {"GT", {"Guatemala", "Guatemala", "Guatemala", "Guatemala"}},
    {"GY", {"Guyana", "Guyana", "Guiana", "Guyana"}},
    {"HT", {"Haiti", "Haití", "Haiti", "Haïti"}},
    {"HN", {"Honduras", "Honduras", "Honduras", "Honduras"}},
    {"JM", {"Jamaica", "Jamaica", "Jamaica", "Jamaïque"}},
    {"MX", {"Mexico", "México", "México", "Mexique"}},
    {"NI", {"Nicaragua", "Nicaragua", "Nicarágua", "Nicaragua"}},
    {"PA", {"Panama", "Panamá", "Panamá", "Panama"}},
    {"PY", {"Paraguay", "Paraguay", "Paraguai", "Paraguay"}},
    {"PE", {"Peru", "Perú", "Peru", "Pérou"}},
    {"KN", {"Saint Kitts and Nevis", "San Cristóbal y Nieves", "São Cristóvão e Névis", "Saint-Christophe-et-Niévès"}},
    {"LC", {"Saint Lucia", "Santa Lucía", "Santa Lúcia", "Sainte-Lucie"}},
    {"VC", {"Saint Vincent and the Grenadines", "San Vicente y las Granadinas", "São Vicente e Granadinas", "Saint-Vincent-et-les-Grenadines"}},
    {"SR", {"Suriname", "Surinam", "Suriname", "Suriname"}},
    {"TT", {"Trinidad and Tobago", "Trinidad y Tobago", "Trinidad e Tobago", "Trinité-et-Tobago"}},
    {"US", {"United States", "Estados Unidos", "Estados Unidos", "États-Unis"}},
    {"UY", {"Uruguay", "Uruguay", "Uruguai", "Uruguay"}},
    {"VE", {"Venezuela", "Venezuela", "Venezuela", "Venezuela"}},
  };
  return m;
}

}  // namespace

const DigestText* digest_text(std::string_view lang) {
  if (lang != "en" && lang != "es" && lang != "pt" && lang != "fr") return nullptr;
  return &kText[static_cast<std::size_t>(language_index(lang))];
}

std::string tag_label(std::string_view family, std::string_view value, std::string_view lang) {
  const std::map<std::string_view, Names>* table = family == "topic"      ? &topic_names()
                                                   : family == "area"     ? &area_names()
                                                   : family == "type"     ? &type_names()
                                                   : family == "country"  ? &country_names()
                                                   : family == "language" ? &language_names()
                                                                          : nullptr;
  if (table) {
    const auto it = table->find(value);
    if (it != table->end()) return std::string(it->second[static_cast<std::size_t>(language_index(lang))]);
  }
  std::string out(value);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

}  // namespace atip::exporter
