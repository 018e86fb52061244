#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lib/export/digest.hpp"
#include "lib/export/digest_text.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/export/markdown_writer.hpp"
#include "tests/export/export_test_util.hpp"

using namespace atip;
using atip::testing::contains;
using atip::testing::export_to_string;
using atip::testing::sample_doc;
using atip::testing::sample_info;

TEST_CASE("export::markdown_escape: feed text cannot form links, emphasis, HTML or headings") {
  CHECK(exporter::markdown_escape("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
  CHECK(exporter::markdown_escape("<script>x</script>") == "\\<script\\>x\\</script\\>");
  CHECK(exporter::markdown_escape("# *bold* _it_ `code`") == "\\# \\*bold\\* \\_it\\_ \\`code\\`");
  CHECK(exporter::markdown_escape("line\nbreak") == "line break");
  CHECK(exporter::markdown_escape("\x1b]8;;http://evil\x07x") .find('\x1b') == std::string::npos);
}

TEST_CASE("export::short_summary: keeps the first two sentences") {
  CHECK(exporter::short_summary("One. Two! Three.") == "One. Two!");
  CHECK(exporter::short_summary("Version 2.0 released. It works.") == "Version 2.0 released. It works.");
  CHECK(exporter::short_summary("No full stop") == "No full stop");
  CHECK(exporter::short_summary(std::string(500, 'a'), 10).size() <= 10 + 3);
}

TEST_CASE("export::digest_text: all four languages complete, labels translated") {
  for (const char* lang : {"en", "es", "pt", "fr"}) {
    CAPTURE(lang);
    const auto* t = exporter::digest_text(lang);
    REQUIRE(t);
    for (auto field : {t->default_title, t->period, t->range, t->since, t->until, t->everything, t->generated,
                       t->in_numbers, t->new_works, t->updated_works, t->by_topic, t->by_country, t->by_language,
                       t->per_week, t->carried_by, t->updated_mark, t->language, t->type, t->countries, t->date,
                       t->no_group, t->no_works, t->works_suffix, t->week_of, t->untitled})
      CHECK(!field.empty());
    for (const char* topic : {"tip_general", "sex_trafficking", "forced_labour", "domestic_servitude", "child_trafficking",
                              "child_sexual_exploitation", "sex_tourism", "child_soldiers", "forced_begging",
                              "organ_removal", "forced_marriage", "debt_bondage", "migrant_smuggling"})
      CHECK(exporter::tag_label("topic", topic, lang).find('_') == std::string::npos);
    for (const char* type : {"report", "law", "case", "article", "news", "policy", "training", "data"})
      CHECK(exporter::tag_label("type", type, lang) != type);
    CHECK(exporter::tag_label("country", "MX", lang) != "MX");
  }
  CHECK(exporter::digest_text("de") == nullptr);
  CHECK(exporter::digest_text("es")->by_topic == "Por tema");
  CHECK(exporter::tag_label("country", "DO", "fr") == "République dominicaine");
  CHECK(exporter::tag_label("topic", "forced_labour", "pt") == "Trabalho forçado");
  CHECK(exporter::tag_label("topic", "made_up_topic", "en") == "made up topic");
}

TEST_CASE("export::markdown: counts, sections by group, publishers, updated mark, links only http(s)") {
  auto a = sample_doc(1, "Informe *global*", "UNODC", "https://www.unodc.org/r1");
  a.sightings.push_back({2, "ReliefWeb", "rw1", "https://reliefweb.int/r1", std::nullopt, 1'793'200'000});
  a.tags = {{"country", "MX", 1}, {"country", "GT", 0.5}, {"topic", "forced_labour", 1}};
  auto b = sample_doc(2, "Otro", "UNODC", "javascript:alert(1)");
  b.tags = {{"topic", "forced_labour", 1}};
  b.last_changed = b.first_seen + 3600;  // its entry changed after atip stored it
  auto c = sample_doc(3, "Tercero", "DW", "https://dw.com/x y");
  auto info = sample_info();
  info.counts = {3, 1, {}};
  info.by_topic = {{"forced_labour", 2}};
  info.by_country = {{"MX", 1}, {"GT", 1}};
  info.by_language = {{"es", 3}};
  const std::string md = export_to_string(exporter::Format::Markdown, {a, b, c}, info);
  CHECK(md.rfind("# Trafficking in persons: literature digest\n", 0) == 0);
  CHECK(contains(md, "Period: 2026-09-21 to 2026-11-18."));
  CHECK(contains(md, "- New works: 2\n- Updated works: 1\n"));
  CHECK(contains(md, "- By topic: Forced labour (2)\n"));
  CHECK(contains(md, "- By country: Mexico (1), Guatemala (1)\n"));
  CHECK(contains(md, "- By language: Spanish (3)\n"));
  CHECK(contains(md, "\n## Forced labour\n"));
  CHECK(contains(md, "\n## Other\n"));  // c has no topic
  CHECK(contains(md, "[Informe \\*global\\*](<https://www.unodc.org/r1>)** — 2026-10-26 · Spanish · Mexico, Guatemala · Report\n"));
  CHECK(contains(md, "Carried by: UNODC, ReliefWeb"));
  CHECK(!contains(md, "javascript:"));
  CHECK(contains(md, "- **Otro** — 2026-10-26 · Spanish · Report · *updated*\n"));
  CHECK(contains(md, "(<https://dw.com/x%20y>)"));
  CHECK(contains(md, "First sentence. Second sentence!\n"));
  // One section per group: documents arrive ordered by group, so a repeated key adds nothing.
  CHECK(md.find("## Forced labour") == md.rfind("## Forced labour"));
}

TEST_CASE("export::markdown: --digest-lang writes the headings and labels in that language") {
  auto a = sample_doc(1, "Informe", "UNODC", "https://www.unodc.org/r1");
  a.tags = {{"topic", "child_trafficking", 1}, {"country", "BR", 1}};
  for (const auto& [lang, heading, topic, country, language] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>>{
           {"es", "## En cifras", "## Trata de niños, niñas y adolescentes", "Brasil", "español"},
           {"pt", "## Em números", "## Tráfico de crianças", "Brasil", "espanhol"},
           {"fr", "## En chiffres", "## Traite des enfants", "Brésil", "espagnol"}}) {
    CAPTURE(lang);
    auto info = sample_info();
    info.lang = lang;
    const std::string md = export_to_string(exporter::Format::Markdown, {a}, info);
    CHECK(md.rfind("# " + exporter::markdown_escape(std::string(exporter::digest_text(lang)->default_title)), 0) == 0);
    CHECK(contains(md, heading));
    CHECK(contains(md, topic + "\n"));
    CHECK(contains(md, country));
    CHECK(contains(md, language));
    CHECK(!contains(md, "Carried by"));
  }
}

TEST_CASE("export::markdown: grouped by country, type or feed") {
  auto a = sample_doc(1, "A", "UNODC", "https://a.example/1");
  a.tags = {{"country", "CL", 1}};
  auto info = sample_info();
  info.group_by = exporter::GroupBy::Country;
  CHECK(contains(export_to_string(exporter::Format::Markdown, {a}, info), "\n## Chile\n"));
  info.group_by = exporter::GroupBy::Type;
  CHECK(contains(export_to_string(exporter::Format::Markdown, {a}, info), "\n## Report\n"));
  info.group_by = exporter::GroupBy::Feed;
  CHECK(contains(export_to_string(exporter::Format::Markdown, {a}, info), "\n## UNODC\n"));
  CHECK(contains(export_to_string(exporter::Format::Markdown, {}, info), "No works in this period."));
}

TEST_CASE("export::is_updated: revised by the publisher or changed since atip stored it") {
  auto d = sample_doc(1, "A", "X", "https://a.example/1");
  CHECK(!exporter::is_updated(d));
  d.updated = *d.published + 3600;  // same-day touch-ups do not count
  CHECK(!exporter::is_updated(d));
  d.updated = *d.published + 3 * 86400;
  CHECK(exporter::is_updated(d));
  d.updated.reset();
  d.last_changed = d.first_seen + 1;
  CHECK(exporter::is_updated(d));
}

TEST_CASE("export::all_weeks: fills the empty weeks between the first and the last") {
  const auto weeks = exporter::all_weeks({{"2026-10-05", 2}, {"2026-10-26", 1}});
  REQUIRE(weeks.size() == 4);
  CHECK(weeks[1].key == "2026-10-12");
  CHECK(weeks[1].documents == 0);
  CHECK(weeks[3].documents == 1);
  CHECK(exporter::all_weeks({}).empty());
}

TEST_CASE("export::json: documents with sightings, RFC 3339 dates, a valid array even when empty") {
  CHECK(nlohmann::json::parse(export_to_string(exporter::Format::Json, {})).empty());
  auto d = sample_doc(7, "Trata \"de\" personas", "Fiscalía", "https://a.example/7");
  d.authors = "Ana Pérez; Juan Soto";
  d.tags = {{"area", "protection", 1}, {"country", "CL", 1}, {"topic", "tip_general", 1}, {"type", "report", 1}};
  d.doi = "10.1234/x";
  const auto j = nlohmann::json::parse(export_to_string(exporter::Format::Json, {d, sample_doc(8, "Second", "X", "https://a.example/8")}));
  REQUIRE(j.size() == 2);
  CHECK(j[0]["id"] == 7);
  CHECK(j[0]["title"] == "Trata \"de\" personas");
  CHECK(j[0]["published"] == "2026-10-26T07:33:20Z");
  CHECK(j[0]["authors"] == nlohmann::json::array({"Ana Pérez", "Juan Soto"}));
  CHECK(j[0]["sightings"][0]["source"] == "Fiscalía");
  CHECK(j[0]["sightings"][0]["entry_key"] == "k7");
  CHECK(j[0]["sightings"][0]["link"] == "https://a.example/7");
  CHECK(j[0]["sightings"][0]["first_seen"] == "2026-10-27T11:20:00Z");
  CHECK(j[0]["tags"]["topics"] == nlohmann::json::array({"tip_general"}));
  CHECK(j[0]["tags"]["areas"] == nlohmann::json::array({"protection"}));
  CHECK(j[0]["tags"]["countries"] == nlohmann::json::array({"CL"}));
  CHECK(j[0]["doi"] == "10.1234/x");
  CHECK(j[0]["state"] == "new");
  CHECK(j[0]["type"] == "report");
  CHECK(j[0]["updated"].is_null());
}

TEST_CASE("export::jsonl: one complete document per line") {
  const std::string out = export_to_string(exporter::Format::Jsonl, {sample_doc(1, "a\nb", "X", "https://a/1"),
                                                                     sample_doc(2, "c", "Y", "https://a/2")});
  std::istringstream lines(out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j["id"] == ++n);
  }
  CHECK(n == 2);
  CHECK(nlohmann::json::parse(out.substr(0, out.find('\n')))["title"] == "a\nb");
  CHECK(export_to_string(exporter::Format::Jsonl, {}).empty());
}

TEST_CASE("export::parse_format: every documented name, nothing else") {
  for (const auto& name : exporter::format_names()) CHECK(exporter::parse_format(name).has_value());
  CHECK(exporter::format_names().size() == 11);
  CHECK(!exporter::parse_format("pdf"));
  CHECK(exporter::parse_format("bib") == exporter::Format::Bibtex);
}

TEST_CASE("export::json: the streaming text equals nlohmann's dump of document_json") {
  auto d = sample_doc(7, "Trata \"de\" personas \\ \x01 \x7f \u0085 \u202Ex\u202C \u2028 é 😀", "Fiscalía", "https://a.example/7");
  d.authors = "Ana Pérez; Juan Soto";
  d.summary_html = "<p>x</p>\n\t";
  d.tags = {{"area", "protection", 1}, {"country", "CL", 1}, {"topic", "tip_general", 1}, {"type", "report", 1}};
  d.doi = "10.1234/x";
  d.canonical_url = "https://a.example/7";
  d.updated = 1'793'500'000;
  d.starred = true;
  d.note = "nota\r\n";
  d.sightings.push_back({std::nullopt, "Removed feed", "k", "https://b/", 1'793'000'000, 1'793'000'001});
  d.editions = {{12, "en", "Trafficking \"in\" persons"}, {13, "fr", "Traite"}};
  for (double relevance : {0.0, 1.0, 0.85, 0.123456789, 1e-7, 0.5}) {
    CAPTURE(relevance);
    d.relevance = relevance;
    CHECK(exporter::document_text(d) == exporter::dump_safe(exporter::document_json(d)));
  }
  store::Document empty;
  CHECK(exporter::document_text(empty) == exporter::dump_safe(exporter::document_json(empty)));
}

TEST_CASE("digest: imports and hand entries are how the office got a work, not its publishers") {
  atip::store::Document d;
  atip::store::Sighting imported{std::nullopt, "import: zotero.bib", "k", "https://x.org/1", std::nullopt, 1};
  imported.origin = "import";
  atip::store::Sighting hand{std::nullopt, "hand entry", "x.org/1", "https://x.org/1", std::nullopt, 2};
  hand.origin = "hand";
  atip::store::Sighting page{std::int64_t{3}, "Fiscalía", "p", "https://x.org/1", std::nullopt, 3};
  page.origin = "page";
  d.sightings = {imported, hand, page, {std::int64_t{4}, "UNODC", "u", "https://x.org/1", std::nullopt, 4}};
  CHECK(atip::exporter::publishers(d) == std::vector<std::string>{"Fiscalía", "UNODC"});
  d.sightings = {imported};
  CHECK(atip::exporter::publishers(d).empty());
}
