// Behaviour of feed::parse that is easier to state in code than as a fixture: identity keys,
// warnings, hints, and robustness against hostile input.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"
#include "lib/text/utf8.hpp"
#include "tests/feed/feed_test_util.hpp"

using namespace atip::feed;

namespace {
std::string rss_with_items(const std::string& items) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + items +
         "</channel></rss>";
}

// Every string of the Feed itself, not only the JSON (whose writer sanitises on its own): the
// store keeps these strings, and parse() no longer checks strings of a verified document.
bool all_utf8(const Feed& f) {
  using atip::text::is_valid_utf8;
  bool ok = is_valid_utf8(f.title) && is_valid_utf8(f.link) && is_valid_utf8(f.description) &&
            is_valid_utf8(f.language) && is_valid_utf8(f.updated.raw) &&
            is_valid_utf8(f.published.raw);
  for (const Entry& e : f.entries) {
    for (const std::string* s : {&e.id, &e.title, &e.link, &e.published.raw, &e.updated.raw,
                                 &e.summary, &e.content, &e.language, &e.key})
      ok = ok && is_valid_utf8(*s);
    for (const Person& p : e.authors)
      ok = ok && is_valid_utf8(p.name) && is_valid_utf8(p.email) && is_valid_utf8(p.uri);
    for (const std::string& c : e.categories) ok = ok && is_valid_utf8(c);
    for (const Enclosure& x : e.enclosures) ok = ok && is_valid_utf8(x.url) && is_valid_utf8(x.type);
    for (const auto* links : {&e.alternates, &e.related})
      for (const Link& l : *links)
        ok = ok && is_valid_utf8(l.href) && is_valid_utf8(l.hreflang) && is_valid_utf8(l.type) &&
             is_valid_utf8(l.title);
    for (const auto* values : {&e.relations, &e.identifiers})
      for (const std::string& v : *values) ok = ok && is_valid_utf8(v);
  }
  return ok;
}
}  // namespace

TEST_CASE("feed::parse: entry without id or link gets a hash key from title and date") {
  const auto r =
      parse(rss_with_items("<item><title>A</title><pubDate>Tue, 24 Nov 2026 10:00:00 GMT"
                           "</pubDate></item><item><title>B</title></item>"));
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 2);
  const std::string& k = r.feed.entries[0].key;
  CHECK(k.starts_with("hash:"));
  CHECK(k.size() == 5 + 16);
  CHECK(r.feed.entries[1].key != k);
  // Same input, same key: keys are stored and must be stable.
  CHECK(parse(rss_with_items("<item><title>A</title><pubDate>Tue, 24 Nov 2026 10:00:00 GMT"
                             "</pubDate></item>"))
            .feed.entries[0]
            .key == k);
}

TEST_CASE("feed::parse: atom entry without id has empty id and link-based key") {
  const auto r = parse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title>"
      "<link href=\"https://example.org/x\"/></entry></feed>");
  REQUIRE(r.ok);
  CHECK(r.feed.entries[0].id.empty());
  CHECK(r.feed.entries[0].key == "https://example.org/x");
}

TEST_CASE("feed::parse: content hash changes with the summary and not with the date") {
  auto hash_of = [](const std::string& item) {
    return parse(rss_with_items(item)).feed.entries.at(0).content_hash;
  };
  const std::string a = hash_of("<item><title>T</title><description>one</description></item>");
  const std::string b = hash_of("<item><title>T</title><description>two</description></item>");
  const std::string c = hash_of(
      "<item><title>T</title><description>one</description><pubDate>Tue, 24 Nov 2026 10:00:00 "
      "GMT</pubDate></item>");
  CHECK(a.size() == 16);
  CHECK(a != b);
  CHECK(a == c);
}

TEST_CASE("feed::parse: repeated guids keep distinct keys, the first keeps the plain id") {
  const auto r =
      parse(rss_with_items("<item><guid>same</guid><link>https://e.org/1</link></item>"
                           "<item><guid>same</guid><link>https://e.org/2</link></item>"
                           "<item><guid>same</guid><link>https://e.org/2</link></item>"));
  REQUIRE(r.feed.entries.size() == 3);
  CHECK(r.feed.entries[0].key == "same");
  CHECK(r.feed.entries[1].key == "same https://e.org/2");
  CHECK(r.feed.entries[2].key.starts_with("hash:"));
}

TEST_CASE("feed::parse: the HTTP charset beats the XML declaration, a BOM beats both") {
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\">"
      "<channel><title>Explotaci\xF3n</title></channel></rss>";
  Hints h;
  h.http_charset = "iso-8859-1";
  auto r = parse(latin1, h);
  CHECK(r.feed.encoding == "iso-8859-1");
  CHECK(r.feed.title == "Explotaci\xC3\xB3n");
  CHECK(r.feed.wellformed);
  const std::string bom =
      "\xEF\xBB\xBF<rss version=\"2.0\"><channel><title>S\xC3\xA3o</title></channel></rss>";
  r = parse(bom, h);
  CHECK(r.feed.encoding == "utf-8");
  CHECK(r.feed.title == "S\xC3\xA3o");
}

TEST_CASE("feed::parse: recovery warnings carry the document's line number") {
  const auto r = parse(
      "<rss version=\"2.0\">\n<channel>\n<title>T</title>\n<item>\n"
      "<title>a</title></oops>\n</item>\n</channel>\n</rss>\n");
  REQUIRE(r.ok);
  CHECK_FALSE(r.feed.wellformed);
  REQUIRE_FALSE(r.feed.warnings.empty());
  CHECK(r.feed.warnings[0] == "line 5: mismatched end tag");
  CHECK(r.feed.entries.size() == 1);
}

TEST_CASE("feed::parse: an unescaped ampersand is reported with its line") {
  const auto r = parse("<rss version=\"2.0\"><channel>\n<title>A & B</title></channel></rss>");
  REQUIRE(r.ok);
  CHECK(r.feed.title == "A & B");
  REQUIRE(r.feed.warnings.size() == 1);
  CHECK(r.feed.warnings[0] == "line 2: unescaped '&' escaped");
}

TEST_CASE("feed::parse: the base URL hint resolves relative links, xml:base wins over it") {
  Hints h;
  h.base_url = "https://example.org/feeds/main.xml";
  const auto r =
      parse(rss_with_items("<item><link>../news/1</link></item>"
                           "<item xml:base=\"https://other.example/a/\"><link>b</link></item>"),
            h);
  REQUIRE(r.feed.entries.size() == 2);
  CHECK(r.feed.entries[0].link == "https://example.org/news/1");
  CHECK(r.feed.entries[1].link == "https://other.example/a/b");
}

TEST_CASE("feed::parse: an HTML page is not a feed and lists the feeds it advertises") {
  Hints h;
  h.base_url = "https://www.state.gov/";
  const auto r = parse(
      "<!doctype html><html><head><link rel='alternate' "
      "type='application/rss+xml' href='/rss-feed/feed/'></head></html>",
      h);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "not a feed: an HTML page; it advertises 1 feed");
  REQUIRE(r.advertised_feeds.size() == 1);
  CHECK(r.advertised_feeds[0] == "https://www.state.gov/rss-feed/feed/");
}

TEST_CASE("feed::parse: an HTML doctype in front of an rss root is still a feed") {
  const auto r = parse(
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">\n"
      "<rss><channel><title>found</title></channel></rss>");
  REQUIRE(r.ok);
  CHECK(r.feed.title == "found");
}

TEST_CASE("feed::parse: a failed parse has an empty feed and a one-line error") {
  const auto r = parse("<?xml version=\"1.0\"?><opml version=\"2.0\"/>");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "not a feed: root element <opml>");
  CHECK(r.error.find('\n') == std::string::npos);
  CHECK(r.feed.entries.empty());
}

TEST_CASE("feed::parse: never throws and always yields valid UTF-8 on mutated samples") {
  using atip::feed::testing::read_file;
  using atip::feed::testing::source_path;
  std::mt19937 rng(20261127);  // fixed seed: deterministic
  for (const char* name :
       {"unodc-news.rss", "mpf-chile.rss", "iom-americas.atom", "dw-espanol.rdf"}) {
    const std::string original = read_file(source_path(std::string("feeds/samples/") + name));
    REQUIRE_FALSE(original.empty());
    for (int round = 0; round < 150; ++round) {
      std::string doc = original;
      const int edits = 1 + static_cast<int>(rng() % 8);
      for (int k = 0; k < edits; ++k) {
        const std::size_t pos = rng() % doc.size();
        switch (rng() % 4) {
          case 0:
            doc[pos] = static_cast<char>(rng() % 256);
            break;
          case 1:
            doc.erase(pos, rng() % 64);
            break;
          case 2:
            doc.insert(pos, std::string(1, "<>&\"'/\x00\xff"[rng() % 8]));
            break;
          default:
            doc.resize(pos);
            break;
        }
        if (doc.empty()) doc = "<";
      }
      ParseResult r;
      CHECK_NOTHROW(r = parse(doc));
      if (r.ok) {
        CHECK(atip::text::is_valid_utf8(to_json(r.feed)));
        CHECK(all_utf8(r.feed));
      }
    }
  }
}

TEST_CASE("feed::parse: strings are valid UTF-8 whatever references and base64 carry") {
  // Base64 of "\xff\xfe\xc3(ok": bytes that are not UTF-8, in a document that is.
  const std::string atom =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&#xD800;&#x110000;&#0;&#X41;</title>"
      "<entry><id>a&#xDFFF;</id><title type=\"text\">&#55296;x</title>"
      "<link href=\"/p?q=&#xD800;\"/>"
      "<content type=\"application/octet-stream\">//7DKG9r</content>"
      "<summary mode=\"base64\" type=\"text/plain\">//7DKG9r</summary></entry></feed>";
  const auto r = parse(atom);
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 1);
  CHECK(all_utf8(r.feed));
  CHECK(r.feed.entries[0].content == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD(ok");
  CHECK(r.feed.entries[0].summary == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD(ok");
  // The same text in a charset that goes through iconv, and in Windows-1252.
  for (const char* cs : {"iso-8859-2", "windows-1252"}) {
    const auto other = parse(atom, Hints{cs, {}});
    REQUIRE(other.ok);
    CHECK(all_utf8(other.feed));
  }
}

TEST_CASE("feed::parse: deep nesting and huge attribute counts do not crash") {
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 20000; ++i) deep += "<b>";
  deep += "x</description></item></channel></rss>";
  CHECK_NOTHROW((void)parse(deep));
  std::string attrs = "<rss><channel><item><enclosure";
  for (int i = 0; i < 5000; ++i) attrs += " a" + std::to_string(i) + "=\"v\"";
  attrs += " url=\"https://e.org/x\"/></item></channel></rss>";
  const auto r = parse(attrs);
  REQUIRE(r.ok);
  CHECK(r.feed.entries.at(0).enclosures.at(0).url == "https://e.org/x");
}

TEST_CASE("feed::parse: JSON Feed is detected from a leading brace") {
  const auto r = parse(
      "  {\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\","
      "\"items\":[{\"id\":\"1\",\"title\":\"t\",\"date_published\":"
      "\"2026-11-05T10:00:00Z\"}]}");
  REQUIRE(r.ok);
  CHECK(r.feed.format == Format::JsonFeed);
  CHECK(r.feed.entries.at(0).published.time == 1793872800);
}

TEST_CASE("feed::parse: entries removed from the tree once read leave later channel data intact") {
  // Channel elements after and between items, and RSS 1.0 items beside the channel: the
  // extraction drops each item's nodes as it goes (extract.hpp append_entry).
  const auto r = parse(
      "<rss version=\"2.0\"><channel><item><title>A</title><guid>a</guid></item>"
      "<title>Late title</title><item><title>B</title><guid>b</guid></item>"
      "<link>http://example.org/</link><item><title>C</title></item>"
      "<language>es</language></channel></rss>");
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 3);
  CHECK(r.feed.title == "Late title");
  CHECK(r.feed.language == "es");
  CHECK(r.feed.link == "http://example.org/");
  CHECK(r.feed.entries[1].title == "B");
  CHECK(r.feed.entries[2].title == "C");
  const auto rdf = parse(
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\"><item rdf:about=\"x1\"><title>X1</title></item>"
      "<channel rdf:about=\"c\"><title>RDF</title></channel>"
      "<item rdf:about=\"x2\"><title>X2</title></item></rdf:RDF>");
  REQUIRE(rdf.ok);
  REQUIRE(rdf.feed.entries.size() == 2);
  CHECK(rdf.feed.title == "RDF");
  CHECK(rdf.feed.entries[0].id == "x1");
  CHECK(rdf.feed.entries[1].id == "x2");
}

TEST_CASE("feed::parse: a warning that quotes an invalid byte of the declaration is valid UTF-8") {
  // Found by the fuzzer: the XML declaration's encoding name is quoted in the warning as it was
  // written, before any decoding, and `atip fetch` stores warnings in the fetch log.
  const std::string bytes =
      "<?xml version=\"1.0\" encoding=\"utf\xC5-8\"?>\n<rss version=\"2.0\"><channel><title>T</title>"
      "<item><title>a</title><link>http://example.org/a</link></item></channel></rss>";
  const ParseResult r = parse(bytes);
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 1);
  bool quoted = false;
  for (const auto& w : r.feed.warnings) {
    CHECK_MESSAGE(atip::text::is_valid_utf8(w), w);
    quoted = quoted || w.find("utf\xEF\xBF\xBD-8") != std::string::npos;
  }
  CHECK(quoted);
}
