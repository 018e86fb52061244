#pragma once
// Canonical URLs: the key under which the same work, linked by different feeds, is recognised
// (identity rule 2 of DESIGN.md). The result is a key, not a URL to visit: it has no scheme.
#include <string>
#include <string_view>

namespace atip::catalog {

// "https://WWW.Example.org:443/a/b/?utm_source=x&id=3#top" -> "example.org/a/b?id=3".
// Scheme dropped (http and https alike), host lower-cased without "www.", default ports,
// fragment, trailing slash and tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid …)
// removed; Google redirect wrappers (google.com/url?url=…) unwrapped first.
// Returns "" for anything that is not an absolute http(s) URL.
std::string canonical_url(std::string_view url);

// The target of a known redirect wrapper (Google Alerts / News / Search "url?q=|url="),
// percent-decoded; the input unchanged when it is not one.
std::string unwrap_redirect(std::string_view url);

}  // namespace atip::catalog
