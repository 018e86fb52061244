#include "lib/app/feeds.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/opml/opml.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

namespace {

std::string when(const std::optional<std::int64_t>& t) {
  return t ? util::format_rfc3339(*t) : std::string("never");
}

std::string status_of(const store::FeedRow& f) {
  if (!f.last_attempt) return "new";
  if (!f.last_error.empty()) return f.consecutive_failures > 1
      ? fmt::format("failing ({}x)", f.consecutive_failures) : std::string("failed");
  return f.http_status ? fmt::format("ok {}", *f.http_status) : std::string("ok");
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

nlohmann::json feed_json(const store::FeedRow& f) {
  auto opt = [](const auto& o) { return o ? nlohmann::json(*o) : nlohmann::json(nullptr); };
  return {{"id", f.id},
          {"url", f.url},
          {"title", f.title},
          {"site_url", f.site_url},
          {"language", f.language},
          {"tags", f.tags},
          {"enabled", f.enabled},
          {"last_attempt", f.last_attempt ? nlohmann::json(util::format_rfc3339(*f.last_attempt)) : nullptr},
          {"last_success", f.last_success ? nlohmann::json(util::format_rfc3339(*f.last_success)) : nullptr},
          {"http_status", opt(f.http_status)},
          {"last_error", f.last_error},
          {"consecutive_failures", f.consecutive_failures},
          {"documents", f.documents}};
}

}  // namespace

std::optional<std::string> unusable_feed_url(const std::string& url) {
  const auto colon = url.find("://");
  if (colon == std::string::npos) return "not an absolute URL (it needs http:// or https://)";
  std::string scheme = url.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https")
    return fmt::format("unsupported URL scheme '{}' (only http and https)", scheme);
  if (url.size() == colon + 3 || url[colon + 3] == '/') return "the URL has no host";
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f) return "the URL contains spaces or control characters";
  return std::nullopt;
}

AddFeedResult add_feed(Context& ctx, const std::string& url, const std::string& title,
                       const std::vector<std::string>& tags) {
  if (auto why = unusable_feed_url(url)) throw Error(fmt::format("cannot add '{}': {}", url, *why));
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  const auto id = cat.add_feed({url, title, "", tags}, ctx.clock.now());
  if (id) return {*id, true};
  return {cat.find_feed(url)->id, false};
}

void list_feeds(Context& ctx, ListFormat format) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  const auto feeds = cat.feeds();
  if (format == ListFormat::Json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& f : feeds) all.push_back(feed_json(f));
    ctx.out << all.dump(2) << '\n';
    return;
  }
  if (format == ListFormat::Table)
    fmt::print(ctx.out, "{:>4}  {:<12}  {:>5}  {:<20}  {}\n", "ID", "STATUS", "DOCS", "LAST FETCH", "FEED");
  for (const auto& f : feeds) {
    const std::string title = text::terminal_safe(f.title.empty() ? f.url : f.title);
    if (format == ListFormat::Tsv) {
      fmt::print(ctx.out, "{}\t{}\t{}\t{}\t{}\t{}\t{}\n", f.id, f.enabled ? "enabled" : "disabled",
                 status_of(f), f.documents, when(f.last_attempt), text::terminal_safe(f.url), title);
      continue;
    }
    std::string status = f.enabled ? status_of(f) : "disabled";
    fmt::print(ctx.out, "{:>4}  {:<12}  {:>5}  {:<20}  {}\n", f.id, status, f.documents,
               when(f.last_attempt), title);
    fmt::print(ctx.out, "{:>4}  {}\n", "", text::terminal_safe(f.url));
    if (!f.tags.empty()) fmt::print(ctx.out, "{:>4}  tags: {}\n", "", text::terminal_safe(join(f.tags, ", ")));
    if (!f.last_error.empty())
      fmt::print(ctx.out, "{:>4}  last error: {}\n", "", text::terminal_safe(f.last_error));
  }
}

void remove_feed(Context& ctx, const std::string& id_or_url) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  const auto feed = cat.find_feed(id_or_url);
  if (!feed) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", id_or_url));
  cat.remove_feed(feed->id);
}

ImportResult import_opml(Context& ctx, const std::string& file) {
  const std::string bytes = util::read_file(file);
  std::vector<opml::Outline> outlines;
  try {
    outlines = opml::read(bytes);
  } catch (const Error& e) {
    throw Error(fmt::format("cannot import '{}': {}", file, e.what()));
  }
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  ImportResult result;
  for (const auto& o : outlines) {
    if (auto why = unusable_feed_url(o.xml_url)) {
      fmt::print(ctx.err, "atip: warning: skipping '{}' in '{}': {}\n",
                 text::terminal_safe(o.xml_url), file, *why);
      ++result.skipped;
      continue;
    }
    if (cat.add_feed({o.xml_url, o.title, o.html_url, o.categories}, ctx.clock.now()))
      ++result.added;
    else
      ++result.already;
  }
  return result;
}

void export_opml(Context& ctx) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  std::vector<opml::Outline> outlines;
  for (const auto& f : cat.feeds()) outlines.push_back({f.url, f.title, f.site_url, f.tags});
  opml::write(ctx.out, "atip feeds", outlines);
}

}  // namespace atip::app
