#include <doctest/doctest.h>

#include <algorithm>

#include "lib/catalog/identity.hpp"

using atip::catalog::Candidate;
using atip::catalog::candidate_keys;
using atip::catalog::likely_editions;
using atip::catalog::same_work;
using atip::catalog::title_similarity;

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kMarch14 = 1773446400;  // 2026-03-14T00:00:00Z

Candidate news(std::string title, std::int64_t day = 0, std::string language = "es") {
  Candidate c;
  c.title = std::move(title);
  c.published = kMarch14 + day * kDay;
  c.language = std::move(language);
  return c;
}

}  // namespace

TEST_CASE("catalog::same_work: syndicated copies with publisher suffix, case and accents merge") {
  const Candidate a = news("Rescatan a 12 víctimas de trata en Chiapas; hay tres detenidos");
  CHECK(same_work(
      a, news("Rescatan a 12 víctimas de trata en Chiapas; hay tres detenidos - El País", 1)));
  CHECK(same_work(a, news("RESCATAN A 12 VICTIMAS DE TRATA EN CHIAPAS; HAY TRES DETENIDOS", 2)));
  CHECK(same_work(a, news("Rescatan 12 víctimas de trata en Chiapas; hay 3 detenidos", 0)));
  CHECK(same_work(
      a, news("Rescatan a 12 víctimas de trata en Chiapas; hay tres detenidos (VIDEO)", 0)));
}

TEST_CASE("catalog::same_work: press releases differing only in numbers are different works") {
  CHECK_FALSE(same_work(news("Rescatan a 12 víctimas de trata en Chiapas"),
                        news("Rescatan a 15 víctimas de trata en Chiapas", 1)));
  CHECK_FALSE(same_work(news("Rescatan a 12 víctimas de trata en Chiapas"),
                        news("Rescatan a doce víctimas de trata en Chiapas y 3 en Oaxaca", 1)));
  CHECK_FALSE(same_work(news("Global Report on Trafficking in Persons 2024", 0, "en"),
                        news("Global Report on Trafficking in Persons 2026", 0, "en")));
  CHECK_FALSE(
      same_work(news("Weekly bulletin No. 45", 0, "en"), news("Weekly bulletin No. 46", 7, "en")));
  CHECK_FALSE(same_work(news("Second regional report on migrant smuggling", 0, "en"),
                        news("Third regional report on migrant smuggling", 0, "en")));
  CHECK_FALSE(same_work(news("Seminario sobre trata de personas en las Américas - Parte I"),
                        news("Seminario sobre trata de personas en las Américas - Parte II")));
  CHECK_FALSE(same_work(news("Actualización mensual sobre trata de personas – enero 2026"),
                        news("Actualización mensual sobre trata de personas – febrero 2026", 20)));
}

TEST_CASE("catalog::same_work: a substituted word, such as another place, means another event") {
  CHECK_FALSE(same_work(news("Operação resgata 27 vítimas em fazenda de Mato Grosso", 0, "pt"),
                        news("Operação resgata 27 vítimas em fazenda de Goiás", 0, "pt")));
  CHECK_FALSE(same_work(
      news("Detienen en Monterrey a presunto tratante de mujeres venezolanas"),
      news("Vinculan a proceso en Monterrey a presunto tratante de mujeres venezolanas", 4)));
  CHECK_FALSE(same_work(news("Trafficking in Persons Report - Mexico", 0, "en"),
                        news("Trafficking in Persons Report - Brazil", 0, "en")));
}

TEST_CASE("catalog::same_work: a word added at either end is tolerated only in long titles") {
  CHECK(same_work(news("UNODC: Child trafficking victims rise sharply in Central America", 0, "en"),
                  news("Child trafficking victims rise sharply in Central America", 1, "en")));
  CHECK_FALSE(same_work(news("Informe anual sobre trata de personas en México"),
                        news("Informe anual sobre trata de personas")));
  CHECK_FALSE(same_work(
      news("Capacitan a policías de Jalisco en detección de víctimas de trata"),
      news("Capacitan a policías de Jalisco y Sonora en detección de víctimas de trata")));
  CHECK_FALSE(
      same_work(news("Mexico extradites smuggler wanted in Texas to the United States", 0, "en"),
                news("United States extradites smuggler wanted in Texas to Mexico", 0, "en")));
}

TEST_CASE(
    "catalog::same_work: pages of one site ending in different segments are different works") {
  Candidate a = news(
      "UNODC Global Report on Trafficking in Persons 2026 - Central America Briefing", 0, "en");
  Candidate b =
      news("UNODC Global Report on Trafficking in Persons 2026 - South America Briefing", 0, "en");
  a.url = "unodc.org/glotip/central-america";
  b.url = "unodc.org/glotip/south-america";
  CHECK_FALSE(same_work(a, b));
  b = news(
      "UNODC Global Report on Trafficking in Persons 2026 - Central America Briefing - UN News", 1,
      "en");
  b.url = "news.un.org/en/story/2026/12/1170001";
  CHECK(same_work(a, b));
}

TEST_CASE("catalog::same_work: a kicker before a colon may be dropped, never replaced") {
  const Candidate a =
      news("Tráfico de migrantes: detienen en Tijuana a coyote buscado por muerte de 9");
  CHECK(same_work(a, news("Detienen en Tijuana a coyote buscado por muerte de nueve", 1)));
  CHECK_FALSE(same_work(news("Chiapas: rescatan a 12 víctimas de trata en un bar de la capital"),
                        news("Oaxaca: rescatan a 12 víctimas de trata en un bar de la capital")));
  CHECK_FALSE(same_work(news("Tijuana: coyote detenido"), news("Coyote detenido")));
}

TEST_CASE("catalog::same_work: identical titles merge only within the date window") {
  const Candidate a = news("Día Mundial contra la Trata: mensaje del Secretario General de la OEA");
  CHECK(same_work(a, news(a.title, 20)));
  CHECK_FALSE(same_work(a, news(a.title, 22)));
  CHECK_FALSE(same_work(a, news(a.title, 365)));
}

TEST_CASE("catalog::same_work: unknown dates need an identical title of five significant words") {
  Candidate a = news("Guatemala lanza campaña Corazón Azul en escuelas de Quetzaltenango");
  Candidate b = news(a.title + " - Prensa Libre");
  b.published.reset();
  CHECK(same_work(a, b));
  Candidate c = news("Campaña Corazón Azul en Quetzaltenango");
  c.published.reset();
  CHECK_FALSE(same_work(news("Campaña Corazón Azul en Quetzaltenango"), c));
  Candidate d = news("Lanza campaña Corazón Azul en escuelas de Quetzaltenango");
  d.published.reset();
  CHECK_FALSE(same_work(a, d));
}

TEST_CASE("catalog::same_work: short and generic titles need agreeing summaries") {
  Candidate a = news("Comunicado de prensa"), b = news("Comunicado de prensa");
  CHECK_FALSE(same_work(a, b));
  a = news("Día mundial contra la trata"), b = a;
  CHECK_FALSE(same_work(a, b));
  a.summary =
      "La OIM recordó que en 2025 se identificaron más víctimas de trata laboral en la región "
      "andina.";
  b.summary = a.summary.substr(0, 86);  // a lead cut by the syndicator
  CHECK(same_work(a, b));
}

TEST_CASE("catalog::same_work: different summaries keep identical titles apart") {
  Candidate a =
      news("Report of the Special Rapporteur on trafficking in persons, especially women", 0, "en");
  Candidate b = a;
  a.summary =
      "Report A/HRC/62/34 to the Human Rights Council, on victims in agricultural supply chains.";
  b.summary =
      "Report A/81/187 to the General Assembly, on forced criminality in online scam centres.";
  CHECK_FALSE(same_work(a, b));
  b.summary = a.title + " OHCHR";  // a Google News summary says nothing either way
  CHECK(same_work(a, b));
}

TEST_CASE("catalog::same_work: translations are never the same work") {
  CHECK_FALSE(same_work(news("CTDC Global Dataset 2026 released today", 0, "en"),
                        news("CTDC Global Dataset 2026 released today", 0, "es")));
  CHECK(same_work(news("CTDC Global Dataset 2026 released today", 0, "en-US"),
                  news("CTDC Global Dataset 2026 released today", 0, "EN")));
}

TEST_CASE("catalog::same_work: canonical URL and DOI decide before titles") {
  Candidate a = news("Labour trafficking in sugarcane", 0, "en"),
            b = news("Another title", 90, "en");
  a.doi = b.doi = "10.1080/23322705.2026.2345671";
  CHECK(same_work(a, b));
  b = a;
  b.doi = "10.1080/23322705.2026.2399001";  // a corrigendum has its own DOI
  CHECK_FALSE(same_work(a, b));
  b = news("Something else", 400, "es");
  a.url = b.url = "unodc.org/report";
  CHECK(same_work(a, b));
}

TEST_CASE(
    "catalog::same_work: a DOI cited in a summary merges only a title with or without subtitle") {
  Candidate article =
      news("Debt bondage among Haitian agricultural workers in the Dominican Republic", 0, "en");
  article.doi = "10.1086/729876";
  Candidate story =
      news("Study finds debt bondage among Haitian agricultural workers in the Dominican Republic",
           2, "en");
  story.doi = article.doi;
  story.doi_from_text = true;
  CHECK_FALSE(same_work(article, story));
  Candidate copy = news(
      "Debt bondage among Haitian agricultural workers in the Dominican Republic: "
      "advance payments and company stores",
      30, "en");
  copy.doi = article.doi;
  copy.doi_from_text = true;
  CHECK(same_work(article, copy));
  Candidate cited_other = news(article.title + " - Phys.org", 1, "en");
  cited_other.doi = "10.1086/000001";  // a cited DOI that differs proves nothing either
  cited_other.doi_from_text = true;
  CHECK(same_work(article, cited_other));
}

TEST_CASE("catalog::title_similarity: Jaccard of significant words, 1 for copies, 0 for nothing") {
  CHECK(title_similarity("Rescatan a 12 víctimas - El País", "RESCATAN 12 VICTIMAS") ==
        doctest::Approx(1.0));
  CHECK(title_similarity("a b c d", "") == 0.0);
  CHECK(title_similarity("migrant smuggling fees rise", "migrant smuggling fees fall") ==
        doctest::Approx(0.6));
}

TEST_CASE(
    "catalog::likely_editions: declared alternates and language-only URL or DOI differences") {
  Candidate en = news("Global Report on Trafficking in Persons 2026", 0, "en");
  Candidate es = news("Informe Mundial sobre la Trata de Personas 2026", 0, "es");
  CHECK_FALSE(likely_editions(en, es));  // similar numbers alone are no evidence
  en.url = "unodc.org/unodc/en/data-and-analysis/glotip.html";
  es.url = "unodc.org/unodc/es/data-and-analysis/glotip.html";
  CHECK(likely_editions(en, es));
  es.url = "unodc.org/unodc/es/informe-mundial";
  CHECK_FALSE(likely_editions(en, es));
  es.alternates = {en.url};
  CHECK(likely_editions(en, es));
  CHECK(likely_editions(es, en));
  Candidate fr = news("Rapport", 0, "fr"), pt = news("Relatório", 0, "pt");
  fr.doi = "10.18356/9789210012345.fr";
  pt.doi = "10.18356/9789210012345.pt";
  CHECK(likely_editions(fr, pt));
  pt.language = "FR-ca";
  CHECK_FALSE(likely_editions(fr, pt));  // one language: not editions of each other
}

TEST_CASE("catalog::candidate_keys: copies share a key, with a word or kicker more or less too") {
  const auto a = candidate_keys("Child trafficking victims rise sharply in Central America");
  const auto b =
      candidate_keys("UNODC: Child trafficking victims rise sharply in Central America - UN News");
  REQUIRE_FALSE(a.empty());
  CHECK(a.front() ==
        candidate_keys("CHILD TRAFFICKING VICTIMS RISE SHARPLY IN CENTRAL AMERICA").front());
  CHECK(std::find(b.begin(), b.end(), a.front()) != b.end());
  const auto kicked =
      candidate_keys("Tráfico de migrantes: detienen en Tijuana a coyote buscado por muerte");
  const auto plain = candidate_keys("Detienen en Tijuana a coyote buscado por muerte - Milenio");
  CHECK(std::find(kicked.begin(), kicked.end(), plain.front()) != kicked.end());
  CHECK(candidate_keys("Comunicado de prensa").empty());
  CHECK(a.front().size() == 16);
}

TEST_CASE("catalog::same_work: weeks apart, a title with or without its subtitle merges only when the leads agree") {
  const std::string abstract =
      "O artigo cruza dados de fiscalização com registros de exportação para mapear fornecedores envolvidos em "
      "resgates de trabalhadores.";
  auto article = [&](std::string title, std::int64_t day, std::string summary) {
    Candidate c = news(std::move(title), day, "pt");
    c.summary = std::move(summary);
    return c;
  };
  const Candidate journal =
      article("Trabalho escravo contemporâneo e cadeias produtivas do café: um estudo em Minas Gerais", 0, abstract);
  // A scholarly index a month later: the same abstract, the title whole or without its subtitle.
  CHECK(same_work(journal, article("Trabalho escravo contemporâneo e cadeias produtivas do café: um estudo em "
                                   "Minas Gerais", 40, abstract + " DOI: 10.1590/x")));
  CHECK(same_work(journal, article("Trabalho escravo contemporâneo e cadeias produtivas do café", 40, abstract)));
  CHECK(same_work(article("Trabalho escravo contemporâneo e cadeias produtivas do café", -40, abstract), journal));
  // Past the candidate window, or with another lead, it is another work.
  CHECK_FALSE(same_work(journal, article("Trabalho escravo contemporâneo e cadeias produtivas do café", 100, abstract)));
  CHECK_FALSE(same_work(journal, article("Trabalho escravo contemporâneo e cadeias produtivas do café", 40,
                                         "Entrevista com auditores fiscais sobre operações de resgate no sul de "
                                         "Minas, com depoimentos de sindicatos e empregadores da região.")));
  // Without a summary to agree, the 21-day window holds, for whole titles too.
  CHECK_FALSE(same_work(article("Informe mensual sobre trata de personas en la región andina", 0, ""),
                        article("Informe mensual sobre trata de personas en la región andina", 30, "")));
  CHECK(same_work(article("Informe mensual sobre trata de personas en la región andina", 0, ""),
                  article("Informe mensual sobre trata de personas en la región andina", 20, "")));
  // A monthly report keeps its title and changes its lead: never merged across months.
  CHECK_FALSE(same_work(
      article("Informe mensual sobre trata de personas en la región andina", 0,
              "En octubre se identificaron víctimas en Perú y Bolivia, la mayoría mujeres jóvenes captadas en línea."),
      article("Informe mensual sobre trata de personas en la región andina", 30,
              "Noviembre registró operativos en Ecuador con rescates en minas ilegales y detenciones de reclutadores.")));
  // A number in the subtitle alone is no other event's.
  const std::string survey = "We surveyed migrants crossing the Darién Gap about what they paid smugglers, to "
                             "whom, and how debts were collected on arrival in Panama.";
  const Candidate fees = article("Migrant smuggling fees along the Darién route: a survey of 1,200 migrants", 0, survey);
  CHECK(same_work(fees, article("Migrant smuggling fees along the Darién route", 30, survey)));
  CHECK_FALSE(same_work(fees, article("Migrant smuggling fees along the Darién route: a survey of 1,300 migrants", 5,
                                      survey)));
  // A short title before the colon is a kicker, not a title without its subtitle.
  CHECK_FALSE(same_work(article("Brasil: operação resgata trabalhadores em fazendas de café", 0, abstract),
                        article("Brasil", 30, abstract)));
}

TEST_CASE("catalog::candidate_keys: a title with a subtitle shares a key with the title alone") {
  const auto whole = candidate_keys("La trata de personas con fines de explotación laboral en la agricultura mexicana: "
                                    "un análisis de sentencias");
  const auto main = candidate_keys("La trata de personas con fines de explotación laboral en la agricultura mexicana");
  CHECK(std::find(whole.begin(), whole.end(), main.front()) != whole.end());
  // A kicker is no title of its own: no key for "Brasil".
  CHECK(candidate_keys("Brasil: operação resgata trabalhadores em fazendas de café em Minas") ==
        candidate_keys("Brasil operação resgata trabalhadores em fazendas de café em Minas"));
}
