#include "lib/app/parse.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>
#include <ostream>

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
  if (!f.language.empty()) fmt::print(out, "language: {}\n", text::terminal_safe(f.language));
  fmt::print(out, "entries:  {}\n", f.entries.size());
  for (const auto& e : f.entries) {
    fmt::print(out, "\n{}\n", plain(e.title, e.title_type));
    fmt::print(out, "  link:      {}\n", text::terminal_safe(e.link));
    fmt::print(out, "  published: {}\n", text::terminal_safe(date_text(e.published)));
    if (!e.updated.raw.empty()) fmt::print(out, "  updated:   {}\n", text::terminal_safe(date_text(e.updated)));
    fmt::print(out, "  key:       {}\n", text::terminal_safe(e.key));
  }
}

}  // namespace

void parse_file(Context& ctx, const std::string& file, ParseFormat format) {
  const std::string bytes = util::read_file(file);
  const feed::ParseResult r = feed::parse(bytes);
  const std::string name = file == "-" ? "standard input" : file;
  if (!r.ok) {
    std::string message = fmt::format("cannot parse '{}': {}", name, r.error);
    for (const auto& url : r.advertised_feeds) message += fmt::format("\n  advertised feed: {}", text::terminal_safe(url));
    if (format == ParseFormat::Json)
      ctx.out << nlohmann::json{{"atip_json", 1}, {"error", r.error}}.dump() << '\n';
    throw Error(message);
  }
  for (const auto& w : r.feed.warnings)
    fmt::print(ctx.err, "atip: warning: {}: {}\n", name, text::terminal_safe(w));
  if (format == ParseFormat::Json)
    ctx.out << feed::to_json(r.feed) << '\n';
  else
    print_text(ctx.out, r.feed);
}

}  // namespace atip::app
