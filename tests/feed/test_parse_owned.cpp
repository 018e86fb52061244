// feed::parse_owned: taking the bytes over must give exactly what parse() gives, whether the
// buffer is parsed in place (valid UTF-8 with a `reload`) or copied, and `reload` is only
// called on the paths that need the original text again.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"

using namespace atip::feed;

namespace {

struct Counted {
  std::string bytes;
  int calls = 0;
  std::function<std::string()> reload() {
    return [this] {
      ++calls;
      return bytes;
    };
  }
};

void same_as_parse(const std::string& doc, int expected_reloads) {
  CAPTURE(doc);
  const ParseResult want = parse(doc);
  Counted c{doc};
  const ParseResult got = parse_owned(std::string(doc), {}, c.reload());
  CHECK(got.ok == want.ok);
  CHECK(got.error == want.error);
  CHECK(got.advertised_feeds == want.advertised_feeds);
  if (want.ok) CHECK(to_json(got.feed) == to_json(want.feed));
  CHECK(c.calls == expected_reloads);
  const ParseResult plain = parse_owned(std::string(doc));  // no reload: a copy is kept
  CHECK(plain.ok == want.ok);
  if (want.ok) CHECK(to_json(plain.feed) == to_json(want.feed));
}

}  // namespace

TEST_CASE("feed::parse_owned: well-formed UTF-8 is parsed in place without reloading") {
  same_as_parse("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Trata</title>"
                "<item><title>Polic\xC3\xAD" "a &amp; fiscal\xC3\xAD" "a</title><guid>g1</guid>"
                "</item><item><title>Two</title><link>/a</link></item></channel></rss>",
                0);
  // With a UTF-8 BOM, which is dropped from the buffer taken over.
  same_as_parse("\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>"
                "<entry><id>x</id><title>S\xC3\xA3o Paulo</title></entry></feed>",
                0);
}

TEST_CASE("feed::parse_owned: recovery and HTML pages read the original again") {
  // Ill-formed: the first in-place parse fails and has consumed the buffer.
  same_as_parse("<rss version=\"2.0\"><channel><title>T</title><item><title>kept</title>"
                "<guid>g</guid></item><item><title>broken</titl></item></channel>",
                1);
  same_as_parse("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                "href=\"http://example.org/feed\"></head><body></body></html>",
                0);  // recognised before any XML parse, from the decoded text
  // A prefixed XHTML root is only seen to be a page once the tree is built.
  same_as_parse("<?xml version=\"1.0\"?><h:html xmlns:h=\"http://www.w3.org/1999/xhtml\">"
                "<h:head><h:link rel=\"alternate\" type=\"application/atom+xml\" "
                "href=\"http://e.org/a\"/></h:head></h:html>",
                1);
}

TEST_CASE("feed::parse_owned: other encodings are decoded into a new buffer, never reloaded") {
  same_as_parse("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel>"
                "<title>Pol\xEDtica</title><item><title>Jap\xE3o</title></item></channel></rss>",
                0);
  // Mislabelled UTF-8 that is really Windows-1252 is decoded, not taken over.
  same_as_parse("<rss version=\"2.0\"><channel><title>caf\xE9</title><item><title>\x93x\x94"
                "</title></item></channel></rss>",
                0);
}

TEST_CASE("feed::parse_owned: a reload that finds nothing gives an error, not a crash") {
  const std::string doc = "<rss version=\"2.0\"><channel><item><title>a</titl></item></channel>";
  const ParseResult r = parse_owned(std::string(doc), {}, [] { return std::string(); });
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.error.empty());
}
