#include <doctest/doctest.h>

#include "lib/util/hash.hpp"
#include "lib/util/url.hpp"

using atip::util::resolve_url;

TEST_CASE("util::resolve_url: RFC 3986 section 5.4.1 normal examples") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [ref, want] : cases) {
    CAPTURE(ref);
    CHECK(resolve_url(base, ref) == want);
  }
}

TEST_CASE("util::resolve_url: RFC 3986 section 5.4.2 abnormal examples") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},
  };
  for (const auto& [ref, want] : cases) {
    CAPTURE(ref);
    CHECK(resolve_url(base, ref) == want);
  }
}

TEST_CASE("util::resolve_url: without a base a relative reference stays relative") {
  CHECK(resolve_url("", "news/1.html") == "news/1.html");
  CHECK(resolve_url("", "  /a b ") == "/a b");
}

TEST_CASE("util::resolve_url: base with authority and empty path gets a slash") {
  CHECK(resolve_url("https://www.iom.int", "news/x") == "https://www.iom.int/news/x");
  CHECK(resolve_url("https://www.iom.int/", "/americas") == "https://www.iom.int/americas");
}

TEST_CASE("util::resolve_url: absolute references keep query and tracking parameters") {
  CHECK(resolve_url("http://a/b", "https://x.org/p?utm_source=rss&id=2#top") ==
        "https://x.org/p?utm_source=rss&id=2#top");
}

TEST_CASE("util::has_scheme: recognises schemes, not paths or ports") {
  CHECK(atip::util::has_scheme("https://x"));
  CHECK(atip::util::has_scheme("mailto:a@b"));
  CHECK_FALSE(atip::util::has_scheme("/a:b"));
  CHECK_FALSE(atip::util::has_scheme("1http://x"));
  CHECK_FALSE(atip::util::has_scheme("noscheme"));
}

TEST_CASE("util::hash: FNV-1a 64 matches the published test vectors") {
  CHECK(atip::util::fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(atip::util::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(atip::util::fnv1a64("foobar") == 0x85944171f73967e8ULL);
  CHECK(atip::util::hash_hex("foobar") == "85944171f73967e8");
  CHECK(atip::util::to_hex(1) == "0000000000000001");
}

TEST_CASE("util::hash: chaining continues from the previous value") {
  CHECK(atip::util::fnv1a64("bar", atip::util::fnv1a64("foo")) == atip::util::fnv1a64("foobar"));
}

TEST_CASE("util::percent_decode: escapes decoded, malformed ones kept, '+' a space only in queries") {
  using atip::util::percent_decode;
  CHECK(percent_decode("10.1000%2Fabc") == "10.1000/abc");
  CHECK(percent_decode("a%2") == "a%2");
  CHECK(percent_decode("%zz%41") == "%zzA");
  CHECK(percent_decode("a+b") == "a+b");
  CHECK(percent_decode("a+b%20c", true) == "a b c");
}
