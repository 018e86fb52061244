#include <doctest/doctest.h>

#include <sstream>

#include "lib/opml/opml.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

TEST_CASE("opml::read: nested folders become categories, with the category attribute") {
  const auto outlines = atip::opml::read(R"(<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="UN agencies">
    <outline text="UNODC" xmlUrl="https://www.unodc.org/feed.xml" htmlUrl="https://www.unodc.org/" category="en,/Region/Global"/>
  </outline>
  <outline title="Top level &amp; more" xmlUrl="https://a.example/rss"/>
  <outline text="folder without feeds"/>
</body></opml>)");
  REQUIRE(outlines.size() == 2);
  CHECK(outlines[0].xml_url == "https://www.unodc.org/feed.xml");
  CHECK(outlines[0].title == "UNODC");
  CHECK(outlines[0].html_url == "https://www.unodc.org/");
  CHECK(outlines[0].categories == std::vector<std::string>{"en", "Global", "UN agencies"});
  CHECK(outlines[1].title == "Top level & more");
  CHECK(outlines[1].categories.empty());
}

TEST_CASE("opml::write then read gives back the same feeds, titles and categories") {
  const std::vector<atip::opml::Outline> in = {
      {"https://a.example/rss?x=1&y=2", "Fiscalía de Chile <MPF>", "https://a.example/", {"government", "es"}},
      {"https://b.example/atom", "B", "", {}}};
  std::ostringstream out;
  atip::opml::write(out, "atip feeds", in);
  const auto back = atip::opml::read(out.str());
  REQUIRE(back.size() == 2);
  for (std::size_t i = 0; i < in.size(); ++i) {
    CHECK(back[i].xml_url == in[i].xml_url);
    CHECK(back[i].title == in[i].title);
    CHECK(back[i].html_url == in[i].html_url);
    CHECK(back[i].categories == in[i].categories);
  }
}

TEST_CASE("opml::read: not OPML is a clear error with the line") {
  CHECK_THROWS_WITH_AS(atip::opml::read("<rss><channel></rss>"), doctest::Contains("line 1"), atip::Error);
  CHECK_THROWS_WITH_AS(atip::opml::read("<rss version=\"2.0\"/>"), doctest::Contains("root element is <rss>"), atip::Error);
}

TEST_CASE("opml::read: the bundled default publisher list is valid and every feed has a category") {
  const auto outlines = atip::opml::read(atip::util::read_file(ATIP_SOURCE_DIR "/feeds/default.opml"));
  CHECK(outlines.size() >= 25);
  for (const auto& o : outlines) {
    CHECK_MESSAGE(o.xml_url.rfind("https://", 0) == 0, o.xml_url);
    CHECK_MESSAGE(!o.categories.empty(), o.xml_url);
    CHECK_MESSAGE(!o.title.empty(), o.xml_url);
  }
}

TEST_CASE("opml::read: bytes that are not UTF-8 become U+FFFD, never stored as they are") {
  // Found by the fuzzer: pugixml hands on the bytes of a document it takes for UTF-8 unchecked.
  const auto outlines = atip::opml::read(
      "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
      "<outline title=\"Informaci\xF3n\" xmlUrl=\"h\xA3tps://a.example/rss\" category=\"Am\xE9rica\"/>"
      "</body></opml>");
  REQUIRE(outlines.size() == 1);
  CHECK(outlines[0].title == "Informaci\xEF\xBF\xBDn");
  CHECK(outlines[0].xml_url == "h\xEF\xBF\xBDtps://a.example/rss");
  CHECK(outlines[0].categories == std::vector<std::string>{"Am\xEF\xBF\xBDrica"});
}
