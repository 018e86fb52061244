// The false friends of ../shared/domain/README.md, one behaviour per test.
#include <doctest/doctest.h>

#include "tests/catalog/test_tagger_util.hpp"

using atip::catalog::Family;
using namespace atip::catalog::testing;

namespace {
const auto kTopic = Family::topic;
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("catalog::tag: 'se trata de personas que' is not trafficking") {
  const auto t = tag_text("Se trata de personas que viven en la calle, dice el alcalde");
  CHECK_FALSE(has(t, kTopic, "tip_general"));
  CHECK_FALSE(t.relevant());
  CHECK(has(tag_text("Rescatan a víctimas de trata de personas"), kTopic, "tip_general"));
  CHECK_FALSE(has(tag_text("No se trata de personas sino de cifras"), kTopic, "tip_general"));
  CHECK_FALSE(has(tag_text("Trata-se de pessoas que vivem em áreas de risco"), kTopic,
                  "tip_general"));
}

TEST_CASE("catalog::tag: Spanish 'trata' as a verb is not trafficking, as a noun it is") {
  CHECK_FALSE(has(tag_text("El gobierno trata de reducir la pobreza extrema"), kTopic, "tip_general"));
  CHECK_FALSE(has(tag_text("El médico trata a las mujeres víctimas de violencia"), kTopic, "tip_general"));
  CHECK(has(tag_text("Nueva ley contra la trata en Honduras"), kTopic, "tip_general"));
}

TEST_CASE("catalog::tag: drug, arms and wildlife trafficking are not trafficking in persons") {
  for (const char* title : {"Police arrest drug trafficking suspects in Atlanta",
                            "Arms trafficking through Haiti's ports fuels gang violence",
                            "Wildlife trafficking: 300 parrots seized at the airport",
                            "Man sentenced for trafficking fentanyl and cocaine",
                            "Narcotráfico: capturan a cabecilla de red de tráfico de drogas",
                            "Tráfico de drogas: PM apreende cocaína no Paraná",
                            "Trafic de drogue : saisie record de cocaïne"}) {
    const auto t = tag_text(title);
    CHECK_MESSAGE(!has(t, kTopic, "tip_general"), title);
    CHECK_MESSAGE(!t.relevant(), title);
  }
}

TEST_CASE("catalog::tag: bare 'trafficking' counts with a victim or exploitation context") {
  CHECK(has(tag_text("Trafficking ring targeted women", "Victims were forced to work"), kTopic,
            "tip_general"));
  CHECK(has(tag_text("Court in Belize acquits two men in trafficking case"), kTopic, "tip_general"));
}

TEST_CASE("catalog::tag: smuggling and trafficking are separate topics and may both apply") {
  const auto smuggling = tag_text("Border Patrol arrests 14 in migrant smuggling operation",
                                  "Smugglers charged migrants to cross the border.");
  CHECK(has(smuggling, kTopic, "migrant_smuggling"));
  CHECK_FALSE(has(smuggling, kTopic, "tip_general"));
  const auto both = tag_text("Two charged with trafficking Cuban migrants",
                             "Victims were smuggled by boat and forced into prostitution.");
  CHECK(has(both, kTopic, "migrant_smuggling"));
  CHECK(has(both, kTopic, "tip_general"));
  CHECK(smuggling.relevance < both.relevance);
  CHECK(smuggling.relevant());
}

TEST_CASE("catalog::tag: Spanish 'tráfico de personas' is decided by its context") {
  CHECK(has(tag_text("Tráfico de personas: detienen a tres por trasladar migrantes a la frontera"),
            kTopic, "migrant_smuggling"));
  const auto exploited = tag_text("Denuncian tráfico de personas en bares",
                                  "Las víctimas eran explotadas sexualmente.");
  CHECK(has(exploited, kTopic, "tip_general"));
  CHECK_FALSE(has(exploited, kTopic, "migrant_smuggling"));
}

TEST_CASE("catalog::tag: Portuguese 'tráfico' is decided by its object") {
  CHECK(has(tag_text("Polícia prende suspeitos de tráfico de pessoas"), kTopic, "tip_general"));
  CHECK(has(tag_text("PF desarticula rede de tráfico de migrantes"), kTopic, "migrant_smuggling"));
  CHECK_FALSE(has(tag_text("PF desarticula rede de tráfico de migrantes"), kTopic, "tip_general"));
  CHECK_FALSE(tag_text("Tráfico de drogas: polícia apreende 200 quilos").relevant());
}

TEST_CASE("catalog::tag: French 'traite' is trafficking, 'trafic de migrants' is smuggling") {
  CHECK(has(tag_text("La traite des êtres humains au Canada"), kTopic, "tip_general"));
  CHECK(has(tag_text("Trafic illicite de migrants : arrestation de passeurs"), kTopic,
            "migrant_smuggling"));
  CHECK_FALSE(has(tag_text("Trafic illicite de migrants : arrestation de passeurs"), kTopic,
                  "tip_general"));
  CHECK_FALSE(tag_text("Traite bancaire : les entreprises paient plus cher").relevant());
}

TEST_CASE("catalog::tag: Dominica and the Dominican Republic are different countries") {
  CHECK(countries("Human trafficking case in Dominica") == Strings{"DM"});
  CHECK(countries("Dominican Republic dismantles trafficking network") == Strings{"DO"});
  CHECK(countries("República Dominicana condena a tres tratantes") == Strings{"DO"});
  CHECK(countries("Dominique Martin nommée ministre") == Strings{});
  CHECK(countries("La Dominique accueille un atelier sur la traite") == Strings{"DM"});
}

TEST_CASE("catalog::tag: Columbia University and British Columbia are not Colombia") {
  CHECK(countries("Columbia University study on labour exploitation") == Strings{});
  CHECK(countries("Trafficking survivors in British Columbia") == Strings{"CA"});
  CHECK(countries("Colombia signs agreement with IOM") == Strings{"CO"});
}

TEST_CASE("catalog::tag: Georgia the US state is the United States, not the Caucasus") {
  CHECK(countries("Atlanta, Georgia police rescue 9 women") == Strings{"US"});
  CHECK(countries("Georgia and Armenia sign border agreement in Tbilisi") == Strings{});
}

TEST_CASE("catalog::tag: Guyana is not French Guiana") {
  CHECK(countries("French Guiana: gold miners arrested") == Strings{});
  CHECK(countries("Guiana Francesa: garimpeiros presos") == Strings{});
  CHECK(countries("Guyana police rescue 12 women") == Strings{"GY"});
  CHECK(countries("Guiana e Brasil reforçam cooperação na fronteira") == Strings{"BR", "GY"});
}

TEST_CASE("catalog::tag: Estados Unidos Mexicanos is Mexico, not the United States") {
  CHECK(countries("Estados Unidos Mexicanos: decreto sobre trabajo infantil") == Strings{"MX"});
  CHECK(countries("Migrantes deportados desde Estados Unidos") == Strings{"US"});
  CHECK(countries("New Mexico man sentenced") == Strings{"US"});
}

TEST_CASE("catalog::tag: Antigua Guatemala is Guatemala, Antigua needs Barbuda or the Caribbean") {
  CHECK(countries("Nuevo albergue en Antigua Guatemala") == Strings{"GT"});
  CHECK(countries("Antigua and Barbuda passes trafficking amendment") == Strings{"AG"});
  CHECK(countries("Antigua hosts Caribbean ministers") == Strings{"AG"});
}

TEST_CASE("catalog::tag: Granada the Spanish city is not Grenada") {
  CHECK(countries("Granada celebra su feria del libro en Andalucía") == Strings{});
  CHECK(countries("Grenada strengthens its trafficking law") == Strings{"GD"});
  CHECK(countries("El Parlamento de Granada aprobó la ley con apoyo de la CARICOM") ==
        Strings{"GD"});
}

TEST_CASE("catalog::tag: Salvador da Bahia is Brazil, El Salvador is El Salvador") {
  CHECK(countries("Salvador da Bahia hosts carnival campaign") == Strings{"BR"});
  CHECK(countries("Salvador recebe campanha contra a exploração sexual") == Strings{"BR"});
  CHECK(countries("El Salvador approves special law against trafficking") == Strings{"SV"});
  CHECK(countries("Salvador : le gouvernement présente sa stratégie", "Le ministère du Salvador") ==
        Strings{"SV"});
}

TEST_CASE("catalog::tag: chile the pepper is not Chile") {
  CHECK(countries("Chile peppers and beans: a recipe for a winter stew") == Strings{});
  CHECK(countries("El chile en nogada, platillo de septiembre") == Strings{});
  CHECK(countries("Chile adopts protocol for identifying trafficking victims") == Strings{"CL"});
}

TEST_CASE("catalog::tag: Portuguese 'peru' (turkey) is not Peru") {
  CHECK(countries("Receita de peru assado para a ceia de Natal") == Strings{});
  CHECK(countries("Peru e Brasil assinam acordo") == Strings{"BR", "PE"});
  CHECK(countries("Perú: rescatan a 30 adolescentes") == Strings{"PE"});
}

TEST_CASE("catalog::tag: 'US' is the United States only in capitals and not as a nationality") {
  CHECK(countries("Tell us what you think about our website") == Strings{});
  CHECK(countries("US and Mexico agree to cooperate") == Strings{"MX", "US"});
  CHECK(countries("Costa Rica convicts US citizen of child sex tourism") == Strings{"CR"});
  CHECK(countries("Perú destina US$ 5 millones a albergues") == Strings{"PE"});
}

TEST_CASE("catalog::tag: a victim's nationality is not where the exploitation happened") {
  CHECK(countries("Venezuelan women rescued from bars in Trinidad") == Strings{"TT"});
  CHECK(countries("Mexican authorities rescue 23 Guatemalan migrants") == Strings{"MX"});
  CHECK(countries("Rescatan a mujeres hondureñas", "La policía mexicana detuvo a tres") ==
        Strings{"MX"});
}

TEST_CASE("catalog::tag: a country named as origin or destination is tagged") {
  CHECK(countries("Network trafficked women from Ecuador to Mexico") == Strings{"EC", "MX"});
}

TEST_CASE("catalog::tag: child sexual exploitation without trafficking is its own topic") {
  const auto cse = tag_text("Court convicts couple of sexual exploitation of teenage girls");
  CHECK(has(cse, kTopic, "child_sexual_exploitation"));
  CHECK_FALSE(has(cse, kTopic, "sex_trafficking"));
  const auto trafficking = tag_text("Trata de niñas con fines de explotación sexual en Oaxaca");
  CHECK(has(trafficking, kTopic, "tip_general"));
  CHECK(has(trafficking, kTopic, "sex_trafficking"));
  CHECK(has(trafficking, kTopic, "child_trafficking"));
}

TEST_CASE("catalog::tag: a feed marked on-topic makes every item relevant") {
  const atip::catalog::Text text{"Editorial board announces new members", "", "en", true};
  CHECK(atip::catalog::tag(text, shipped_vocabulary()).relevant());
  CHECK_FALSE(tag_text("Editorial board announces new members").relevant());
}
