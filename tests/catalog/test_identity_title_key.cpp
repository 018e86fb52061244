#include <doctest/doctest.h>

#include "lib/catalog/title_key.hpp"

using atip::catalog::fold_text;
using atip::catalog::fold_words;
using atip::catalog::strip_publisher_suffix;
using atip::catalog::title_key;

TEST_CASE("catalog::fold_text: case, Latin accents and punctuation are folded away") {
  CHECK(fold_text("Tráfico de PESSOAS") == "trafico de pessoas");
  CHECK(fold_text("Œuvre, Façade; Straße") == "oeuvre  facade  strasse");
  CHECK(fold_text("«Trata» ¿qué?") == " trata   que ");
  CHECK(fold_text("Tra\xCC\x81"
                  "fico") == "trafico");  // decomposed accent (NFD)
  CHECK(fold_text("\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 dash") == " quoted    dash");
}

TEST_CASE("catalog::fold_words: numbers are words of their own and thousands separators join") {
  CHECK(fold_words("No.45") == std::vector<std::string>{"no", "45"});
  CHECK(fold_words("COVID-19 y 1ª edición") ==
        std::vector<std::string>{"covid", "19", "y", "1", "edicion"});
  CHECK(fold_words("1,200 victims") == fold_words("1.200 victims"));
  CHECK(fold_words("12.500.000 dólares").front() == "12500000");
  CHECK(fold_words("2024,2025") == std::vector<std::string>{"2024", "2025"});
  CHECK(fold_words("3.5 million") == std::vector<std::string>{"3", "5", "million"});
}

TEST_CASE("catalog::strip_publisher_suffix: publisher names after a separator are removed") {
  CHECK(strip_publisher_suffix("Rescatan a 12 víctimas de trata en Chiapas - El País") ==
        "Rescatan a 12 víctimas de trata en Chiapas");
  CHECK(strip_publisher_suffix("UNODC launches new report on smuggling | UN News") ==
        "UNODC launches new report on smuggling");
  CHECK(strip_publisher_suffix("PF deflagra operação contra tráfico de pessoas – Agência Brasil") ==
        "PF deflagra operação contra tráfico de pessoas");
  CHECK(strip_publisher_suffix("Police rescue women from brothel - Trinidad and Tobago Newsday") ==
        "Police rescue women from brothel");
  CHECK(strip_publisher_suffix("Réseau de passeurs démantelé à Cayenne - Guyane la 1ère") ==
        "Réseau de passeurs démantelé à Cayenne");
  CHECK(strip_publisher_suffix("Operação resgata 27 trabalhadores em Goiás | g1 | g1") ==
        "Operação resgata 27 trabalhadores em Goiás");
  CHECK(strip_publisher_suffix("Condenan a tratantes en Buenos Aires - infobae.com") ==
        "Condenan a tratantes en Buenos Aires");
}

TEST_CASE("catalog::strip_publisher_suffix: subtitles, places, dates and issue numbers stay") {
  for (const char* title :
       {"Informe anual sobre trata - resumen ejecutivo", "Trafficking in Persons Report - Mexico",
        "Rescatan a migrantes abandonados en un tráiler - Veracruz",
        "Operação resgata trabalhadores em fazenda | Mato Grosso",
        "Boletín semanal de migración - 3 de marzo de 2026",
        "Seminario internacional sobre trata - Parte II", "Monthly Migration Update – March",
        "Global report - Annex", "Newsletter - El País", "Weekly bulletin | No. 45"}) {
    CAPTURE(title);
    CHECK(strip_publisher_suffix(title) == title);
  }
}

TEST_CASE(
    "catalog::title_key: copies that differ in case, accents, quotes and suffix share a key") {
  const std::string key = title_key("Tráfico de migrantes: detienen a 'coyote' en Tijuana");
  CHECK(key == "trafico de migrantes detienen a coyote en tijuana");
  CHECK(title_key("TRAFICO DE MIGRANTES — detienen a \xE2\x80\x98"
                  "coyote\xE2\x80\x99 en Tijuana - Milenio") == key);
  CHECK(title_key("trafico de migrantes: detienen a “coyote” en Tijuana.") == key);
  CHECK(title_key("") == "");
}

TEST_CASE(
    "catalog::strip_publisher_suffix: a segment starting with a lower-case accented letter is no "
    "name") {
  CHECK(strip_publisher_suffix("Informe sobre trata en la región andina - él lo explica") ==
        "Informe sobre trata en la región andina - él lo explica");
  CHECK(strip_publisher_suffix("Tráfico de pessoas cresce no Brasil - Época Negócios") ==
        "Tráfico de pessoas cresce no Brasil");
}
