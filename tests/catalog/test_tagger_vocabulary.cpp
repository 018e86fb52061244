// The vocabulary format (feeds/vocabulary/README.md): parsing, errors and each rule, on small
// inline vocabularies so that a test shows the rule it is about.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lib/catalog/tagger.hpp"
#include "lib/util/error.hpp"

using atip::catalog::Family;
using atip::catalog::parse_vocabulary;
using atip::catalog::tag;
using atip::catalog::Text;

namespace {

std::vector<std::string> values(const std::string& vocabulary, const std::string& title,
                                Family family = Family::topic) {
  return tag(Text{title, "", "en", false}, parse_vocabulary(vocabulary)).values(family);
}

std::string error_of(const std::string& vocabulary) {
  try {
    parse_vocabulary(vocabulary, "test.tsv");
  } catch (const atip::Error& e) {
    return e.what();
  }
  return "";
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("catalog::parse_vocabulary: malformed lines are errors naming file and line") {
  CHECK(error_of("# comment\n\ntpoic\tx\ten\tword\n") ==
        "vocabulary 'test.tsv' line 3: unknown family 'tpoic'");
  CHECK(error_of("topic\tx\ten\n") ==
        "vocabulary 'test.tsv' line 1: expected 4 or 5 tab-separated columns, found 3");
  CHECK(error_of("topic\tx\tde\tWort\n") ==
        "vocabulary 'test.tsv' line 1: unknown language 'de' (en, es, pt, fr or *)");
  CHECK(error_of("topic\tx\ten\tword\tw=2\n") ==
        "vocabulary 'test.tsv' line 1: weight must be a number in (0, 1]: '2'");
  CHECK(error_of("topic\tx\ten\tword\tneed=@nope\n") ==
        "vocabulary 'test.tsv' line 1: unknown set '@nope'");
  CHECK(error_of("topic\tx\ten\tword\tloud\n") == "vocabulary 'test.tsv' line 1: unknown flag 'loud'");
  CHECK(error_of("topic\tx\ten\tword\twith=y\n") == "vocabulary 'test.tsv' line 1: with=y: no such value");
  CHECK(error_of("topic\tx\ten\t--\n") == "vocabulary 'test.tsv' line 1: empty term");
  CHECK(error_of("topic\tx\ten\tword\tnext=two words\n") ==
        "vocabulary 'test.tsv' line 1: unknown flag 'words'");
}

TEST_CASE("catalog::load_vocabulary: reads every .tsv of a directory, fails on an empty one") {
  const auto dir = std::filesystem::temp_directory_path() / "atip-vocabulary-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  CHECK_THROWS_AS(atip::catalog::load_vocabulary(dir.string()), atip::Error);
  std::ofstream(dir / "a.tsv") << "set\tctx\t*\tvictims|workers\n";
  std::ofstream(dir / "b.tsv") << "topic\tforced_labour\ten\tforced labour\n"
                                  "topic\ttip_general\ten\ttrafficking\tneed=@ctx\n";
  std::ofstream(dir / "notes.txt") << "not vocabulary\n";
  const auto v = atip::catalog::load_vocabulary(dir.string());
  REQUIRE(v.terms.size() == 2);
  CHECK(v.terms[1].source == "b.tsv:2");
  CHECK(v.terms[1].text == "trafficking");
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(atip::catalog::load_vocabulary(dir.string()), atip::Error);
}

TEST_CASE("catalog::tag: terms match whole words, any case, any accents, as phrases") {
  const std::string v = "topic\tforced_labour\tpt\ttrabalho escravo\n";
  CHECK(values(v, "TRABALHO ESCRAVO em fazenda") == Strings{"forced_labour"});
  CHECK(values(v, "Trabálho Escravo") == Strings{"forced_labour"});
  CHECK(values(v, "trabalho escravocrata") == Strings{});
  CHECK(values(v, "trabalho, escravo") == Strings{"forced_labour"});  // punctuation is a gap
  CHECK(values(v, "trabalho: escravo") == Strings{});                 // but ':' ends a phrase
}

TEST_CASE("catalog::tag: 'case' and 'cap' rules compare the original spelling") {
  const std::string v = "country\tUS\t*\tUS\tcase\ncountry\tCL\t*\tChile\tcap\n";
  CHECK(values(v, "Tell us more", Family::country) == Strings{});
  CHECK(values(v, "US report", Family::country) == Strings{"US"});
  CHECK(values(v, "red chile sauce", Family::country) == Strings{});
  CHECK(values(v, "Chile report", Family::country) == Strings{"CL"});
}

TEST_CASE("catalog::tag: neighbour rules accept or reject by the adjacent word") {
  const std::string v =
      "topic\ttip_general\tes\ttrata de personas\tnot-prev=se\n"
      "country\tSV\tfr\tSalvador\tprev=le|au\n"
      "country\tGY\t*\tGuiana\tnot-next=francesa\n";
  CHECK(values(v, "se trata de personas que") == Strings{});
  CHECK(values(v, "la trata de personas") == Strings{"tip_general"});
  CHECK(values(v, "au Salvador", Family::country) == Strings{"SV"});
  CHECK(values(v, "Salvador Allende", Family::country) == Strings{});
  CHECK(values(v, "Guiana Francesa", Family::country) == Strings{});
}

TEST_CASE("catalog::tag: need and unless look at the whole document") {
  const std::string v = "set\tctx\t*\tvictims|exploited\n"
                        "topic\ttip_general\ten\ttrafficking\tneed=@ctx unless=cocaine\n";
  CHECK(values(v, "trafficking case") == Strings{});
  CHECK(values(v, "trafficking case: victims heard") == Strings{"tip_general"});
  CHECK(values(v, "trafficking of cocaine, victims of violence") == Strings{});
}

TEST_CASE("catalog::tag: with and without depend on the other values found") {
  const std::string v = "topic\ttip_general\ten\thuman trafficking\n"
                        "topic\tchild_trafficking\ten\tchildren\twith=tip_general w=0.6\n"
                        "topic\tchild_sexual_exploitation\ten\tabuse\twithout=tip_general\n";
  CHECK(values(v, "children at school") == Strings{});
  CHECK(values(v, "human trafficking of children") == Strings{"tip_general", "child_trafficking"});
  CHECK(values(v, "abuse") == Strings{"child_sexual_exploitation"});
  CHECK(values(v, "abuse and human trafficking") == Strings{"tip_general"});
}

TEST_CASE("catalog::tag: longer matches hide shorter ones; masks hide every family") {
  const std::string v = "topic\ttip_general\ten\ttrafficking\tw=0.8\n"
                        "negative\tdrugs\ten\tdrug trafficking\n"
                        "country\tMX\t*\tMexico\n"
                        "country\tUS\t*\tNew Mexico\n"
                        "mask\tplaces\ten\tGulf of Mexico\n";
  CHECK(values(v, "drug trafficking") == Strings{});
  CHECK(values(v, "trafficking") == Strings{"tip_general"});
  CHECK(values(v, "New Mexico", Family::country) == Strings{"US"});
  CHECK(values(v, "Gulf of Mexico", Family::country) == Strings{});
}

TEST_CASE("catalog::tag: a demonym is weak unless an authority stands next to it") {
  const std::string v = "set\tauthority\t*\tauthorities|policia\n"
                        "country\tMX\t*\tMexican\tdemonym\n"
                        "country\tMX\t*\tmexicana\tdemonym\n";
  CHECK(values(v, "Mexican women", Family::country) == Strings{});
  CHECK(values(v, "Mexican authorities", Family::country) == Strings{"MX"});
  CHECK(tag(Text{"la policía mexicana", "", "es", false}, parse_vocabulary(v))
            .values(Family::country) == Strings{"MX"});
}

TEST_CASE("catalog::tag: relevance ranks trafficking above smuggling above unrelated items") {
  const std::string v = "topic\ttip_general\ten\thuman trafficking\n"
                        "topic\tmigrant_smuggling\ten\tmigrant smuggling\n"
                        "negative\tdrugs\ten\tcocaine\n";
  const auto vocabulary = parse_vocabulary(v);
  const auto relevance = [&](const char* title) {
    return tag(Text{title, "", "en", false}, vocabulary).relevance;
  };
  CHECK(relevance("human trafficking") == doctest::Approx(1.0));
  CHECK(relevance("migrant smuggling") == doctest::Approx(0.6));
  CHECK(relevance("weather") == doctest::Approx(0.0));
  CHECK(relevance("migrant smuggling and cocaine") < atip::catalog::kRelevantThreshold);
  CHECK(relevance("human trafficking and cocaine") >= atip::catalog::kRelevantThreshold);
}
