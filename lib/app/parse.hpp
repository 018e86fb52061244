#pragma once
// `atip parse`: how one feed parses, without touching the catalogue.
#include <string>

#include "lib/app/context.hpp"
#include "lib/net/http.hpp"

namespace atip::app {

enum class ParseFormat { Json, Text };

// What the person says in place of an HTTP response, so that a saved copy of a feed parses as
// fetching it did: each, when set, replaces the response's charset or final URL.
struct ParseHints {
  std::string charset;   // read as the Content-Type charset (a BOM still wins)
  std::string base_url;  // an absolute http(s) URL that relative links resolve against
};

// True for "http://…" and "https://…" (scheme case-insensitive): `atip parse` fetches these.
bool is_http_url(const std::string& source);

// Parses SOURCE — a file, "-" for stdin, or an http(s) URL fetched with `client` and parsed with
// the response's charset and final URL as hints, unless `hints` replaces them — and prints it.
// Warnings go to ctx.err. Throws atip::Error when a hint is unusable (an unknown charset, a base
// that is no absolute http(s) URL), before anything is read, and when the URL cannot be fetched
// (transport error, HTTP status other than 2xx). When no feed could be produced, prints
// {"atip_json":1,"error":…} for JSON and throws atip::Error.
void parse_source(Context& ctx, const std::string& source, ParseFormat format, const ParseHints& hints,
                  net::HttpClient& client);

// As above with a libcurl client, created only when SOURCE is a URL.
void parse_source(Context& ctx, const std::string& source, ParseFormat format, const ParseHints& hints = {});

}  // namespace atip::app
