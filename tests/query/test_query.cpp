#include <doctest/doctest.h>

#include "lib/query/query.hpp"

using atip::query::SyntaxError;
using atip::query::to_fts5;

TEST_CASE("query::to_fts5: plain words are quoted and joined with AND") {
  CHECK(to_fts5("trata personas") == "\"trata\" AND \"personas\"");
  CHECK(to_fts5("  trata   ") == "\"trata\"");
}

TEST_CASE("query::to_fts5: phrases, prefixes and operators pass through safely") {
  CHECK(to_fts5("\"trata de personas\"") == "\"trata de personas\"");
  CHECK(to_fts5("traf*") == "\"traf\"*");
  CHECK(to_fts5("trata OR tráfico") == "\"trata\" OR \"tráfico\"");
  CHECK(to_fts5("trata NOT drogas") == "\"trata\" NOT \"drogas\"");
  CHECK(to_fts5("trata -drogas") == "\"trata\" NOT \"drogas\"");
  CHECK(to_fts5("(trata OR trafficking) chile") == "( \"trata\" OR \"trafficking\" ) AND \"chile\"");
}

TEST_CASE("query::to_fts5: FTS5 syntax characters in words cannot reach FTS5") {
  CHECK(to_fts5("title:trata") == "\"title:trata\"");
  CHECK_THROWS_AS(to_fts5("a\"b"), SyntaxError);
  CHECK(to_fts5("near^ *") == "\"near^\"");
  CHECK(to_fts5("- ... * — ¿ «»").empty());
  CHECK(to_fts5("trata — Chile") == "\"trata\" AND \"Chile\"");
}

TEST_CASE("query::to_fts5: malformed queries say where the problem is") {
  auto message = [](const char* q) {
    try {
      to_fts5(q);
    } catch (const SyntaxError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("\"trata de") == "unterminated phrase at column 1");
  CHECK(message("OR trata") == "OR at column 1 needs a word before it");
  CHECK(message("trata AND") == "AND at column 7 needs a word after it");
  CHECK(message("trata OR OR x") == "OR at column 7 needs a word after it");
  CHECK(message("(trata") == "unmatched '(' in the query");
  CHECK(message("trata)") == "unmatched ')' at column 6");
  CHECK(message("x () y") == "empty parentheses at column 3");
  CHECK(message("-drogas") == "NOT at column 1 needs a word before it");
}

TEST_CASE("query::to_fts5: an expander turns known phrases and word runs into groups of equivalents") {
  const atip::query::Expander expand = [](std::string_view words) -> std::vector<std::string> {
    if (words == "trata de personas") return {"human trafficking", "tráfico de pessoas"};
    return {};
  };
  CHECK(to_fts5("\"trata de personas\" chile", expand) ==
        "( \"trata de personas\" OR \"human trafficking\" OR \"tráfico de pessoas\" ) AND \"chile\"");
  CHECK(to_fts5("chile trata de personas", expand) ==
        "\"chile\" AND ( \"trata de personas\" OR \"human trafficking\" OR \"tráfico de pessoas\" )");
  CHECK(to_fts5("drogas NOT trata de personas", expand) ==
        "\"drogas\" NOT ( \"trata de personas\" OR \"human trafficking\" OR \"tráfico de pessoas\" )");
  CHECK(to_fts5("trata* de personas", expand) == "\"trata\"* AND \"personas\"");
  CHECK(to_fts5("chile", expand) == "\"chile\"");
}

TEST_CASE("query::to_fts5: function words leave a query of words, not a phrase or an operator") {
  CHECK(to_fts5("redes de trata") == "\"redes\" AND \"trata\"");
  CHECK(to_fts5("Trafficking IN the Americas") == "\"Trafficking\" AND \"Americas\"");
  CHECK(to_fts5("tráfico de pessoas na fronteira") == "\"tráfico\" AND \"pessoas\" AND \"fronteira\"");
  CHECK(to_fts5("traite d'enfants") == "\"traite\" AND \"enfants\"");
  CHECK(to_fts5("l\u2019exploitation") == "\"exploitation\"");
  CHECK(to_fts5("o'brien") == "\"o'brien\"");
  // Kept inside phrases, where they carry the word order.
  CHECK(to_fts5("\"trata de personas\" en chile") == "\"trata de personas\" AND \"chile\"");
  // Kept when nothing else would be left.
  CHECK(to_fts5("de la") == "\"de\" AND \"la\"");
  CHECK(to_fts5("the") == "\"the\"");
  // Kept as operands of an operator, where leaving them out would change the query.
  CHECK(to_fts5("trata NOT de") == "\"trata\" NOT \"de\"");
  CHECK(to_fts5("(de OR la) trata") == "( \"de\" OR \"la\" ) AND \"trata\"");
  // Prefixes and words that are content in one of the languages stay.
  CHECK(to_fts5("de* trata") == "\"de\"* AND \"trata\"");
  CHECK(to_fts5("trabajo con niños") == "\"trabajo\" AND \"con\" AND \"niños\"");
  CHECK(to_fts5("América del Sur") == "\"América\" AND \"Sur\"");
}

TEST_CASE("query::to_fts5: control characters separate words, in phrases too") {
  // Found by the fuzzer (which now runs every translation through FTS5): FTS5 ends a quoted
  // string at a NUL, so a NUL passed on made SQLite report an unterminated string.
  using namespace std::string_literals;
  CHECK(to_fts5("trata\0personas"s) == "\"trata\" AND \"personas\"");
  CHECK(to_fts5("\"tráfico\0de\tpersonas\""s) == "\"tráfico de personas\"");
  CHECK(to_fts5("\x01trata\x7F"s) == "\"trata\"");
}
