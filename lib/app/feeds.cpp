#include "lib/app/upgrade_note.hpp"
#include "lib/app/feeds.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <ostream>

#include "lib/html/selector.hpp"
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
  note_upgrade(ctx, cat);
  const std::string url = check ? feed_url_for(ctx, given) : given;
  const auto id = cat.add_feed({url, title, "", tags}, ctx.clock.now());
  if (id) return {*id, true, url};
  return {cat.find_feed(url)->id, false, url};
}

AddFeedResult add_source(Context& ctx, const std::string& url, const std::string& title,
                         const std::vector<std::string>& tags, const SourceSpec& spec) {
  if (auto why = unusable_feed_url(url)) throw Error(fmt::format("cannot add '{}': {}", url, *why));
  if (spec.kind != "page" && spec.kind != "oai")
    throw Error(fmt::format("unknown kind of source '{}'", spec.kind));
  if (spec.kind == "page")
    if (const auto why = html::selector_error(spec.select); why && !spec.select.empty())
      throw Error(fmt::format("cannot watch '{}': bad selector '{}': {}", url, spec.select, *why));
  if (spec.kind == "oai" && url.find('?') != std::string::npos)
    throw Error(fmt::format("cannot add '{}': an OAI-PMH base URL has no query (atip adds "
                            "?verb=ListRecords…)", url));
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  store::NewFeed feed{url, title, "", tags};
  feed.kind = spec.kind;
  feed.page_select = spec.select;
  feed.page_match = spec.match;
  feed.oai_set = spec.set;
  if (const auto id = cat.add_feed(feed, ctx.clock.now())) return {*id, true, url};
  const auto existing = cat.find_feed(url);
  if (existing->kind != spec.kind)
    throw Error(fmt::format("'{}' is already in the catalogue as feed {} of another kind ({})", url,
                            existing->id, existing->kind));
  return {existing->id, false, url};
}

bool set_feed_enabled(Context& ctx, const std::string& id_or_url, bool enabled) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  const auto feed = cat.find_feed(id_or_url);
  if (!feed) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", id_or_url));
  cat.set_feed_enabled(feed->id, enabled);
  return feed->enabled != enabled;
}

void remove_feed(Context& ctx, const std::string& id_or_url) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
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
  note_upgrade(ctx, cat);
  ImportResult result;
  for (const auto& o : outlines) {
    if (auto why = unusable_feed_url(o.xml_url)) {
      fmt::print(ctx.err, "atip: warning: skipping '{}' in '{}': {}\n",
                 text::terminal_safe(o.xml_url), file, text::terminal_safe(*why));
      ++result.skipped;
      continue;
    }
    store::NewFeed feed{o.xml_url, o.title, o.html_url, o.categories};
    feed.kind = o.kind;
    feed.page_select = o.select;
    feed.page_match = o.match;
    feed.oai_set = o.set;
    if (cat.add_feed(feed, ctx.clock.now()))
      ++result.added;
    else
      ++result.already;
  }
  return result;
}

opml::Outline outline_of(const store::FeedRow& f) {
  opml::Outline o{f.url, f.title, f.site_url, f.tags};
  o.kind = f.kind;
  o.select = f.page_select;
  o.match = f.page_match;
  o.set = f.oai_set;
  return o;
}

void export_opml(Context& ctx) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  std::vector<opml::Outline> outlines;
  for (const auto& f : cat.feeds()) outlines.push_back(outline_of(f));
  opml::write(ctx.out, "atip feeds", outlines);
}

}  // namespace atip::app
