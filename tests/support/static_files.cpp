#include "tests/support/static_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace atip::testing {
namespace fs = std::filesystem;

std::string etag_for(std::string_view content) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "\"%016" PRIx64 "\"", hash);
  return buffer;
}

std::string http_date(std::time_t when) {
  std::tm tm{};
  gmtime_r(&when, &tm);
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

std::optional<std::time_t> parse_http_date(const std::string& text) {
  static const std::string kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  char day_name[4] = {}, month[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(text.c_str(), "%3s, %d %3s %d %d:%d:%d GMT", day_name, &day, month, &year, &hour,
                  &minute, &second) != 7) {
    return std::nullopt;
  }
  std::size_t index = kMonths.find(month);
  if (index == std::string::npos || index % 3 != 0) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = static_cast<int>(index / 3);
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return timegm(&tm);
}

namespace {

std::string strip_weak(std::string_view tag) {
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.front())))
    tag.remove_prefix(1);
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.back()))) tag.remove_suffix(1);
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return std::string(tag);
}

bool etag_matches(const std::string& header, const std::string& etag) {
  std::stringstream list(header);
  std::string item;
  while (std::getline(list, item, ',')) {
    std::string tag = strip_weak(item);
    if (tag == "*" || tag == strip_weak(etag)) return true;
  }
  return false;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::time_t mtime_of(const fs::path& file) {
  struct stat info {};
  return ::stat(file.c_str(), &info) == 0 ? info.st_mtime : 0;
}

}  // namespace

bool is_not_modified(const httplib::Request& request, const std::string& etag,
                     std::time_t last_modified) {
  if (request.has_header("If-None-Match")) {
    return etag_matches(request.get_header_value("If-None-Match"), etag);
  }
  if (request.has_header("If-Modified-Since")) {
    auto since = parse_http_date(request.get_header_value("If-Modified-Since"));
    return since && last_modified <= *since;
  }
  return false;
}

std::string content_type_for(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".rss") return "application/rss+xml";
  if (ext == ".atom") return "application/atom+xml";
  if (ext == ".rdf") return "application/rdf+xml";
  if (ext == ".xml") return "application/xml";
  if (ext == ".json") return "application/feed+json";
  if (ext == ".opml") return "text/x-opml";
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::optional<fs::path> resolve_under(const fs::path& root, const std::string& request_path) {
  fs::path relative = fs::path(request_path).relative_path();
  for (const auto& part : relative) {
    if (part == "..") return std::nullopt;
  }
  std::error_code ec;
  fs::path base = fs::weakly_canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::weakly_canonical(base / relative, ec);
  if (ec) return std::nullopt;
  if (fs::is_directory(file, ec)) file /= "index.html";
  // Symbolic links are resolved above, so a link pointing outside the root is refused here.
  auto [root_end, unused] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (root_end != base.end() || !fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::string gzip(std::string_view body) {
  httplib::detail::gzip_compressor compressor;
  std::string out;
  compressor.compress(body.data(), body.size(), true, [&out](const char* data, std::size_t n) {
    out.append(data, n);
    return true;
  });
  return out;
}

namespace {

// Compressed bodies by ETag. A server on the internet pays for compression on its own machine,
// once per version of a file (a cache, or nginx's gzip_static); this one shares two cores with
// the client it serves, and compressing every answer again (about 1 ms for a 30 KB feed) was
// charged to the client's benchmark. Bounded: a test serving many versions just recompresses.
std::string cached_gzip(const std::string& etag, const std::string& body) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::string> cache;
  static std::size_t bytes = 0;
  constexpr std::size_t kMaxBytes = 64 << 20;
  {
    std::lock_guard lock(mutex);
    auto found = cache.find(etag);
    if (found != cache.end()) return found->second;
  }
  std::string compressed = gzip(body);
  std::lock_guard lock(mutex);
  if (bytes + compressed.size() <= kMaxBytes && cache.emplace(etag, compressed).second)
    bytes += compressed.size();
  return compressed;
}

}  // namespace

void precompress(const fs::path& root) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string body = read_file(it->path());
    cached_gzip(etag_for(body), body);
  }
}

void maybe_gzip(const httplib::Request& request, httplib::Response& response) {
  if (httplib::detail::encoding_type(request, response) != httplib::detail::EncodingType::None) {
    return;  // httplib compresses this type itself
  }
  if (request.get_header_value("Accept-Encoding").find("gzip") == std::string::npos) return;
  const std::string etag = response.get_header_value("ETag");
  response.body = etag.empty() ? gzip(response.body) : cached_gzip(etag, response.body);
  response.set_header("Content-Encoding", "gzip");
  response.set_header("Vary", "Accept-Encoding");
}

void answer_from_directory(const fs::path& root, const httplib::Request& request,
                           httplib::Response& response) {
  auto file = resolve_under(root, request.path);
  if (!file) {
    response.status = 404;
    response.set_content("not found\n", "text/plain");
    return;
  }
  std::string body = read_file(*file);
  std::string etag = etag_for(body);
  std::time_t modified = mtime_of(*file);
  response.set_header("ETag", etag);
  response.set_header("Last-Modified", http_date(modified));
  if (is_not_modified(request, etag, modified)) {
    response.status = 304;
    return;
  }
  response.status = 200;
  response.set_content(std::move(body), content_type_for(*file).c_str());
  maybe_gzip(request, response);
}

}  // namespace atip::testing
