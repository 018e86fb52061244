#pragma once
// The pieces of a static file server with conditional GET, kept apart from the server so that
// each rule can be read (and tested) on its own.
#include <httplib.h>

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace atip::testing {

// A strong validator derived from the content: "\"<16 hex digits of FNV-1a 64>\"".
std::string etag_for(std::string_view content);

// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::time_t when);
// Parses an IMF-fixdate; nullopt for anything else.
std::optional<std::time_t> parse_http_date(const std::string& text);

// True when the request's validators say the client's copy is current. If-None-Match wins over
// If-Modified-Since when both are present (RFC 9110 §13.2.2); weak "W/" tags compare equal.
bool is_not_modified(const httplib::Request& request, const std::string& etag,
                     std::time_t last_modified);

// A Content-Type for a file name, by extension; feeds get their registered types.
std::string content_type_for(const std::filesystem::path& file);

// The file under `root` that `request_path` names, or nullopt when it escapes `root`, does not
// exist or is not a regular file. A directory maps to its index.html.
std::optional<std::filesystem::path> resolve_under(const std::filesystem::path& root,
                                                   const std::string& request_path);

// Compresses `body` with gzip when the client accepts gzip and httplib would not compress the
// type itself (httplib only compresses text/*, JSON, XML and a few others, not rss+xml).
void maybe_gzip(const httplib::Request& request, httplib::Response& response);
// Compresses every file under `root` ahead of the first request, as a server with pre-compressed
// files (nginx's gzip_static) would have them: a benchmark then measures its client, not the
// compression of the first answers on the same cores.
void precompress(const std::filesystem::path& root);

// gzip of `body`, through httplib's own compressor.
std::string gzip(std::string_view body);

// Answers `request` from `root`: 200 with validators, 304, or 404; compressed as maybe_gzip
// (and httplib) decide.
void answer_from_directory(const std::filesystem::path& root, const httplib::Request& request,
                           httplib::Response& response);

}  // namespace atip::testing
