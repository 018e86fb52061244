#include <doctest/doctest.h>

#include <string>

#include "lib/text/entities.hpp"
#include "lib/text/html.hpp"

using namespace atip::text;

TEST_CASE("text::decode_entities: named, decimal and hex references") {
  CHECK(decode_entities("caf&eacute; &amp; t&#233; &#xE9;") == "caf\xC3\xA9 & t\xC3\xA9 \xC3\xA9");
  CHECK(decode_entities("&rsquo;&ldquo;&hellip;&nbsp;") ==
        "\xE2\x80\x99\xE2\x80\x9C\xE2\x80\xA6\xC2\xA0");
  CHECK(decode_entities("&NotNestedGreaterGreater;") == "\xE2\xAA\xA2\xCC\xB8");  // two code points
}

TEST_CASE("text::decode_entities: unknown or malformed references are left as written") {
  CHECK(decode_entities("AT&T & co &bogus; &#; &#x;") == "AT&T & co &bogus; &#; &#x;");
}

TEST_CASE("text::decode_entities: legacy names without ';' but not inside URL parameters") {
  CHECK(decode_entities("&copy 2026") == "\xC2\xA9 2026");
  CHECK(decode_entities("?a=1&copy=2&lang=es") == "?a=1&copy=2&lang=es");
}

TEST_CASE("text::decode_entities: numeric C1 references mean Windows-1252, NUL becomes U+FFFD") {
  CHECK(decode_entities("&#147;x&#148;") == "\xE2\x80\x9Cx\xE2\x80\x9D");
  CHECK(decode_entities("&#0;") == "\xEF\xBF\xBD");
  CHECK(decode_entities("&#xD800;&#x110000;") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("text::entities: the HTML 4 set is complete") {
  for (const char* n :
       {"nbsp",   "iexcl",  "yuml",   "Alpha",  "omega",  "thetasym", "upsih",  "piv",    "bull",
        "hellip", "prime",  "oline",  "frasl",  "weierp", "image",    "real",   "trade",  "alefsym",
        "larr",   "hArr",   "forall", "part",   "exist",  "empty",    "nabla",  "isin",   "lowast",
        "radic",  "prop",   "infin",  "ang",    "and",    "cap",      "int",    "there4", "sim",
        "cong",   "asymp",  "ne",     "equiv",  "le",     "sub",      "sube",   "oplus",  "otimes",
        "perp",   "sdot",   "lceil",  "lang",   "rang",   "loz",      "spades", "hearts", "diams",
        "OElig",  "Scaron", "Yuml",   "circ",   "tilde",  "ensp",     "emsp",   "thinsp", "zwnj",
        "zwj",    "lrm",    "rlm",    "ndash",  "mdash",  "lsquo",    "sbquo",  "bdquo",  "dagger",
        "Dagger", "permil", "lsaquo", "rsaquo", "euro",   "fnof"}) {
    CAPTURE(n);
    CHECK_FALSE(lookup_entity(n).empty());
  }
  CHECK(lookup_entity("eacute") == "\xC3\xA9");
  CHECK(lookup_entity("Eacute") == "\xC3\x89");
  CHECK(lookup_entity("nosuch").empty());
}

TEST_CASE("text::html_to_text: block elements become line breaks, inline tags vanish") {
  CHECK(html_to_text("<p>First <b>bold</b> para.</p><p>Second</p>") ==
        "First bold para.\n\nSecond");
  CHECK(html_to_text("one<br>two<br/>three") == "one\ntwo\nthree");
  CHECK(html_to_text("<ul><li>a</li><li>b</li></ul>") == "a\nb");
  CHECK(html_to_text("  lots   of \n\n  space  ") == "lots of space");
}

TEST_CASE("text::html_to_text: script, style and head content is dropped") {
  CHECK(html_to_text("<head><title>T</title></head>a<script>var x = '<p>';</script>b"
                     "<STYLE>p{}</STYLE>c") == "abc");
  CHECK(html_to_text("x<!-- <p>hidden</p> -->y") == "xy");
}

TEST_CASE("text::html_to_text: entities decoded, nbsp is a space") {
  CHECK(html_to_text("Bogot&aacute;&nbsp;&amp;&nbsp;Lima &#8211; 2026") ==
        "Bogot\xC3\xA1 & Lima \xE2\x80\x93 2026");
}

TEST_CASE("text::html_to_text: tolerant of broken HTML") {
  CHECK(html_to_text("a < b and c > d") == "a < b and c > d");
  CHECK(html_to_text("<p>unclosed <b>bold") == "unclosed bold");
  CHECK(html_to_text("text <a href=\"x") == "text");
  CHECK(html_to_text("<div title='a>b'>x</div>") == "x");
  CHECK(html_to_text("") == "");
  CHECK(html_to_text("<script>never closed") == "");
}

TEST_CASE("text::html_to_text: linear on large input") {
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "<p>x &amp; <b>y</b></p>";
  const std::string out = html_to_text(big);
  CHECK(out.size() > 200000);
}

TEST_CASE("text::collapse_whitespace: runs become one space, ends trimmed") {
  CHECK(collapse_whitespace("  a \t\n b  ") == "a b");
  CHECK(collapse_whitespace("") == "");
}
