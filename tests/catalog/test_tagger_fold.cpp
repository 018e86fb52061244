#include <doctest/doctest.h>

#include "lib/catalog/fold.hpp"

using atip::catalog::fold;
using atip::catalog::tokenize;
using atip::catalog::TokenizedText;

TEST_CASE("catalog::fold: lower-cases and strips Latin diacritics in all four languages") {
  CHECK(fold("Tráfico de PESSOAS, ÉTATS-UNIS, niñas, ação, Œuvre, Straße") ==
        "trafico de pessoas, etats-unis, ninas, acao, oeuvre, strasse");
  CHECK(fold("Łódź Čačak İstanbul") == "lodz cacak istanbul");
  CHECK(fold("nº 5, 1ª") == "no 5, 1a");
  CHECK(fold("日本 and Ελλάδα") == "日本 and Ελλάδα");  // untouched beyond Latin Extended-A
}

TEST_CASE("catalog::tokenize: words split on punctuation, apostrophes and hyphens") {
  TokenizedText t;
  tokenize("«Trata» d'enfants, U.S. anti-trafficking: ¿qué?", t);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) words.emplace_back(t.word(i));
  CHECK(words == std::vector<std::string>{"trata", "d", "enfants", "u", "s", "anti",
                                          "trafficking", "que"});
  CHECK(t.raw_word(0) == "Trata");
  CHECK(t.tokens[0].capital);
  CHECK_FALSE(t.tokens[1].capital);
  CHECK(t.tokens[7].barrier);  // after ':' a phrase may not continue
}

TEST_CASE("catalog::tokenize: each call starts a new field that phrases do not cross") {
  TokenizedText t;
  tokenize("Human", t);
  tokenize("trafficking", t);
  REQUIRE(t.tokens.size() == 2);
  CHECK(t.tokens[1].barrier);
  CHECK(t.raw_word(1) == "trafficking");
}

TEST_CASE("catalog::tokenize: invalid UTF-8 does not break tokenisation") {
  TokenizedText t;
  tokenize("abc\xff" "def \xc3", t);
  REQUIRE(t.tokens.size() == 2);
  CHECK(t.word(0) == "abc");
  CHECK(t.word(1) == "def");
}
