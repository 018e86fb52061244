#include "lib/app/parse.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <ostream>
#include <utility>

#include "lib/app/fetch.hpp"
#include "lib/feed/encoding.hpp"
#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

namespace atip::app {

namespace {

std::string date_text(const feed::Date& d) {
  if (d.time) return util::format_rfc3339(*d.time);
  return d.raw.empty() ? std::string("-") : fmt::format("unreadable date '{}'", d.raw);
}

std::string plain(const std::string& s, feed::TextType type) {
  return text::terminal_safe(type == feed::TextType::Text ? text::collapse_whitespace(s)
                                                          : text::collapse_whitespace(text::html_to_text(s)));
}

void print_text(std::ostream& out, const feed::Feed& f) {
  fmt::print(out, "title:    {}\n", plain(f.title, f.title_type));
  fmt::print(out, "link:     {}\n", text::terminal_safe(f.link));
  fmt::print(out, "format:   {}\n", feed::format_name(f.format));
  fmt::print(out, "encoding: {}\n", f.encoding);
  if (!f.wellformed) fmt::print(out, "recovered: {} warning(s)\n", f.warnings.size());
  if (!f.language.empty()) fmt::print(out, "language: {}\n", text::terminal_safe(f.language));
  fmt::print(out, "entries:  {}\n", f.entries.size());
  for (const auto& e : f.entries) {
    fmt::print(out, "\n{}\n", plain(e.title, e.title_type));
    fmt::print(out, "  link:      {}\n", text::terminal_safe(e.link));
    fmt::print(out, "  published: {}\n", text::terminal_safe(date_text(e.published)));
    if (!e.updated.raw.empty()) fmt::print(out, "  updated:   {}\n", text::terminal_safe(date_text(e.updated)));
    for (const auto& enc : e.enclosures)
      fmt::print(out, "  enclosure: {} ({})\n", text::terminal_safe(enc.url), text::terminal_safe(enc.type));
    fmt::print(out, "  key:       {}\n", text::terminal_safe(e.key));
  }
}

struct Source {
  std::string bytes;
  feed::Hints hints;
  std::function<std::string()> reload;  // reads the bytes again, when that is possible
};

Source fetch(const std::string& url, net::HttpClient& client) {
  net::Request request;
  request.url = url;
  net::Response response;
  client.fetch_all({request}, [&](net::Response&& r) { response = std::move(r); });
  const std::string shown = text::terminal_safe(url);
  if (!response.error.empty()) throw Error(fmt::format("cannot fetch '{}': {}", shown, response.error));
  if (!response.ok()) throw Error(fmt::format("cannot fetch '{}': HTTP {}", shown, response.status));
  const std::string& base = response.effective_url.empty() ? url : response.effective_url;
  return {std::move(response.body), {charset_of(response.content_type), base}, {}};
}

void parse_bytes(Context& ctx, Source&& source, const std::string& name, ParseFormat format,
                 const ParseHints& hints) {
  if (!hints.charset.empty()) source.hints.http_charset = hints.charset;
  if (!hints.base_url.empty()) source.hints.base_url = hints.base_url;
  // The bytes are handed over so the parser can free them once the tree is built.
  const feed::ParseResult r = feed::parse_owned(std::move(source.bytes), source.hints, source.reload);
  if (!r.ok) {
    std::string message = fmt::format("cannot parse '{}': {}", name, r.error);
    for (const auto& url : r.advertised_feeds) message += fmt::format("\n  advertised feed: {}", text::terminal_safe(url));
    if (format == ParseFormat::Json)
      ctx.out << nlohmann::json{{"atip_json", 1}, {"error", r.error}}.dump() << '\n';
    throw Error(message);
  }
  for (const auto& w : r.feed.warnings)
    fmt::print(ctx.err, "atip: warning: {}: {}\n", name, text::terminal_safe(w));
  if (format == ParseFormat::Json) {
    feed::write_json(ctx.out, r.feed);
    ctx.out << '\n';
  } else
    print_text(ctx.out, r.feed);
}

// A string of `n` bytes whose large middle is backed by 2 MiB pages where the kernel offers
// them (transparent huge pages in "madvise" mode): faulting a 20 MB feed in 4 KiB pages was a
// fifth of `atip parse`'s time on a virtual machine. Elsewhere the advice is ignored.
std::string file_buffer(std::size_t n) {
  std::string s;
  s.reserve(n);
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto at = reinterpret_cast<std::uintptr_t>(s.data());
  const std::uintptr_t begin = (at + kHuge - 1) & ~(kHuge - 1), end = (at + n) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  s.resize(n);
  return s;
}

// A regular file is read with one read() into a buffer of its size: reading through an
// istreambuf_iterator grew the string by doubling, which cost time and up to twice the memory.
std::string read_source(const std::string& file) {
  if (file == "-") return util::read_file(file);
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (fd >= 0) ::close(fd);
    return util::read_file(file);  // its errors name the problem (missing, a directory …)
  }
  std::string bytes = file_buffer(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  int error = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error = errno;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (error != 0) throw Error(fmt::format("cannot read '{}': {}", file, std::strerror(error)));
  bytes.resize(got);  // the file shrank while we read it
  return bytes;
}

void parse_local(Context& ctx, const std::string& file, ParseFormat format, const ParseHints& hints) {
  Source source{read_source(file), {}, {}};
  // A file can be read again, so the parser need not keep a copy of a large feed for the rare
  // document it has to recover; if the file has gone meanwhile, recovery sees an empty one.
  if (file != "-")
    source.reload = [file] {
      try {
        return read_source(file);
      } catch (const std::exception&) {
        return std::string();
      }
    };
  parse_bytes(ctx, std::move(source), file == "-" ? "standard input" : file, format, hints);
}

// An http(s) URL with a non-empty authority: "https://" and "https:///x" name no server.
bool has_host(const std::string& url) {
  if (!is_http_url(url)) return false;
  const std::size_t host = url.find("://") + 3;
  return host < url.size() && url.find_first_of("/?#", host) != host;
}

// Checked before anything is read or fetched: a hint that cannot be honoured would otherwise
// become a parser warning, easy to miss, and a parse unlike the one asked for.
void check_hints(const ParseHints& hints) {
  if (!hints.charset.empty() && !feed::is_known_charset(hints.charset))
    throw Error(fmt::format("unknown charset '{}' (for example utf-8, iso-8859-1, windows-1252)",
                            text::terminal_safe(hints.charset)));
  if (!hints.base_url.empty() && !has_host(hints.base_url))
    throw Error(fmt::format("base URL '{}' is not an absolute http(s) URL", text::terminal_safe(hints.base_url)));
}

}  // namespace

bool is_http_url(const std::string& source) {
  const auto starts = [&](std::string_view scheme) {
    if (source.size() < scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(source[i])) != scheme[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

void parse_source(Context& ctx, const std::string& source, ParseFormat format, const ParseHints& hints,
                  net::HttpClient& client) {
  check_hints(hints);
  if (is_http_url(source)) {
    parse_bytes(ctx, fetch(source, client), text::terminal_safe(source), format, hints);
    return;
  }
  parse_local(ctx, source, format, hints);
}

void parse_source(Context& ctx, const std::string& source, ParseFormat format, const ParseHints& hints) {
  if (!is_http_url(source)) {
    check_hints(hints);
    parse_local(ctx, source, format, hints);  // no curl handle for a file
    return;
  }
  net::CurlClient client(net::Options{});
  parse_source(ctx, source, format, hints, client);
}

}  // namespace atip::app
