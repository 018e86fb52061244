#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lib/export/bibtex_writer.hpp"
#include "lib/export/citation.hpp"
#include "lib/export/csv.hpp"
#include "lib/export/html_escape.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/export/ris_writer.hpp"
#include "lib/feed/parse.hpp"
#include "tests/export/export_test_util.hpp"

using namespace atip;
using atip::testing::contains;
using atip::testing::export_to_string;
using atip::testing::sample_doc;
using atip::testing::sample_info;

namespace {

const char* const kHostile = "<script>alert(1)</script><img src=x onerror=alert(2)></style><style>body{display:none}</style>";

}  // namespace

TEST_CASE("export::xml_escape and safe_href: markup escaped, only http(s) links survive") {
  CHECK(exporter::xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(exporter::xml_escape("x\x01y\x1b") == "xy");
  CHECK(exporter::xml_escape("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(exporter::safe_href("javascript:alert(1)").empty());
  CHECK(exporter::safe_href(" https://a.example/").empty());
  CHECK(exporter::safe_href("data:text/html,x").empty());
  CHECK(exporter::safe_href("https:///path").empty());
  CHECK(exporter::safe_href("https://a.example/?q=\"><script>") == "https://a.example/?q=%22%3E%3Cscript%3E");
  CHECK(exporter::safe_href("http://a.example/a b&c") == "http://a.example/a%20b&amp;c");
}

TEST_CASE("export::html: one self-contained page, feed text escaped, charts inline") {
  auto a = sample_doc(1, kHostile, "Evil <b>Feed</b>", "javascript:alert(3)");
  a.summary = std::string("Summary ") + kHostile + " expression(alert(4)) url(http://evil.example/x.png).";
  a.tags = {{"topic", "forced_labour", 1}, {"country", "MX", 1}};
  auto b = sample_doc(2, "Fine", "UNODC", "https://www.unodc.org/r?a=1&b=2");
  auto info = sample_info();
  info.counts = {2, 0, {{"2026-10-05", 1}, {"2026-10-26", 1}}};
  info.by_topic = {{"forced_labour", 1}};
  info.by_country = {{"MX", 1}};
  info.by_language = {{"es", 2}};
  const std::string html = export_to_string(exporter::Format::Html, {a, b}, info);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(contains(html, "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
  CHECK(contains(html, "@media print"));
  CHECK(contains(html, "name=\"viewport\""));
  CHECK(!contains(html, "<script"));
  CHECK(!contains(html, "<img"));
  CHECK(!contains(html, "javascript:"));
  CHECK(!contains(html, "</style><style>"));
  CHECK(html.find("<style>") == html.rfind("<style>"));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(html, "Evil &lt;b&gt;Feed&lt;/b&gt;"));
  CHECK(contains(html, "<a href=\"https://www.unodc.org/r?a=1&amp;b=2\" rel=\"noopener noreferrer\">Fine</a>"));
  // Three charts: topics, countries and the four weeks from the first to the last.
  CHECK(contains(html, "<svg class=\"chart\""));
  CHECK(contains(html, "aria-label=\"By topic\""));
  CHECK(contains(html, "aria-label=\"By country\""));
  CHECK(contains(html, "aria-label=\"Works per week\""));
  CHECK(contains(html, "<title>2026-10-12: 0</title>"));
  CHECK(!contains(html, "http://evil.example/x.png\""));  // only ever as escaped text
  CHECK(html.size() > 2000);
  CHECK(html.rfind("</html>\n") == html.size() - 8);
}

TEST_CASE("export::csv: RFC 4180 quoting, CRLF records, formulas neutralised, optional BOM") {
  auto a = sample_doc(1, "=HYPERLINK(\"http://evil\")", "Pub, Inc.", "https://a.example/1");
  a.summary = "line one\nline \"two\"";
  a.note = "@SUM(A1)";
  a.authors = "-Minus; +Plus";
  const std::string csv = export_to_string(exporter::Format::Csv, {a});
  CHECK(csv.rfind("id,date,title,link,publishers,language,type,topics,areas,countries,authors,doi,state,starred,note,"
                  "summary,relevance,first_seen\r\n", 0) == 0);
  CHECK(contains(csv, "\r\n1,2026-10-26,\"'=HYPERLINK(\"\"http://evil\"\")\",https://a.example/1,\"Pub, Inc.\",es,report,"));
  CHECK(contains(csv, ",'-Minus; +Plus,"));
  CHECK(contains(csv, ",'@SUM(A1),\"line one\nline \"\"two\"\"\",0.000,2026-10-27T11:20:00Z\r\n"));
  auto info = sample_info();
  info.bom = true;
  CHECK(export_to_string(exporter::Format::Csv, {}, info).rfind("\xEF\xBB\xBFid,", 0) == 0);
  CHECK(export_to_string(exporter::Format::Csv, {}).rfind("id,", 0) == 0);
  CHECK(exporter::csv_field("-1.5", true) == "-1.5");
}

TEST_CASE("export::tsv: one record per line, no tab inside a field") {
  auto a = sample_doc(1, "tab\there", "P", "https://a.example/1");
  a.summary = "two\nlines";
  a.note = "=1+1";
  const std::string tsv = export_to_string(exporter::Format::Tsv, {a});
  CHECK(std::count(tsv.begin(), tsv.end(), '\n') == 2);
  CHECK(contains(tsv, "\ttab here\t"));
  CHECK(contains(tsv, "\t'=1+1\ttwo lines\t"));
  CHECK(std::count(tsv.begin(), tsv.begin() + static_cast<long>(tsv.find('\n')), '\t') == 17);
}

TEST_CASE("export::citation keys: readable, stable, unique with letter suffixes") {
  auto d = sample_doc(1, "The Global Report on Trafficking in Persons", "UNODC - Press releases", "https://u/1");
  d.published = 1'767'225'600 + 86400;  // 2026-01-02
  CHECK(exporter::citation_key_base(d) == "unodc2026global");
  d.authors = "María José Pérez-Núñez; Other";
  CHECK(exporter::citation_key_base(d) == "pereznunez2026global");
  d.authors = "Cruz, Ana de la";
  d.title = "El informe de la Fiscalía";
  CHECK(exporter::citation_key_base(d) == "cruz2026informe");
  exporter::CitationKeys keys;
  d.authors.clear();
  d.title = "Global report";
  CHECK(keys.next(d) == "unodc2026global");
  CHECK(keys.next(d) == "unodc2026globala");
  CHECK(keys.next(d) == "unodc2026globalb");
  d.sightings.clear();
  d.title = "¿?";
  CHECK(keys.next(d) == "anon2026");
}

TEST_CASE("export::author_names: given/family, Family, Given, particles, one-word names") {
  const auto n = exporter::author_names("Ana de la Cruz; Soto, Juan; UNICEF;  ");
  REQUIRE(n.size() == 3);
  CHECK(n[0].family == "de la Cruz");
  CHECK(n[0].given == "Ana");
  CHECK(n[1].family == "Soto");
  CHECK(n[1].given == "Juan");
  CHECK(n[2].literal == "UNICEF");
  // Institutions are kept whole, a comma inside one included; people with particles and joiners
  // are still people.
  for (const char* institution :
       {"UN Office on Drugs and Crime", "Redacción DW (efe, afp)", "Organização Internacional para as Migrações",
        "Ministerio de Seguridad", "OIM Brasil", "Fiscalía de Chile", "Human Rights Watch staff",
        "Bureau of International Labor Affairs"}) {
    CAPTURE(institution);
    const auto i = exporter::author_names(institution);
    REQUIRE(i.size() == 1);
    CHECK(i[0].literal == institution);
    CHECK(i[0].family.empty());
  }
  for (const char* people : {"José Ortega y Gasset", "Maria das Dores Silva", "ANA GARCIA", "Jean le Roux",
                             "Quispe, Ana María", "Ana María Quispe"}) {
    CAPTURE(people);
    const auto p = exporter::author_names(people);
    REQUIRE(p.size() == 1);
    CHECK(p[0].literal.empty());
    CHECK(!p[0].family.empty());
  }
  // A person, then a role: the person.
  const auto reporter = exporter::author_names("Pedro Rafael Vilela - Repórter da Agência Brasil");
  REQUIRE(reporter.size() == 1);
  CHECK(reporter[0].family == "Vilela");
  CHECK(reporter[0].given == "Pedro Rafael");
  CHECK(exporter::author_names("UNODC - Press releases")[0].literal == "UNODC - Press releases");
}

TEST_CASE("export::citation keys: an institution's key is its acronym or initials") {
  auto d = sample_doc(1, "Global Report on Trafficking in Persons", "ReliefWeb", "https://u/1");
  d.published = 1'767'225'600 + 86400;  // 2026-01-02
  d.authors = "UN Office on Drugs and Crime";
  CHECK(exporter::citation_key_base(d) == "unodc2026global");
  d.authors = "Organização Internacional para as Migrações; Soto, Juan";
  CHECK(exporter::citation_key_base(d) == "oim2026global");
  d.authors = "Redacción DW (efe, afp)";
  CHECK(exporter::citation_key_base(d) == "rdw2026global");
  d.authors = "UNICEF";
  CHECK(exporter::citation_key_base(d) == "unicef2026global");
  d.authors = "Organisation internationale pour les migrations";
  CHECK(exporter::citation_key_base(d) == "oim2026global");
  d.authors = "IOM Port of Spain";
  CHECK(exporter::citation_key_base(d) == "iom2026global");
}

TEST_CASE("export::bibtex: biblatex types and fields, LaTeX specials escaped, braces balanced") {
  CHECK(exporter::bibtex_escape("A & B {x} 50% #1 a_b $ ^ ~ \\") ==
        "A \\& B \\textbraceleft{}x\\textbraceright{} 50\\% \\#1 a\\_b \\$ \\textasciicircum{} \\textasciitilde{} \\textbackslash{}");
  auto r = sample_doc(1, "Informe {global} & más", "UNODC", "https://www.unodc.org/r1");
  r.authors = "Ana Pérez; Soto, Juan";
  r.doi = "10.1234/ab{c}";
  r.tags = {{"topic", "forced_labour", 1}};
  auto law = sample_doc(2, "Ley 21.325", "Congreso", "https://ley.example/2");
  law.doc_type = "law";
  auto news = sample_doc(3, "Noticia", "DW", "javascript:x");
  news.doc_type = "news";
  auto art = sample_doc(4, "Article", "Journal of Human Trafficking", "https://j.example/4");
  art.doc_type = "article";
  art.language = "en";
  const std::string bib = export_to_string(exporter::Format::Bibtex, {r, law, news, art});
  CHECK(contains(bib, "@report{perez2026informe,\n  author = {Pérez, Ana and Soto, Juan},\n"
                      "  title = {Informe \\textbraceleft{}global\\textbraceright{} \\& más},\n  institution = {UNODC},\n"
                      "  date = {2026-10-26},\n  url = {https://www.unodc.org/r1},\n  urldate = {2026-10-27},\n"
                      "  doi = {10.1234/ab%7Bc%7D},\n  langid = {spanish},\n  keywords = {forced\\_labour},\n"));
  CHECK(contains(bib, "@legislation{congreso2026ley,"));
  CHECK(contains(bib, "@online{dw2026noticia,"));
  CHECK(!contains(bib, "javascript"));
  CHECK(contains(bib, "@article{journal2026article,"));
  CHECK(contains(bib, "  journaltitle = {Journal of Human Trafficking},\n"));
  CHECK(contains(bib, "  langid = {english},\n"));
  int depth = 0;
  for (char c : bib) {
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    CHECK(depth >= 0);
  }
  CHECK(depth == 0);
}

TEST_CASE("export::ris: one line per tag, a title cannot end the record or start another") {
  auto d = sample_doc(1, "Title\r\nER  - \r\nTY  - JOUR", "UNODC", "https://u.example/1");
  d.authors = "Ana Pérez";
  d.doi = "10.1/x";
  const std::string ris = export_to_string(exporter::Format::Ris, {d});
  CHECK(ris.rfind("TY  - RPRT\r\nID  - perez2026title\r\nTI  - Title  ER  -   TY  - JOUR\r\nAU  - Pérez, Ana\r\n"
                  "PB  - UNODC\r\nPY  - 2026\r\nDA  - 2026/10/26\r\nUR  - https://u.example/1\r\n", 0) == 0);
  CHECK(contains(ris, "DO  - 10.1/x\r\nLA  - es\r\n"));
  CHECK(ris.size() - ris.rfind("ER  - \r\n") == 10);
  CHECK(exporter::ris_value("  a\tb\n ") == "a b");
  CHECK(!contains(ris, "M3  -"));  // a plain report says nothing more
  // Policies and training material are reports whose type of work says which.
  auto policy = sample_doc(2, "Plan nacional", "Gobierno", "https://g.example/2");
  policy.doc_type = "policy";
  auto training = sample_doc(3, "Curso", "OIM", "https://o.example/3");
  training.doc_type = "training";
  const std::string typed = export_to_string(exporter::Format::Ris, {policy, training});
  CHECK(contains(typed, "TY  - RPRT\r\nID  - gobierno2026plan\r\nTI  - Plan nacional\r\nPB  - Gobierno\r\n"
                        "M3  - Policy document\r\n"));
  CHECK(contains(typed, "PB  - OIM\r\nM3  - Training material\r\n"));
}

TEST_CASE("export::csljson: CSL types, names, date-parts, DOI and URL") {
  auto d = sample_doc(1, "Título \"citado\"", "Fiscalía", "https://f.example/1");
  d.authors = "Ana Pérez; UNICEF";
  d.doi = "10.1/x";
  auto n = sample_doc(2, "News", "DW", "ftp://x");
  n.doc_type = "news";
  const auto j = nlohmann::json::parse(export_to_string(exporter::Format::CslJson, {d, n}));
  REQUIRE(j.size() == 2);
  CHECK(j[0]["type"] == "report");
  CHECK(j[0]["id"] == "perez2026titulo");
  CHECK(j[0]["title"] == "Título \"citado\"");
  CHECK(j[0]["author"][0] == nlohmann::json({{"family", "Pérez"}, {"given", "Ana"}}));
  CHECK(j[0]["author"][1] == nlohmann::json({{"literal", "UNICEF"}}));
  CHECK(j[0]["publisher"] == "Fiscalía");
  CHECK(j[0]["issued"]["date-parts"][0] == nlohmann::json::array({2026, 10, 26}));
  CHECK(j[0]["accessed"]["date-parts"][0] == nlohmann::json::array({2026, 10, 27}));
  CHECK(j[0]["DOI"] == "10.1/x");
  CHECK(j[0]["URL"] == "https://f.example/1");
  CHECK(j[0]["language"] == "es");
  CHECK(!j[0].contains("genre"));
  CHECK(j[1]["type"] == "article-newspaper");
  CHECK(j[1]["container-title"] == "DW");
  CHECK(!j[1].contains("URL"));
  CHECK(nlohmann::json::parse(export_to_string(exporter::Format::CslJson, {})).empty());
}

TEST_CASE("export::atom: a feed atip's own parser reads back entry by entry") {
  auto a = sample_doc(1, "Trata & <tráfico>", "UNODC", "https://www.unodc.org/r1?a=1&b=2");
  a.canonical_url = "https://unodc.org/r1";
  a.authors = "Ana Pérez";
  a.tags = {{"topic", "forced_labour", 1}, {"country", "MX", 1}};
  auto b = sample_doc(2, "Sin enlace", "DW", "javascript:alert(1)");
  b.updated = *b.published + 5 * 86400;
  const std::string xml = export_to_string(exporter::Format::Atom, {a, b});
  CHECK(!contains(xml, "javascript"));
  const auto parsed = feed::parse(xml, {});
  REQUIRE(parsed.ok);
  CHECK(parsed.feed.format == feed::Format::Atom10);
  CHECK(parsed.feed.wellformed);
  CHECK(parsed.feed.warnings.empty());
  REQUIRE(parsed.feed.entries.size() == 2);
  const auto& e = parsed.feed.entries[0];
  CHECK(e.title == "Trata & <tráfico>");
  CHECK(e.link == "https://www.unodc.org/r1?a=1&b=2");
  CHECK(e.id == "https://unodc.org/r1");
  CHECK(e.summary.find("First sentence.") == 0);
  CHECK(parsed.feed.entries[1].id == "urn:atip:document:2");
  CHECK(parsed.feed.entries[1].link.find("javascript") == std::string::npos);  // the parser may fall back to the id
  CHECK(contains(xml, "<updated>2026-10-31T07:33:20Z</updated>"));
  CHECK(contains(xml, "<category term=\"forced_labour\" scheme=\"urn:atip:topic\" label=\"Forced labour\"/>"));
}

TEST_CASE("export::opml: the feeds behind the selection, each once") {
  auto a = sample_doc(1, "A", "UNODC", "https://a/1");
  a.sightings.push_back({2, "DW", "x", "https://dw/1", std::nullopt, 0});
  auto b = sample_doc(2, "B", "UNODC", "https://a/2");
  auto info = sample_info();
  info.feeds = {{1, {"https://unodc.example/feed", "UNODC", "https://unodc.example/", {"un"}}},
                {2, {"https://dw.example/rss", "DW & co", "", {}}},
                {3, {"https://unused.example/rss", "Unused", "", {}}}};
  const std::string opml = export_to_string(exporter::Format::Opml, {a, b}, info);
  CHECK(contains(opml, "xmlUrl=\"https://unodc.example/feed\""));
  CHECK(contains(opml, "DW &amp; co"));
  CHECK(!contains(opml, "unused.example"));
  CHECK(opml.find("unodc.example/feed") == opml.rfind("unodc.example/feed"));
}

TEST_CASE("export::dump_safe: bidi controls and line separators escaped, same strings back") {
  const nlohmann::json j = {{"t", "a\u202Edesrever\u202C b\u2066x\u2069 \u2028 \x1b[31m é \x7f \u0085"}};
  const std::string out = exporter::dump_safe(j);
  CHECK(out.find("\u202E") == std::string::npos);
  CHECK(out.find("\u2028") == std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x7f') == std::string::npos);
  CHECK(out.find("\u0085") == std::string::npos);
  CHECK(out.find("\\u202e") != std::string::npos);
  CHECK(out.find("é") != std::string::npos);
  CHECK(nlohmann::json::parse(out) == j);
}

TEST_CASE("export::csv: escape sequences and bidi overrides from a feed are removed") {
  auto a = sample_doc(1, "Raw \x1b[31mRED\x1b[0m \u202Edesrever", "P", "https://a.example/1");
  const std::string csv = export_to_string(exporter::Format::Csv, {a});
  CHECK(csv.find('\x1b') == std::string::npos);
  CHECK(csv.find("\u202E") == std::string::npos);
  CHECK(contains(csv, "RED"));
  CHECK(contains(csv, "desrever"));
}

TEST_CASE("export: a work with a DOI and no link is linked to the DOI where people read, not in data") {
  auto d = sample_doc(1, "Explotación laboral en talleres textiles", "import: refs.bib", "");
  d.doi = "10.99999/rem.2025.118";
  const std::string resolver = "https://doi.org/10.99999/rem.2025.118";
  CHECK(d.link() == resolver);
  CHECK(d.source_link().empty());
  CHECK(contains(export_to_string(exporter::Format::Markdown, {d}), "(<" + resolver + ">)"));
  CHECK(contains(export_to_string(exporter::Format::Html, {d}), "href=\"" + resolver + "\""));
  // Data and citations keep what the sources gave; the DOI has a field of its own there.
  const auto json = nlohmann::json::parse(export_to_string(exporter::Format::Json, {d}));
  CHECK(json[0]["link"] == "");
  CHECK(json[0]["doi"] == "10.99999/rem.2025.118");
  const std::string bib = export_to_string(exporter::Format::Bibtex, {d});
  CHECK_FALSE(contains(bib, "url ="));
  CHECK(contains(bib, "doi = {10.99999/rem.2025.118}"));
  // A link from a source comes first.
  d.sightings.front().link = "https://revista.example/405";
  CHECK(d.link() == "https://revista.example/405");
}
