// atip: the command table, option parsing, and the one place errors become messages and exit
// statuses (see atip(1), EXIT STATUS).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <iostream>
#include <map>

#include "atip_version.hpp"
#include "cmd/command.hpp"
#include "lib/util/error.hpp"
#include "lib/util/terminal.hpp"

namespace {

using atip::cmd::Command;

const Command kCommands[] = {
    {"init", "Create the catalogue and subscribe to the default feeds", atip::cmd::setup_init},
    {"feeds", "Manage the publishers' feeds (add, list, check, enable, disable, remove, import, export)", atip::cmd::setup_feeds},
    {"fetch", "Fetch every enabled feed and catalogue new documents", atip::cmd::setup_fetch},
    {"search", "Search the catalogue, best match first", atip::cmd::setup_search},
    {"show", "Show one document with every sighting", atip::cmd::setup_show},
    {"mark", "Record screening decisions, stars and notes on documents", atip::cmd::setup_mark},
    {"stats", "Count documents by month, topic, country, feed, language or type", atip::cmd::setup_stats},
    {"tags", "List the watch vocabulary's topics, areas, countries and types with counts", atip::cmd::setup_tags},
    {"retag", "Tag every document again with the current vocabulary", atip::cmd::setup_retag},
    {"export", "Write a digest or data export of the catalogue", atip::cmd::setup_export},
    {"parse", "Show how one feed file parses, without storing it", atip::cmd::setup_parse},
};

int fail(const std::string& message, int code) {
  std::fflush(stdout);
  std::cerr << "atip: error: " << message << '\n';
  return code;
}

// CLI11 messages start upper-case and may end with a full stop; ours are git-style.
std::string git_style(std::string s) {
  if (!s.empty() && s.front() >= 'A' && s.front() <= 'Z' && (s.size() < 2 || s[1] < 'A' || s[1] > 'Z'))
    s.front() = static_cast<char>(s.front() - 'A' + 'a');
  while (!s.empty() && (s.back() == '.' || s.back() == '\n')) s.pop_back();
  return s;
}

// ATIP_NOW fixes the clock (an RFC 3339 UTC time or a date), so tests and demos give the same
// "first seen" and digest dates on every run.
std::unique_ptr<atip::util::Clock> make_clock() {
  const char* now = std::getenv("ATIP_NOW");
  if (!now || !*now) return std::make_unique<atip::util::SystemClock>();
  const auto t = atip::util::parse_cli_date(now);
  if (!t) throw atip::Error(fmt::format("ATIP_NOW '{}' is not a date or RFC 3339 UTC time", now), atip::kExitUsage);
  return std::make_unique<atip::util::FixedClock>(*t);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"atip: monitor and catalogue the literature on trafficking in persons", "atip"};
  app.set_version_flag("--version", "atip " ATIP_VERSION);
  std::string db;
  app.add_option("--db", db, "Catalogue file (default: $ATIP_DB, else $XDG_DATA_HOME/atip/catalogue.db)")
      ->type_name("PATH");
  app.require_subcommand(0, 1);
  app.footer("Run 'atip COMMAND --help' for a command's options; see atip(1).");

  std::map<const CLI::App*, atip::cmd::Runner> runners;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners[sub] = c.setup(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fail(git_style(e.what()), atip::kExitUsage);
    std::cerr << "Run 'atip --help' for usage.\n";
    return atip::kExitUsage;
  }

  const auto chosen = app.get_subcommands();
  if (chosen.empty()) {
    std::cout << app.help();
    return atip::kExitOk;
  }
  try {
    const auto clock = make_clock();
    atip::app::Context ctx{atip::app::catalogue_path(db), std::cout, std::cerr, *clock,
                           atip::util::is_terminal(STDOUT_FILENO),
                           atip::util::terminal_width(STDOUT_FILENO)};
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    const char* no_color = std::getenv("NO_COLOR");
    ctx.color = ctx.out_is_terminal && !(no_color && *no_color);
    const int status = runners.at(chosen.front())(ctx);
    std::cout.flush();
    if (!std::cout) return fail("cannot write to standard output", atip::kExitFailure);
    return status;
  } catch (const atip::Error& e) {
    return fail(e.what(), e.exit_code());
  } catch (const std::exception& e) {
    // Anything else is a bug or an environment failure we did not name; still one line.
    return fail(git_style(e.what()), atip::kExitFailure);
  }
}
