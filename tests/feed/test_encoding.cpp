#include <doctest/doctest.h>

#include <string>

#include "lib/feed/encoding.hpp"
#include "lib/feed/sniff.hpp"
#include "lib/feed/xml_prep.hpp"

using namespace atip::feed;

TEST_CASE("feed::decode_to_utf8: ISO-8859-1 is read as Windows-1252, as browsers do") {
  const Decoded d =
      decode_to_utf8("<?xml version='1.0' encoding='ISO-8859-1'?><a>\x93x\x94 \xE9</a>", "");
  CHECK(d.encoding == "iso-8859-1");
  CHECK_FALSE(d.lossy);
  CHECK(d.utf8.find("\xE2\x80\x9Cx\xE2\x80\x9D \xC3\xA9") != std::string::npos);
}

TEST_CASE("feed::decode_to_utf8: UTF-16 is detected from a BOM or from '<' '?' without one") {
  const std::string le = std::string("\xFF\xFE<\0a\0>\0\xE9\0", 10);
  CHECK(decode_to_utf8(le, "").utf8 == "<a>\xC3\xA9");
  CHECK(decode_to_utf8(le, "").encoding == "utf-16le");
  const std::string be = std::string("\0<\0?\0x", 6);
  CHECK(decode_to_utf8(be, "").encoding == "utf-16be");
  CHECK(decode_to_utf8(be, "").utf8 == "<?x");
}

TEST_CASE("feed::decode_to_utf8: a lone surrogate or an odd byte in UTF-16 becomes U+FFFD") {
  const std::string bad = std::string("\xFF\xFE\x00\xD8<\0x", 7);
  CHECK(decode_to_utf8(bad, "").utf8 == "\xEF\xBF\xBD<\xEF\xBF\xBD");
}

TEST_CASE("feed::decode_to_utf8: mislabelled UTF-8 falls back to Windows-1252 with a warning") {
  const Decoded d = decode_to_utf8(
      "<a>Fiscal\xED"
      "a</a>",
      "");
  CHECK(d.encoding == "windows-1252");
  CHECK(d.lossy);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.utf8 ==
        "<a>Fiscal\xC3\xAD"
        "a</a>");
}

TEST_CASE("feed::decode_to_utf8: bytes undefined in Windows-1252 are replaced, not guessed") {
  const Decoded d = decode_to_utf8("<a>\x81\xFF</a>", "");
  CHECK(d.encoding == "utf-8");
  CHECK(d.utf8 == "<a>\xEF\xBF\xBD\xEF\xBF\xBD</a>");
}

TEST_CASE("feed::decode_to_utf8: charset names from the document never reach iconv unchecked") {
  const Decoded d = decode_to_utf8("<?xml version='1.0' encoding='../../etc/passwd'?><a/>", "");
  CHECK(d.encoding == "utf-8");
  CHECK(d.lossy);
}

TEST_CASE("feed::normalize_charset: aliases map to one name") {
  CHECK(normalize_charset(" \"UTF8\" ") == "utf-8");
  CHECK(normalize_charset("Latin-1") == "iso-8859-1");
  CHECK(normalize_charset("CP1252") == "windows-1252");
  CHECK(normalize_charset("ascii") == "us-ascii");
  CHECK(declared_xml_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>") == "iso-8859-15");
  CHECK(declared_xml_encoding("<rss/>").empty());
}

TEST_CASE("feed::prepare_xml: rewrites HTML entities and bare ampersands, leaves CDATA alone") {
  const PreparedXml p =
      prepare_xml("junk\n<a>&eacute;&amp;&#233;&#x41; R&D <![CDATA[a & b &nbsp;]]><!-- & --></a>");
  CHECK(p.xml == "<a>&#233;&amp;&#233;&#x41; R&amp;D <![CDATA[a & b &nbsp;]]><!-- & --></a>");
  CHECK(p.skipped_lines == 1);
  CHECK(p.changed);
  REQUIRE(p.warnings.size() == 2);
  CHECK(p.warnings[0] == "line 2: undefined entity &eacute; decoded as HTML");
}

TEST_CASE("feed::prepare_xml: a clean document comes back unchanged") {
  const std::string doc =
      "<?xml version=\"1.0\"?><rss><channel><title>A &amp; B</title></channel></rss>";
  const PreparedXml p = prepare_xml(doc);
  CHECK(p.xml == doc);
  CHECK_FALSE(p.changed);
  CHECK(p.warnings.empty());
}

TEST_CASE("feed::sniff: binary, blank and HTML detection") {
  CHECK(is_blank(" \n\t"));
  CHECK_FALSE(is_blank(" x"));
  CHECK(looks_binary("\x89PNG\r\n", ""));
  CHECK(looks_binary(std::string("GIF89a"), ""));
  CHECK(looks_binary("<rss>", std::string("<rss>\0", 6)));
  CHECK_FALSE(looks_binary("<rss>", "<rss>"));
  CHECK(looks_like_html_page("\n<!-- hi -->\n<!DOCTYPE html><html>"));
  CHECK(looks_like_html_page("<HTML><body>"));
  CHECK_FALSE(looks_like_html_page("<?xml version=\"1.0\"?><rss>"));
  CHECK_FALSE(looks_like_html_page("<htmlx>"));
}

TEST_CASE("feed::advertised_feeds: only alternate links with feed types, resolved, deduplicated") {
  const auto feeds = advertised_feeds(
      "<link rel=\"alternate stylesheet\" type=\"text/css\" href=\"/a.css\">"
      "<link rel='Alternate' type='application/atom+xml' href='atom.xml'>"
      "<link type=\"application/rss+xml\" rel=\"alternate\" href=\"/rss?x=1&amp;y=2\">"
      "<link rel=alternate type=application/rss+xml href=/rss?x=1&amp;y=2>"
      "<link rel=\"alternate\" type=\"application/rss+xml\">",
      "https://example.org/news/");
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0] == "https://example.org/news/atom.xml");
  CHECK(feeds[1] == "https://example.org/rss?x=1&y=2");
}
