// `atip export` through the built binary on the fetched sample feeds: every format, the
// filters, the digest options and the all-or-nothing output file.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/common/samples.hpp"

using namespace atip::testing;

TEST_CASE("e2e: export writes every format, with the same documents in each") {
  SampleCatalogue c;
  const auto docs = nlohmann::json::parse(c.run({"export", "--format", "json", "--all"}).out);
  REQUIRE(docs.size() > 5);
  for (const char* format : {"md", "html", "csv", "tsv", "json", "jsonl", "bibtex", "ris", "csljson", "atom", "opml"}) {
    CAPTURE(format);
    const auto r = c.run({"export", "--all", "--format", format});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.size() > 200);
  }
  const std::string jsonl = c.run({"export", "--all", "-f", "jsonl"}).out;
  CHECK(std::count(jsonl.begin(), jsonl.end(), '\n') == static_cast<long>(docs.size()));
  const std::string ris = c.run({"export", "--all", "-f", "ris"}).out;
  std::size_t records = 0;
  for (std::size_t at = 0; (at = ris.find("ER  - \r\n", at)) != std::string::npos; ++at) ++records;
  CHECK(records == docs.size());
  const auto csl = nlohmann::json::parse(c.run({"export", "--all", "-f", "csljson"}).out);
  CHECK(csl.size() == docs.size());
}

TEST_CASE("e2e: export filters as search does: month, language, query, state") {
  SampleCatalogue c;
  const auto all = nlohmann::json::parse(c.run({"export", "-f", "json", "--all"}).out);
  const auto october = nlohmann::json::parse(c.run({"export", "-f", "json", "--all", "--month", "2026-10"}).out);
  for (const auto& d : october) CHECK(d["published"].get<std::string>().rfind("2026-10", 0) == 0);
  CHECK(october.size() < all.size());
  const auto spanish = nlohmann::json::parse(c.run({"export", "-f", "json", "--all", "--lang", "es"}).out);
  REQUIRE(!spanish.empty());
  for (const auto& d : spanish) CHECK(d["language"] == "es");
  const auto query = nlohmann::json::parse(c.run({"export", "trata", "-f", "csljson", "--all"}).out);
  CHECK(!query.empty());
  CHECK(query.size() < all.size());
  CHECK(nlohmann::json::parse(c.run({"export", "-f", "json", "--state", "included"}).out).empty());
  CHECK(c.run({"export", "--month", "2026-13"}).status == 2);
  CHECK(c.run({"export", "--format", "pdf"}).status == 2);
  CHECK(c.run({"export", "--group-by", "colour"}).status == 2);
}

TEST_CASE("e2e: the digest's counts, grouping and language") {
  SampleCatalogue c;
  auto r = c.run({"export", "--all", "--lang", "es"});
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("# Trata de personas: boletín de publicaciones\n", 0) == 0);
  CHECK(r.out.find("## En cifras") != std::string::npos);
  CHECK(r.out.find("- Obras nuevas: ") != std::string::npos);
  r = c.run({"export", "--all", "--lang", "es", "--digest-lang", "fr", "--group-by", "country"});
  CHECK(r.out.find("## En chiffres") != std::string::npos);
  CHECK(r.out.find("- Par pays: ") != std::string::npos);
  r = c.run({"export", "--all", "--group-by", "feed", "--title", "November digest"});
  CHECK(r.out.rfind("# November digest\n", 0) == 0);
  const auto html = c.run({"export", "--all", "-f", "html", "--digest-lang", "pt"}).out;
  CHECK(html.find("<html lang=\"pt\">") != std::string::npos);
  CHECK(html.find("Obras por semana") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
}

TEST_CASE("e2e: export -o replaces the file only when complete; --bom for spreadsheets") {
  SampleCatalogue c;
  const std::string out = c.tmp.file("digest.csv");
  auto r = c.run({"export", "--all", "-f", "csv", "--bom", "-o", out});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(slurp(out).rfind("\xEF\xBB\xBFid,date,title,", 0) == 0);
  // A failing export (an unknown feed) leaves the previous file as it was and no temporary file.
  r = c.run({"export", "--all", "-f", "json", "--feed", "999", "-o", out});
  CHECK(r.status != 0);
  CHECK(slurp(out).rfind("\xEF\xBB\xBFid,", 0) == 0);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(c.tmp.path())) files += e.path().filename().string().find("digest") != std::string::npos;
  CHECK(files == 1);
  CHECK(c.run({"export", "-o", c.tmp.file("no/such/dir/x.md")}).status != 0);
  CHECK(!std::filesystem::exists(c.tmp.file("no/such/dir")));
}
