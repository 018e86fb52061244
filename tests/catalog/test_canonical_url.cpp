#include <doctest/doctest.h>

#include "lib/catalog/canonical_url.hpp"

using atip::catalog::canonical_url;
using atip::catalog::unwrap_redirect;

TEST_CASE("catalog::canonical_url: scheme, www, case, default port, fragment and trailing slash do not matter") {
  const std::string key = canonical_url("https://www.unodc.org/unodc/en/press/2026/report.html");
  CHECK(key == "unodc.org/unodc/en/press/2026/report.html");
  CHECK(canonical_url("http://UNODC.org:80/unodc/en/press/2026/report.html#top") == key);
  CHECK(canonical_url("HTTPS://www.unodc.org:443/unodc/en/press/2026/report.html/") == key);
}

TEST_CASE("catalog::canonical_url: tracking parameters are dropped, meaningful ones kept in order") {
  CHECK(canonical_url("https://reliefweb.int/report/x?utm_source=rss&id=7&fbclid=abc&utm_medium=feed&page=2") ==
        "reliefweb.int/report/x?id=7&page=2");
  CHECK(canonical_url("https://a.example/p?gclid=1&mc_cid=2&mc_eid=3") == "a.example/p");
  CHECK(canonical_url("https://a.example/p?lang=es") != canonical_url("https://a.example/p?lang=en"));
}

TEST_CASE("catalog::canonical_url: non-default ports and paths still distinguish") {
  CHECK(canonical_url("https://a.example:8443/x") == "a.example:8443/x");
  CHECK(canonical_url("https://a.example/x") != canonical_url("https://a.example/y"));
  CHECK(canonical_url("https://user:pw@a.example/x") == "a.example/x");
}

TEST_CASE("catalog::canonical_url: anything but an absolute http(s) URL has no key") {
  CHECK(canonical_url("").empty());
  CHECK(canonical_url("/relative/path").empty());
  CHECK(canonical_url("ftp://a.example/x").empty());
  CHECK(canonical_url("javascript:alert(1)").empty());
  CHECK(canonical_url("https:///nohost").empty());
}

TEST_CASE("catalog::unwrap_redirect: Google Alerts and News wrappers give the real URL") {
  CHECK(unwrap_redirect("https://www.google.com/url?rct=j&sa=t&url=https://www.eltiempo.com/justicia/trata-123&ct=ga") ==
        "https://www.eltiempo.com/justicia/trata-123");
  CHECK(unwrap_redirect("https://www.google.com/url?q=https%3A%2F%2Fg1.globo.com%2Fa%3Fb%3D1&sa=U") ==
        "https://g1.globo.com/a?b=1");
  CHECK(unwrap_redirect("https://example.org/url?url=https://x.example") == "https://example.org/url?url=https://x.example");
  CHECK(canonical_url("https://www.google.com/url?url=https://www.eltiempo.com/a&utm_source=x") == "eltiempo.com/a");
}
