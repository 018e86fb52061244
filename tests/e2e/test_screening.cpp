// search filters and formats, mark and stats through the built binary, on the sample feeds.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/common/samples.hpp"

using atip::testing::RunResult;
using atip::testing::SampleCatalogue;

namespace {
std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}
}  // namespace

TEST_CASE("e2e: search filters by language, feed and date, sorts by date, and writes csv and tsv") {
  SampleCatalogue c;
  RunResult r = c.run({"search", "trafico", "--lang", "pt", "--format", "tsv"});
  REQUIRE(r.status == 0);
  REQUIRE(!lines(r.out).empty());
  for (const auto& line : lines(r.out)) CHECK(line.find("\tpt\t") != std::string::npos);
  // A region is dropped, as it is from a document's language; a word is not a code.
  CHECK(c.run({"search", "trafico", "--lang", "PT-br", "--format", "tsv"}).out == r.out);
  const RunResult wrong = c.run({"search", "trafico", "--lang", "portuguese"});
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("--lang 'portuguese' is not a language code") != std::string::npos);
  CHECK(c.run({"export", "--lang", "en", "--lang", "1x", "--format", "csv"}).status == 2);
  r = c.run({"search", "trafficking", "--feed", "3", "--format", "json", "-n", "0"});
  REQUIRE(r.status == 0);
  for (const auto& d : nlohmann::json::parse(r.out)) {
    bool from_feed_3 = false;
    for (const auto& s : d["sightings"]) from_feed_3 |= s["feed_id"] == 3;
    CHECK(from_feed_3);
  }
  r = c.run({"search", "trata OR trafficking OR trafico", "--sort", "date", "--format", "tsv", "-n", "0"});
  const auto rows = lines(r.out);
  REQUIRE(rows.size() > 3);
  for (std::size_t i = 1; i < rows.size(); ++i)
    CHECK(rows[i - 1].substr(rows[i - 1].find('\t') + 1, 10) >= rows[i].substr(rows[i].find('\t') + 1, 10));
  r = c.run({"search", "trata", "--since", "2026-11-15", "--until", "2026-11-20", "--format", "csv"});
  REQUIRE(r.status == 0);
  const auto csv = lines(r.out);
  CHECK(csv[0] == "id,date,language,title,publishers,link\r");
  for (std::size_t i = 1; i < csv.size(); ++i) {
    const std::string date = csv[i].substr(csv[i].find(',') + 1, 10);
    CHECK(date >= "2026-11-15");
    CHECK(date <= "2026-11-20");
  }
  CHECK(c.run({"search", "trata", "--since", "yesterday"}).status == 2);
  // Swapped dates are refused, not answered with nothing; one day is a range.
  const RunResult swapped = c.run({"search", "trata", "--since", "2026-11-20", "--until", "2026-11-15"});
  CHECK(swapped.status == 2);
  CHECK(swapped.err.find("--since 2026-11-20 is after --until 2026-11-15: no date is in between") != std::string::npos);
  CHECK(c.run({"export", "--month", "2026-11", "--since", "2026-12-01", "--format", "csv"}).status == 2);
  CHECK(c.run({"stats", "--since", "1m", "--until", "6m"}).status == 2);
  CHECK(c.run({"search", "trata", "--since", "2026-11-15", "--until", "2026-11-15"}).status != 2);
  CHECK(c.run({"search", "trata", "--feed", "99"}).status == 1);
}

TEST_CASE("e2e: mark sets screening state, star and note, and search and export filter on them") {
  SampleCatalogue c;
  CHECK(c.run({"mark", "1", "2", "--include", "--note", "for the December digest"}).status == 0);
  CHECK(c.run({"mark", "3", "--exclude", "--star"}).status == 0);
  // An id or a count that is not one is refused in words, not as a range of floating-point numbers.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"mark", "0", "--star"},
                                               {"show", "abc"}, {"search", "trata", "--limit", "-1"}}) {
    const RunResult bad = c.run(args);
    CHECK(bad.status == 2);
    CHECK(bad.err.find(args[0] == "search" ? "--limit: '-1' is not a number of documents (0 for all)"
                                           : "is not a document id (a whole number from 1, as search prints it)") !=
          std::string::npos);
    CHECK(bad.err.find("0.000000") == std::string::npos);
  }
  RunResult r = c.run({"search", "trata OR trafficking OR trafico OR tráfico", "--state", "included", "--format", "json"});
  for (const auto& d : nlohmann::json::parse(r.out)) {
    CHECK(d["state"] == "included");
    CHECK(d["note"] == "for the December digest");
  }
  r = c.run({"export", "--format", "json", "--state", "starred"});
  const auto starred = nlohmann::json::parse(r.out);
  REQUIRE(starred.size() == 1);
  CHECK(starred[0]["id"] == 3);
  CHECK(starred[0]["state"] == "excluded");
  r = c.run({"mark", "1", "4242", "--maybe"});
  CHECK(r.status == 1);
  CHECK(r.err.find("no document 4242 in the catalogue (the others were marked)") != std::string::npos);
  r = c.run({"mark", "4242", "4243", "4242", "--maybe"});
  CHECK(r.status == 1);
  CHECK(r.err == "atip: error: no documents 4242, 4243 in the catalogue\n");
  CHECK(c.run({"mark", "1", "--include", "--exclude"}).status == 2);
  CHECK(c.run({"mark", "1"}).status == 2);
}

TEST_CASE("e2e: stats counts documents by month, feed and language; tsv when piped, json on request") {
  SampleCatalogue c;
  RunResult r = c.run({"stats", "--by", "lang"});
  REQUIRE(r.status == 0);
  std::int64_t total = 0;
  for (const auto& line : lines(r.out)) total += std::stoll(line.substr(line.find('\t') + 1));
  const auto all = nlohmann::json::parse(c.run({"export", "--format", "json"}).out);
  CHECK(!all.empty());
  CHECK(total == static_cast<std::int64_t>(all.size()));
  r = c.run({"stats", "--by", "month", "--format", "json"});
  for (const auto& row : nlohmann::json::parse(r.out)) CHECK(row["month"].get<std::string>().rfind("2026-", 0) == 0);
  r = c.run({"stats", "--by", "feed", "--month", "2026-11", "--format", "json"});
  CHECK(nlohmann::json::parse(r.out).size() == 6);
  CHECK(c.run({"stats", "--by", "colour"}).status == 2);
}

TEST_CASE("e2e: search --expand finds the vocabulary's equivalents in the other languages") {
  SampleCatalogue c;
  auto languages = [&](const std::vector<std::string>& args) {
    std::set<std::string> out;
    for (const auto& line : lines(c.run(args).out)) out.insert(line.substr(line.find('\t', line.find('\t') + 1) + 1, 2));
    return out;
  };
  CHECK(languages({"search", "\"trata de personas\"", "-n", "0"}) == std::set<std::string>{"es"});
  const auto expanded = languages({"search", "--expand", "\"trata de personas\"", "-n", "0"});
  CHECK(expanded.count("es") == 1);
  CHECK(expanded.count("en") == 1);
}

TEST_CASE("e2e: tags lists the vocabulary with document counts; retag keeps every document") {
  SampleCatalogue c;
  RunResult r = c.run({"tags", "--format", "json"});
  REQUIRE(r.status == 0);
  std::int64_t tip_general = -1;
  for (const auto& row : nlohmann::json::parse(r.out))
    if (row["family"] == "topic" && row["value"] == "tip_general") tip_general = row["documents"];
  CHECK(tip_general > 10);
  const auto before = nlohmann::json::parse(c.run({"export", "--format", "json", "--all"}).out);
  CHECK(c.run({"retag"}).status == 0);
  const auto after = nlohmann::json::parse(c.run({"export", "--format", "json", "--all"}).out);
  CHECK(after.size() == before.size());
  CHECK(after == before);  // same vocabulary, same tags
}
