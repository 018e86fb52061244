#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/export/json_writer.hpp"
#include "lib/export/markdown_writer.hpp"

using namespace atip;

namespace {

store::Document doc(std::int64_t id, const std::string& title, const std::string& source,
                    const std::string& link) {
  store::Document d;
  d.id = id;
  d.title = title;
  d.summary = "First sentence. Second sentence! Third sentence is dropped.";
  d.published = 1'793'000'000;  // 2026-10-26
  d.first_seen = 1'793'100'000;
  d.language = "es";
  d.sightings.push_back({1, source, "k" + std::to_string(id), link, std::nullopt, 1'793'100'000});
  return d;
}

std::string digest(const std::vector<store::Document>& docs) {
  std::ostringstream out;
  exporter::DigestInfo info;
  info.since = 1'790'000'000;
  info.until = 1'795'000'000;
  info.generated_at = 1'795'000'000;
  auto w = exporter::make_writer(exporter::Format::Markdown, out, info);
  w->begin();
  for (const auto& d : docs) w->write(d);
  w->end();
  return out.str();
}

}  // namespace

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

TEST_CASE("export::markdown: one section per first publisher, other publishers listed, links only http(s)") {
  auto a = doc(1, "Informe *global*", "UNODC", "https://www.unodc.org/r1");
  a.sightings.push_back({2, "ReliefWeb", "rw1", "https://reliefweb.int/r1", std::nullopt, 1'793'200'000});
  auto b = doc(2, "Otro", "UNODC", "javascript:alert(1)");
  auto c = doc(3, "Tercero", "DW", "https://dw.com/x y");
  const std::string md = digest({a, b, c});
  CHECK(md.rfind("# Trafficking in persons: literature digest\n", 0) == 0);
  CHECK(md.find("Period: 2026-09-21 to 2026-11-18.") != std::string::npos);
  CHECK(md.find("\n## UNODC\n") != std::string::npos);
  CHECK(md.find("\n## DW\n") != std::string::npos);
  CHECK(md.find("[Informe \\*global\\*](<https://www.unodc.org/r1>)") != std::string::npos);
  CHECK(md.find("Also carried by: ReliefWeb") != std::string::npos);
  CHECK(md.find("javascript:") == std::string::npos);
  CHECK(md.find("- **Otro**") != std::string::npos);
  CHECK(md.find("(<https://dw.com/x%20y>)") != std::string::npos);
  CHECK(md.find("First sentence. Second sentence!\n") != std::string::npos);
  CHECK(md.find("3 works from 3 publishers.") != std::string::npos);
}

TEST_CASE("export::json: documents with sightings, RFC 3339 dates, a valid array even when empty") {
  std::ostringstream empty;
  auto w = exporter::make_writer(exporter::Format::Json, empty, {});
  w->begin();
  w->end();
  CHECK(nlohmann::json::parse(empty.str()).empty());

  std::ostringstream out;
  w = exporter::make_writer(exporter::Format::Json, out, {});
  w->begin();
  auto d = doc(7, "Trata \"de\" personas", "Fiscalía", "https://a.example/7");
  d.authors = "Ana Pérez; Juan Soto";
  w->write(d);
  w->write(doc(8, "Second", "X", "https://a.example/8"));
  w->end();
  const auto j = nlohmann::json::parse(out.str());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["id"] == 7);
  CHECK(j[0]["title"] == "Trata \"de\" personas");
  CHECK(j[0]["published"] == "2026-10-26T07:33:20Z");
  CHECK(j[0]["authors"] == nlohmann::json::array({"Ana Pérez", "Juan Soto"}));
  CHECK(j[0]["sightings"][0]["source"] == "Fiscalía");
  CHECK(j[0]["updated"].is_null());
}
