// The bundled sample feeds (feeds/samples/) are what the demo and the end-to-end tests use; these
// tests pin what the parser makes of each.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/feed/parse.hpp"
#include "lib/util/time.hpp"
#include "tests/feed/feed_test_util.hpp"

using namespace atip::feed;
using atip::feed::testing::read_file;
using atip::feed::testing::source_path;

namespace {
Feed sample(const std::string& name) {
  const std::string bytes = read_file(source_path("feeds/samples/" + name));
  REQUIRE_FALSE(bytes.empty());
  ParseResult r = parse(bytes);
  INFO(r.error);
  REQUIRE(r.ok);
  return r.feed;
}
std::string iso(const Date& d) { return d.time ? atip::util::format_rfc3339(*d.time) : "null"; }
}  // namespace

TEST_CASE("feed::parse samples: unodc-news.rss is RSS 2.0 with HTML descriptions and a PDF") {
  const Feed f = sample("unodc-news.rss");
  CHECK(f.format == Format::Rss20);
  CHECK(f.encoding == "utf-8");
  CHECK(f.wellformed);
  CHECK(f.title == "UNODC - Press releases");
  CHECK(f.link == "https://www.unodc.org/unodc/en/press/index.html");  // not the atom:link self
  CHECK(iso(f.updated) == "2026-11-24T16:00:00Z");
  REQUIRE(f.entries.size() == 6);
  const Entry& e = f.entries[0];
  CHECK(e.id == "unodc-pr-2026-11-24-glotip");
  CHECK(e.link ==
        "https://www.unodc.org/unodc/en/press/releases/2026/November/"
        "global-report-on-trafficking-in-persons-2026-americas.html");
  CHECK(iso(e.published) == "2026-11-24T14:00:00Z");
  CHECK(e.summary_type == TextType::Html);
  CHECK(e.summary.find("<strong>Global Report") != std::string::npos);
  REQUIRE(e.authors.size() == 1);
  CHECK(e.authors[0].name == "UNODC Communications");
  CHECK(e.categories == std::vector<std::string>{"Human trafficking", "Reports"});
  REQUIRE(e.enclosures.size() == 1);
  CHECK(e.enclosures[0].type == "application/pdf");
  CHECK(e.enclosures[0].length == 4821130);
  CHECK(e.key == e.id);
}

TEST_CASE("feed::parse samples: reliefweb copy of the UNODC report keeps its tracking parameters") {
  const Feed f = sample("reliefweb-trafficking.rss");
  CHECK(f.format == Format::Rss20);
  REQUIRE(f.entries.size() == 5);
  CHECK(f.entries[0].link ==
        "https://www.unodc.org/unodc/en/press/releases/2026/November/"
        "global-report-on-trafficking-in-persons-2026-americas.html"
        "?utm_source=reliefweb&utm_medium=rss");
  CHECK(f.entries[0].id == "https://reliefweb.int/node/4420117");
  CHECK(f.entries[0].title == sample("unodc-news.rss").entries[0].title);
  CHECK(f.entries[1].title.find("traite") != std::string::npos);
  REQUIRE(f.entries[0].authors.size() == 1);
  CHECK(f.entries[0].authors[0].name == "UN Office on Drugs and Crime");
}

TEST_CASE("feed::parse samples: mpf-chile.rss is real ISO-8859-1 with Spanish dates") {
  const Feed f = sample("mpf-chile.rss");
  CHECK(f.format == Format::Rss20);
  CHECK(f.encoding == "iso-8859-1");
  CHECK(f.title ==
        "Fiscal\xC3\xAD"
        "a de Chile - Noticias");
  CHECK(f.language == "es-cl");
  CHECK(iso(f.updated) == "2026-11-25T13:15:00Z");
  REQUIRE(f.entries.size() == 5);
  CHECK(iso(f.entries[0].published) == "2026-11-25T13:15:00Z");  // "mié., 25 nov. 2026 … -0300"
  CHECK(iso(f.entries[3].published) == "2026-11-09T15:07:33Z");  // "lun, 09 nov 2026 … -0300"
  CHECK(iso(f.entries[4].published) == "2026-11-03T12:30:00Z");  // "mar, 03 nov 2026 …"
  CHECK(f.entries[1].title.find("tr\xC3\xA1"
                                "fico") != std::string::npos);
  CHECK(f.entries[0].summary_type == TextType::Html);
  CHECK(
      f.entries[0].summary.starts_with("<p>La Fiscal\xC3\xAD"
                                       "a"));
  // A guid without isPermaLink is a permalink: it is both the id and (here) equal to the link.
  CHECK(f.entries[0].id == f.entries[0].link);
}

TEST_CASE("feed::parse samples: iom-americas.atom resolves relative links against xml:base") {
  const Feed f = sample("iom-americas.atom");
  CHECK(f.format == Format::Atom10);
  CHECK(f.link == "https://www.iom.int/americas");
  CHECK(f.language == "en");
  REQUIRE(f.entries.size() == 4);
  const Entry& e = f.entries[0];
  CHECK(
      e.link ==
      "https://www.iom.int/news/iom-and-costa-rica-open-shelter-survivors-trafficking-guanacaste");
  CHECK(iso(e.published) == "2026-11-23T20:30:00Z");
  CHECK(iso(e.updated) == "2026-11-23T15:00:00Z");
  REQUIRE(e.authors.size() == 1);
  CHECK(e.authors[0].name ==
        "Mar\xC3\xAD"
        "a Jos\xC3\xA9 Solano");
  CHECK(e.authors[0].email == "press@iom.int");
  CHECK(e.summary_type == TextType::Html);
  CHECK(f.entries[1].content_type == TextType::Xhtml);
  CHECK(f.entries[1].content.starts_with("<p>The survey"));
  REQUIRE(f.entries[2].enclosures.size() == 1);
  CHECK(f.entries[2].enclosures[0].url ==
        "https://www.iom.int/sites/g/files/tmzbdl486/files/documents/2026/tt-training-guide.pdf");
  CHECK_FALSE(f.entries[3].published.time.has_value());
}

TEST_CASE("feed::parse samples: dw-espanol.rdf is RSS 1.0 with rdf:about ids and dc:date") {
  const Feed f = sample("dw-espanol.rdf");
  CHECK(f.format == Format::Rss10);
  CHECK(f.language == "es");
  REQUIRE(f.entries.size() == 4);
  CHECK(f.entries[0].id ==
        "https://www.dw.com/es/trata-de-personas-en-peru-mineria-ilegal/a-70412233");
  CHECK(iso(f.entries[0].updated) == "2026-11-24T19:05:00Z");
  CHECK(iso(f.entries[1].updated) == "2026-11-20T10:30:00Z");
  CHECK(f.entries[0].categories == std::vector<std::string>{"Per\xC3\xBA", "Trata de personas"});
  CHECK(f.entries[2].title.find("tr\xC3\xA1"
                                "fico") != std::string::npos);
}

TEST_CASE("feed::parse samples: agencia-brasil.rss has Portuguese dates and content:encoded") {
  const Feed f = sample("agencia-brasil.rss");
  CHECK(f.format == Format::Rss20);
  CHECK(f.language == "pt-br");
  REQUIRE(f.entries.size() == 4);
  CHECK(iso(f.entries[0].published) == "2026-11-24T08:13:55Z");
  CHECK(iso(f.entries[3].published) == "2026-10-19T21:30:00Z");
  CHECK(f.entries[0].content_type == TextType::Html);
  CHECK(f.entries[0].content.find("tr\xC3\xA1"
                                  "fico de pessoas") != std::string::npos);
}

TEST_CASE("feed::parse samples: the words the search and e2e tests rely on are present") {
  auto contains = [](const Feed& f, const std::string& word) {
    for (const Entry& e : f.entries)
      if (e.title.find(word) != std::string::npos || e.summary.find(word) != std::string::npos ||
          e.content.find(word) != std::string::npos)
        return true;
    return false;
  };
  CHECK(contains(sample("unodc-news.rss"), "forced labour"));
  CHECK(contains(sample("reliefweb-trafficking.rss"), "traite"));
  CHECK(contains(sample("mpf-chile.rss"), "trata de personas"));
  CHECK(contains(sample("mpf-chile.rss"),
                 "tr\xC3\xA1"
                 "fico"));
  CHECK(contains(sample("dw-espanol.rdf"), "trata de personas"));
  CHECK(contains(sample("agencia-brasil.rss"),
                 "tr\xC3\xA1"
                 "fico de pessoas"));
  CHECK(contains(sample("iom-americas.atom"), "trafficking"));
}

TEST_CASE("feed::parse samples: every sample is small, well-formed and has unique keys") {
  for (const char* name : {"unodc-news.rss", "reliefweb-trafficking.rss", "iom-americas.atom",
                           "mpf-chile.rss", "dw-espanol.rdf", "agencia-brasil.rss"}) {
    CAPTURE(name);
    const std::string bytes = read_file(source_path(std::string("feeds/samples/") + name));
    CHECK(bytes.size() < 10 * 1024);
    const Feed f = sample(name);
    CHECK(f.wellformed);
    CHECK(f.warnings.empty());
    std::vector<std::string> keys;
    for (const Entry& e : f.entries) {
      CHECK_FALSE(e.title.empty());
      CHECK_FALSE(e.link.empty());
      CHECK((e.published.time || e.updated.time));
      keys.push_back(e.key);
    }
    std::sort(keys.begin(), keys.end());
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
  }
}
