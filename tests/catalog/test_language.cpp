#include <doctest/doctest.h>

#include "lib/catalog/language.hpp"

using atip::catalog::identify_language;

TEST_CASE("catalog::identify_language: the four languages from short titles") {
  CHECK(identify_language("Police rescue nine women from massage parlours") == "en");
  CHECK(identify_language("Rescatan a 12 víctimas de trata en Chiapas") == "es");
  CHECK(identify_language("Polícia resgata 30 trabalhadores em fazenda") == "pt");
  CHECK(identify_language("La GRC démantèle un réseau de traite à Montréal") == "fr");
}

TEST_CASE("catalog::identify_language: Spanish and Portuguese are told apart") {
  CHECK(identify_language("Las mujeres fueron explotadas en los bares de la ciudad") == "es");
  CHECK(identify_language("As mulheres não foram identificadas pela polícia") == "pt");
  CHECK(identify_language("Operação contra exploração de crianças") == "pt");
  CHECK(identify_language("Niños y niñas en situación de calle") == "es");
  CHECK(identify_language("Trabalhadores resgatados no Pará") == "pt");
  CHECK(identify_language("Ley de trata: el Congreso aprueba la reforma") == "es");
}

TEST_CASE("catalog::identify_language: the feed's language decides when the text says too little") {
  CHECK(identify_language("Brasil", "pt-BR") == "pt");
  CHECK(identify_language("Brasil", "es") == "es");
  CHECK(identify_language("Costa Rica 2026", "es-CR") == "es");
  CHECK(identify_language("Rescatan a 12 víctimas de trata de personas en Chiapas", "en") == "es");
}

TEST_CASE("catalog::identify_language: other languages and empty text") {
  CHECK(identify_language("") == "other");
  CHECK(identify_language("", "fr") == "fr");
  CHECK(identify_language("De slachtoffers werden gedwongen in de prostitutie te werken, zei de "
                          "politie van Paramaribo gisteren") == "other");
  CHECK(identify_language("Anpil timoun ap travay nan kay moun san yo pa peye yo") == "other");
}

TEST_CASE("catalog::identify_language: malformed hints and invalid UTF-8 are harmless") {
  CHECK(identify_language("Police rescue women", "xx-YY") == "en");
  CHECK(identify_language("\xff\xfe trata de personas \xc3", "") == "es");
}
