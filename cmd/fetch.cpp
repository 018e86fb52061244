// atip fetch: silent on success (for cron), one line per failed feed on stderr, exit 1 if any failed.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>

#include "cmd/command.hpp"
#include "lib/app/fetch.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/lock.hpp"

namespace atip::cmd {

namespace {

struct Options {
  std::string feed;
  int jobs = 32;
  bool verbose = false;
};

int run(const Options& o, app::Context& ctx) {
  store::Catalogue catalogue(ctx.db_path, store::OpenMode::ReadWrite);
  // Overlapping cron runs: the second leaves at once rather than fetching everything twice.
  const auto lock = util::FileLock::try_acquire(ctx.db_path + ".lock");
  if (!lock)
    throw Error(fmt::format("another 'atip fetch' is running on '{}'; not starting a second one",
                            ctx.db_path), kExitCatalogue);
  net::Options http;
  http.max_parallel = o.jobs;
  net::CurlClient client(http);
  const app::FetchReport report = app::run_fetch(catalogue, client, {o.feed}, ctx.clock);
  for (const auto& f : report.feeds) {
    const std::string who = text::terminal_safe(f.url);
    if (f.outcome == "failed")
      fmt::print(ctx.err, "atip: feed {} ({}): {}\n", f.feed_id, who, text::terminal_safe(f.error));
    else if (o.verbose)
      fmt::print(ctx.err, "atip: feed {} ({}): {}, {} new, {} seen elsewhere, {} updated\n", f.feed_id,
                 who, f.outcome, f.ingest.new_documents, f.ingest.new_sightings, f.ingest.updated);
    if (o.verbose)
      for (const auto& w : f.warnings)
        fmt::print(ctx.err, "atip: feed {}: warning: {}\n", f.feed_id, text::terminal_safe(w));
  }
  if (o.verbose || ctx.out_is_terminal)
    fmt::print(ctx.err, "fetched {} feed{}: {} new documents, {} new sightings, {} updated, {} failed\n",
               report.feeds.size(), report.feeds.size() == 1 ? "" : "s", report.new_documents,
               report.new_sightings, report.updated, report.failed);
  return report.failed > 0 ? 1 : 0;
}

}  // namespace

Runner setup_fetch(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("--feed", o->feed, "Fetch only this feed (id or URL), even if disabled")
      ->type_name("ID|URL");
  sub.add_option("-j,--jobs", o->jobs, "Transfers in flight at once")
      ->check(CLI::Range(1, 256))
      ->default_val(32);
  sub.add_flag("-v,--verbose", o->verbose, "Report every feed on stderr, not only failures");
  return [o](app::Context& ctx) { return run(*o, ctx); };
}

}  // namespace atip::cmd
