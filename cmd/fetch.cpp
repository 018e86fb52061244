// atip fetch: silent on success (for cron); see app::fetch_command for what it reports and
// atip(1) for the exit statuses.
#include <unistd.h>

#include <memory>

#include "cmd/command.hpp"
#include "lib/app/fetch_command.hpp"
#include "lib/util/terminal.hpp"

namespace atip::cmd {

namespace {

struct Options {
  app::FetchCommandOptions command;
  bool quiet = false;
  bool verbose = false;
};

int run(Options o, app::Context& ctx) {
  o.command.verbosity = o.quiet ? app::Verbosity::Quiet
                                : (o.verbose ? app::Verbosity::Verbose : app::Verbosity::Normal);
  o.command.progress = util::is_terminal(STDERR_FILENO);
  return app::fetch_command(ctx, o.command);
}

}  // namespace

Runner setup_fetch(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  app::FetchCommandOptions& c = o->command;
  sub.add_option("--feed", c.fetch.only_feed,
                 "Fetch only this feed (id or URL), even if disabled or backing off")
      ->type_name("ID|URL");
  sub.add_flag("--force", c.fetch.force,
               "Download and parse every feed again: no conditional request, no body-hash skip");
  sub.add_option("-j,--jobs", c.net.max_parallel, "Transfers in flight at once")
      ->check(CLI::Range(1, 256))
      ->default_val(32);
  sub.add_option("--max-size", c.net.max_body_bytes,
                 "Largest feed accepted, in bytes after decompression")
      ->check(CLI::Range(std::int64_t{1024}, std::int64_t{1} << 34))
      ->default_val(20 * 1024 * 1024);
  sub.add_option("--connect-timeout", c.net.connect_timeout_s, "Seconds allowed to connect")
      ->check(CLI::Range(1, 600))
      ->default_val(15);
  sub.add_option("--timeout", c.net.total_timeout_s, "Seconds allowed for a whole transfer")
      ->check(CLI::Range(1, 3600))
      ->default_val(60);
  sub.add_option("--low-speed-time", c.net.low_speed_time_s,
                 "Abandon a transfer slower than 100 bytes/s for this many seconds")
      ->check(CLI::Range(1, 3600))
      ->default_val(30);
  sub.add_option("--user-agent", c.net.user_agent, "User-Agent header (default: atip/VERSION (+URL))");
  sub.add_option("--failure-threshold", c.failure_threshold,
                 "Report a feed again when it has failed this many times in a row")
      ->check(CLI::Range(2, 1000))
      ->default_val(3);
  sub.add_option("--log", c.log_file,
                 "Append one line per run to FILE (time, duration, counts, exit status)")
      ->type_name("FILE");
  CLI::Option* quiet = sub.add_flag("-q,--quiet", o->quiet, "Report only failures, no progress or summary");
  sub.add_flag("-v,--verbose", o->verbose, "Report every feed on stderr, not only failures")->excludes(quiet);
  return [o](app::Context& ctx) { return run(*o, ctx); };
}

}  // namespace atip::cmd
