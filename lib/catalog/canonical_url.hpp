#pragma once
// Canonical URLs: the key under which the same work, linked by different feeds, is recognised
// (identity rule 2 of DESIGN.md). The result is a key, not a URL to visit: it has no scheme.
#include <string>
#include <string_view>

namespace atip::catalog {

// "https://WWW.Example.org:443/a/b/?utm_source=x&id=3#top" -> "example.org/a/b?id=3".
// Scheme dropped (http and https alike), host lower-cased without "www.", default ports,
// fragment, trailing slash and tracking parameters (utm_*, mtm_*, pk_*, at_*, xtor, fbclid,
// gclid, mc_cid, mc_eid, _hs* …) removed; percent-escapes normalised (RFC 3986 6.2.2:
// unreserved characters decoded, other escapes upper-case, raw non-ASCII bytes escaped);
// redirect wrappers unwrapped first (see unwrap_redirect).
// Returns "" for anything that is not an absolute http(s) URL.
std::string canonical_url(std::string_view url);

// The target of a known redirect wrapper, percent-decoded: Google Alerts / News / Search
// ("google.com/url?q=|url="), Bing News RSS (apiclick.aspx?url=), Facebook (l.php?u=),
// Outlook Safe Links, and Google News article links whose id still embeds the URL (issued
// until 2024). The input unchanged when it is not one, or when the target cannot be known
// offline (newer Google News ids, t.co).
std::string unwrap_redirect(std::string_view url);

}  // namespace atip::catalog
