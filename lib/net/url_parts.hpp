#pragma once
// Small URL helpers for the fetcher, built on libcurl's URL parser so that they agree with what
// libcurl itself will do with the same string.
#include <string>
#include <string_view>

namespace atip::net {

// The scheme of `url`, lower-cased ("https"), or "" when `url` does not start with a scheme
// (RFC 3986: a letter, then letters, digits, '+', '-', '.', then ':').
std::string url_scheme(std::string_view url);

// The lower-cased host of an absolute URL, or "" when libcurl cannot parse it.
std::string url_host(const std::string& url);

// `location` (a Location header value, possibly relative) resolved against `base`; `location`
// unchanged when either cannot be parsed.
std::string resolve_url(const std::string& base, const std::string& location);

}  // namespace atip::net
