#include <doctest/doctest.h>

#include "lib/catalog/edition_links.hpp"

using atip::catalog::edition_language;
using atip::catalog::edition_links;

TEST_CASE("catalog::edition_language: anchors that name a language edition, in four languages") {
  CHECK(edition_language("Versión en español") == "es");
  CHECK(edition_language("VERSION EN ESPAÑOL") == "es");
  CHECK(edition_language("English version") == "en");
  CHECK(edition_language("Read the report in English") == "en");
  CHECK(edition_language("versão em português") == "pt");
  CHECK(edition_language("Version française") == "fr");
  CHECK(edition_language("Lire en français") == "fr");
  CHECK(edition_language("Español") == "es");
  // Sentences that merely mention a language, and ordinary anchors, are not editions.
  CHECK(edition_language("Spanish authorities rescued 12 victims") == "");
  CHECK(edition_language("the English Channel crossing") == "");
  CHECK(edition_language("Informe completo") == "");
  CHECK(edition_language("") == "");
}

TEST_CASE("catalog::edition_links: hrefs resolved against the entry's link, entities decoded") {
  const auto links = edition_links(
      "<p>El informe anual.</p><p><a href=\"/en/report-2026?a=1&amp;b=2\">English version</a> · "
      "<A HREF='https://www.unodc.org/pt/relatorio-2026'>Versão em português</A> · "
      "<a href=\"/es/otro\">Otro informe</a> <a href=\"mailto:x@y.org\">English</a></p>",
      "https://www.unodc.org/es/informe-2026");
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "https://www.unodc.org/en/report-2026?a=1&b=2");
  CHECK(links[0].language == "en");
  CHECK(links[1].url == "https://www.unodc.org/pt/relatorio-2026");
  CHECK(links[1].language == "pt");
}

TEST_CASE("catalog::edition_links: malformed markup gives no link rather than a wrong one") {
  CHECK(edition_links("<a href=\"https://x.org/en\">English version", "").empty());  // unclosed
  CHECK(edition_links("<a href=\"https://x.org/en\"", "").empty());
  CHECK(edition_links("<abbr title=\"x\">English</abbr>", "").empty());
  CHECK(edition_links("<a>English version</a>", "").empty());  // no href
  CHECK(edition_links("", "").empty());
}
