// atip feeds add|list|check|enable|disable|remove|import|export
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>

#include "cmd/command.hpp"
#include "lib/app/feeds.hpp"

namespace atip::cmd {

namespace {

struct Options {
  std::string url, title, target, file;
  std::vector<std::string> tags, targets;
  std::string format = "table";
  bool no_check = false;
  bool page = false, oai = false;
  std::string select, match, set;
};

int run_add(const Options& o, app::Context& ctx) {
  const auto r = o.page || o.oai ?
      app::add_source(ctx, o.url, o.title, o.tags, {o.page ? "page" : "oai", o.select, o.match, o.set}) :
      app::add_feed(ctx, o.url, o.title, o.tags, !o.no_check);
  if (ctx.out_is_terminal || !r.added)
    fmt::print(ctx.out, "{} {}: {}\n", r.added ? "added feed" : "already there: feed", r.id, r.url);
  return 0;
}

int run_import(const Options& o, app::Context& ctx) {
  const auto r = app::import_opml(ctx, o.file);
  fmt::print(ctx.out, "imported {} feed{} ({} already there, {} skipped)\n", r.added,
             r.added == 1 ? "" : "s", r.already, r.skipped);
  return r.skipped > 0 ? 1 : 0;
}

app::ListFormat list_format(const std::string& s) {
  if (s == "json") return app::ListFormat::Json;
  if (s == "tsv") return app::ListFormat::Tsv;
  return app::ListFormat::Table;
}

}  // namespace

Runner setup_feeds(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.require_subcommand(1, 1);
  CLI::App* add = sub.add_subcommand("add", "Add a feed, a page to watch or an OAI-PMH archive by URL");
  add->add_option("url", o->url, "Feed URL (http or https)")->required();
  add->add_option("--title", o->title, "Publisher name to show (default: the feed's own title)");
  add->add_option("--tag", o->tags, "A label for the feed; repeat for several")->type_name("TAG");
  add->add_flag("--no-check", o->no_check, "Add the URL as given, without fetching it first");
  CLI::Option* page = add->add_flag("--page", o->page, "The URL is an HTML page without a feed: watch it for new links");
  CLI::Option* oai = add->add_flag("--oai", o->oai, "The URL is an OAI-PMH base URL: harvest its records");
  page->excludes(oai);
  add->add_option("--select", o->select, "With --page: CSS selector of the part of the page holding the items")
      ->needs(page)->type_name("SELECTOR");
  add->add_option("--match", o->match, "With --page: only links whose URL matches this pattern")
      ->needs(page)->type_name("PATTERN");
  add->add_option("--set", o->set, "With --oai: harvest only this set (setSpec)")->needs(oai)->type_name("SPEC");
  CLI::App* list = sub.add_subcommand("list", "List the feeds with their fetch status");
  CLI::Option* list_format_opt = list->add_option("--format", o->format, "table (TSV when piped), tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->default_val("table");
  CLI::App* check = sub.add_subcommand("check", "Fetch feeds without storing; show what each URL serves");
  check->add_option("feeds", o->targets, "Feed ids or URLs (default: every feed)")->type_name("ID|URL");
  CLI::App* enable = sub.add_subcommand("enable", "Fetch a feed again (clears its back-off)");
  enable->add_option("feed", o->target, "Feed id or URL")->required();
  CLI::App* disable = sub.add_subcommand("disable", "Stop fetching a feed; its documents stay");
  disable->add_option("feed", o->target, "Feed id or URL")->required();
  CLI::App* remove = sub.add_subcommand("remove", "Remove a feed; its documents stay catalogued");
  remove->add_option("feed", o->target, "Feed id or URL")->required();
  CLI::App* import = sub.add_subcommand("import", "Add the feeds listed in an OPML file");
  import->add_option("file", o->file, "OPML file, or - for standard input")->required();
  sub.add_subcommand("export", "Write every feed as OPML 2.0 to standard output");

  return [o, add, list, check, enable, disable, remove, import, list_format_opt](app::Context& ctx) {
    if (add->parsed()) return run_add(*o, ctx);
    if (check->parsed()) return app::check_feeds(ctx, o->targets) > 0 ? 1 : 0;
    if (enable->parsed() || disable->parsed()) {
      app::set_feed_enabled(ctx, o->target, enable->parsed());
      return 0;
    }
    if (list->parsed()) {
      // Stable TSV when piped, unless a format was asked for.
      const bool piped = !ctx.out_is_terminal && list_format_opt->count() == 0;
      app::list_feeds(ctx, piped ? app::ListFormat::Tsv : list_format(o->format));
      return 0;
    }
    if (remove->parsed()) {
      app::remove_feed(ctx, o->target);
      return 0;
    }
    if (import->parsed()) return run_import(*o, ctx);
    app::export_opml(ctx);
    return 0;
  };
}

}  // namespace atip::cmd
