// `atip import` through the built binary: every export format of `atip export` that describes
// works (bibtex, ris, csljson, csv, tsv, json, jsonl) imports back into a fresh catalogue with
// nothing lost, and into the catalogue it came from without a single new document.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "lib/export/citation.hpp"
#include "lib/text/html.hpp"
#include "tests/common/samples.hpp"

using namespace atip::testing;
using json = nlohmann::json;

namespace {

// Names as the citation formats read them, so "Ana de la Cruz" equals "de la Cruz, Ana".
std::set<std::pair<std::string, std::string>> names(const json& authors) {
  std::string joined;
  for (const auto& a : authors) joined += (joined.empty() ? "" : "; ") + a.get<std::string>();
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& n : atip::exporter::author_names(joined))
    out.insert(n.family.empty() ? std::pair{n.literal, std::string()} : std::pair{n.family, n.given});
  return out;
}

std::string day(const json& doc) {
  const json& d = doc["published"].is_null() ? doc["first_seen"] : doc["published"];
  return d.get<std::string>().substr(0, 10);
}

std::set<std::string> values(const json& doc, const char* family) {
  std::set<std::string> out;
  for (const auto& v : doc["tags"][family]) out.insert(v.get<std::string>());
  return out;
}

std::string csv_quoted(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

json export_json(const std::map<std::string, std::string>& env) {
  const RunResult r = run_atip({"export", "-f", "json", "--all"}, env);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("e2e: exports import back without loss or duplicates") {
  SampleCatalogue c;
  const json original = export_json(c.env);
  REQUIRE(original.size() > 20);
  const std::int64_t before = static_cast<std::int64_t>(original.size());
  for (const std::string format : {"bibtex", "ris", "csljson", "csv", "tsv", "json", "jsonl"}) {
    CAPTURE(format);
    const std::string ext = format == "bibtex" ? "bib" : format == "csljson" ? "json" : format;
    const RunResult exported = c.run({"export", "-f", format, "--all"});
    REQUIRE(exported.status == 0);
    const std::string file = c.tmp.write("library." + ext, exported.out);

    // A fresh catalogue: every work comes back once, with what the format carries.
    std::map<std::string, std::string> fresh = c.env;
    fresh["ATIP_DB"] = c.tmp.file(format + ".db");
    REQUIRE(run_atip({"init"}, fresh).status == 0);
    RunResult r = run_atip({"import", file}, fresh);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find(std::to_string(before) + " added, 0 merged") != std::string::npos);
    const json imported = export_json(fresh);
    REQUIRE(imported.size() == original.size());
    std::map<std::string, const json*> by_link;
    for (const auto& d : imported) by_link[d["link"].get<std::string>()] = &d;
    for (const auto& o : original) {
      const std::string link = o["link"].get<std::string>();
      CAPTURE(link);
      REQUIRE(by_link.count(link));
      const json& i = *by_link[link];
      CHECK(i["title"] == o["title"]);
      CHECK(day(i) == day(o));
      CHECK(names(i["authors"]) == names(o["authors"]));
      CHECK(i["language"] == o["language"]);
      CHECK(i["doi"] == o["doi"]);
      // Every format carries the type back: RIS says policy and training material in M3 (type
      // of work), CSL-JSON in "genre".
      CHECK(i["type"] == o["type"]);
      CHECK(values(i, "topics") == values(o, "topics"));
      CHECK(values(i, "countries") == values(o, "countries"));
      CHECK(atip::text::collapse_whitespace(i["summary"].get<std::string>()) ==
            atip::text::collapse_whitespace(o["summary"].get<std::string>()));
      REQUIRE(i["sightings"].size() == 1);
      CHECK(i["sightings"][0]["source"] == "import: library." + ext);
    }
    // The same file again changes nothing.
    r = run_atip({"import", file}, fresh);
    CHECK(r.status == 0);
    CHECK(r.out.find("0 added, 0 merged into works already catalogued, 0 updated, " + std::to_string(before) +
                     " unchanged") != std::string::npos);

    // Back into the catalogue it came from (a copy per format, so each format is tried on
    // the original): no new document, one new import sighting per work.
    std::map<std::string, std::string> copy = c.env;
    copy["ATIP_DB"] = c.tmp.file("copy-" + format + ".db");
    REQUIRE(c.run({"backup", copy["ATIP_DB"]}).status == 0);
    r = run_atip({"import", file}, copy);
    CHECK(r.status == 0);
    const std::string reader = format == "tsv" ? "csv" : format.rfind("json", 0) == 0 ? "csljson" : format;
    CHECK(r.out.find("imported library." + ext + " (" + reader + "): 0 added, " +
                     std::to_string(before) + " merged") != std::string::npos);
    const json merged = export_json(copy);
    CHECK(merged.size() == original.size());
    for (const auto& d : merged) CHECK(d["sightings"].size() >= 2);
  }
}

TEST_CASE("e2e: import --dry-run names each record's fate and stores nothing") {
  SampleCatalogue c;
  const json original = export_json(c.env);
  const json first = original[0];
  // One work the catalogue holds (by URL), one new, one without a title, one malformed.
  const std::string csv = c.tmp.write("office.csv",
      "Título;Enlace;Fecha;Autores;País\r\n" +
      csv_quoted(first["title"].get<std::string>()) + ";" + first["link"].get<std::string>() + ";2026-01-05;;\r\n"
      "Informe regional sobre trata;https://example.org/informe;2025-03;Pérez, Ana;Guatemala\r\n"
      ";https://example.org/untitled;2025;;\r\n"
      "\"Unclosed;https://example.org/x;2025;;\r\n");
  RunResult r = c.run({"import", "--dry-run", csv});
  CHECK(r.status == 1);
  CHECK(r.out.find("line 2: would merge into document " + std::to_string(first["id"].get<int>())) != std::string::npos);
  CHECK(r.out.find("line 3: would add 'Informe regional sobre trata'") != std::string::npos);
  CHECK(r.out.find("line 4: rejected: no title") != std::string::npos);
  CHECK(r.out.find("line 5: rejected: a quoted field is never closed") != std::string::npos);
  CHECK(r.out.find("dry run, nothing stored") != std::string::npos);
  CHECK(export_json(c.env).size() == original.size());

  r = c.run({"import", csv});
  CHECK(r.status == 1);
  CHECK(r.err.find("office.csv:4: rejected: no title") != std::string::npos);
  CHECK(r.out.find("1 added, 1 merged") != std::string::npos);
  const json after = export_json(c.env);
  CHECK(after.size() == original.size() + 1);
  bool found = false;
  for (const auto& d : after)
    if (d["title"] == "Informe regional sobre trata") {
      found = true;
      CHECK(d["published"] == "2025-03-01T00:00:00Z");
      CHECK(d["language"] == "es");
      CHECK(values(d, "countries").count("GT"));
      CHECK(d["authors"] == json::array({"Pérez, Ana"}));
    }
  CHECK(found);
}

TEST_CASE("e2e: import's usage errors and a missing catalogue") {
  TempDir tmp;
  const std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("none.db")}, {"HOME", tmp.path().string()}};
  const std::string bib = tmp.write("a.bib", "@report{k, title = {T}}\n");
  CHECK(run_atip({"import", bib}, env).status == 3);
  CHECK(!std::filesystem::exists(tmp.file("none.db")));
  REQUIRE(run_atip({"init"}, env).status == 0);
  CHECK(run_atip({"import", bib, "--from", "endnote"}, env).status == 2);
  const std::string unknown = tmp.write("notes.txt", "just some words\n");
  RunResult r = run_atip({"import", unknown}, env);
  CHECK(r.status == 2);
  CHECK(r.err.find("--from") != std::string::npos);
  CHECK(run_atip({"import", tmp.file("missing.bib")}, env).status == 1);
  // Standard input, its format sniffed.
  r = run_atip({"import", "-"}, env, bib);
  CHECK(r.status == 0);
  CHECK(r.out.find("imported standard input (bibtex): 1 added") != std::string::npos);
}
