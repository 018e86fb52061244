#include "lib/app/feeds.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <ostream>

#include "lib/opml/opml.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/embedded.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

namespace {

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

AddFeedResult add_feed(Context& ctx, const std::string& given, const std::string& title,
                       const std::vector<std::string>& tags, bool check) {
  if (auto why = unusable_feed_url(given)) throw Error(fmt::format("cannot add '{}': {}", given, *why));
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  const std::string url = check ? feed_url_for(ctx, given) : given;
  const auto id = cat.add_feed({url, title, "", tags}, ctx.clock.now());
  if (id) return {*id, true, url};
  return {cat.find_feed(url)->id, false, url};
}

bool set_feed_enabled(Context& ctx, const std::string& id_or_url, bool enabled) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  const auto feed = cat.find_feed(id_or_url);
  if (!feed) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", id_or_url));
  cat.set_feed_enabled(feed->id, enabled);
  return feed->enabled != enabled;
}

void remove_feed(Context& ctx, const std::string& id_or_url) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  const auto feed = cat.find_feed(id_or_url);
  if (!feed) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", id_or_url));
  cat.remove_feed(feed->id);
}

ImportResult import_opml(Context& ctx, const std::string& file) {
  return import_opml_text(ctx, util::read_file(file), file);
}

InitResult init_catalogue(Context& ctx) {
  InitResult r;
  r.existed = std::filesystem::exists(ctx.db_path);
  const auto& opml = embedded::default_feeds().front();
  r.import = import_opml_text(ctx, std::string(opml.text), "default.opml (built in)");
  return r;
}

ImportResult import_opml_text(Context& ctx, const std::string& bytes, const std::string& file) {
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
                 text::terminal_safe(o.xml_url), file, text::terminal_safe(*why));
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
