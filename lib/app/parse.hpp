#pragma once
// `atip parse`: how one feed parses, without touching the catalogue.
#include <string>

#include "lib/app/context.hpp"
#include "lib/net/http.hpp"

namespace atip::app {

enum class ParseFormat { Json, Text };

// True for "http://…" and "https://…" (scheme case-insensitive): `atip parse` fetches these.
bool is_http_url(const std::string& source);

// Parses SOURCE — a file, "-" for stdin, or an http(s) URL fetched with `client` and parsed with
// the response's charset and final URL as hints — and prints it. Warnings go to ctx.err. When
// the URL cannot be fetched (transport error, HTTP status other than 2xx) throws atip::Error.
// When no feed could be produced, prints {"atip_json":1,"error":…} for JSON and throws
// atip::Error.
void parse_source(Context& ctx, const std::string& source, ParseFormat format, net::HttpClient& client);

// As above with a libcurl client, created only when SOURCE is a URL.
void parse_source(Context& ctx, const std::string& source, ParseFormat format);

}  // namespace atip::app
