// atip: the command table, option parsing, and the one place errors become messages and exit
// statuses (see atip(1), EXIT STATUS).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <iostream>
#include <map>
#include <filesystem>
#include <ostream>
#include <string_view>

#include "atip_version.hpp"
#include "cmd/command.hpp"
#include "lib/app/config.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/terminal.hpp"

namespace {

using atip::cmd::Command;

const Command kCommands[] = {
    {"init", "Create the catalogue and subscribe to the default feeds", atip::cmd::setup_init},
    {"feeds", "Manage the publishers' feeds (add, list, check, enable, disable, remove, import, export)", atip::cmd::setup_feeds},
    {"fetch", "Fetch every enabled feed and catalogue new documents", atip::cmd::setup_fetch},
    {"import", "Catalogue the works of a bibliography: BibTeX, RIS, CSL-JSON or CSV", atip::cmd::setup_import},
    {"add", "Catalogue one document by hand (a report, a PDF), its details read from its page", atip::cmd::setup_add},
    {"search", "Search the catalogue, best match first", atip::cmd::setup_search},
    {"show", "Show one document with every sighting", atip::cmd::setup_show},
    {"mark", "Record screening decisions, stars and notes on documents", atip::cmd::setup_mark},
    {"stats", "Count documents by month, topic, country, feed, language or type", atip::cmd::setup_stats},
    {"tags", "List the watch vocabulary's topics, areas, countries and types with counts", atip::cmd::setup_tags},
    {"retag", "Tag every document again with the current vocabulary", atip::cmd::setup_retag},
    {"export", "Write a digest or data export of the catalogue", atip::cmd::setup_export},
    {"parse", "Show how one feed file parses, without storing it", atip::cmd::setup_parse},
    {"doctor", "Check the catalogue's integrity; --repair rebuilds its indexes and tags, --compact shrinks it",
     atip::cmd::setup_doctor},
    {"backup", "Write a consistent copy of the catalogue, even while a fetch runs", atip::cmd::setup_backup},
    {"config", "Show the settings in force and where each came from (see atip-config(5))", atip::cmd::setup_config},
    {"__complete", "Candidates for shell completion (used by completions/)", atip::cmd::setup_complete},
};

// The command a command line names, when only that one needs its options built: building
// every command's options took about 0.4 ms of each search's 13 (scripts/bench search). The
// others are still added, by name and summary, so that parsing treats the line exactly as
// before, and a command whose setting the configuration sets is built before the settings are
// applied (set_up_configured), so that a value its option refuses still stops every command, as
// atip-config(5) says. Commands that read the other commands' options (config, init,
// __complete) and any line not of the form [atip's own options] COMMAND … get the whole tree.
const Command* lone_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--db" || a == "--config") {
      ++i;
      continue;
    }
    if (a.starts_with("--db=") || a.starts_with("--config=") || a == "-q" || a == "--quiet") continue;
    for (const Command& c : kCommands) {
      if (a != c.name) continue;
      const std::string_view name = c.name;
      return name == "config" || name == "init" || name == "__complete" ? nullptr : &c;
    }
    return nullptr;
  }
  return nullptr;
}

// Builds the options of every command not built yet whose setting the configuration sets.
void set_up_configured(CLI::App& app, const atip::app::Config& config,
                       std::map<const CLI::App*, atip::cmd::Runner>& runners) {
  for (const atip::app::Setting& s : config.settings) {
    if (s.source == atip::app::SettingSource::Default) continue;
    for (const atip::app::SettingTarget& t : s.spec->targets) {
      if (!*t.command) continue;
      for (const Command& c : kCommands) {
        if (std::string_view(c.name) != t.command) continue;
        CLI::App* sub = app.get_subcommand(c.name);
        if (!runners.contains(sub)) runners[sub] = c.setup(*sub);
      }
    }
  }
}

int fail(const std::string& message, int code) {
  std::fflush(stdout);
  // Messages may quote feed text (a URL a page advertises, a scheme from an OPML file).
  std::cerr << "atip: error: " << atip::text::terminal_safe(message) << '\n';
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

// Where -q sends a command's standard output: accepted and dropped, never a stream error.
struct NullBuffer : std::streambuf {
  int overflow(int c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};
struct NullStream : std::ostream {
  NullBuffer buffer;
  NullStream() : std::ostream(&buffer) {}
};

// atip -q COMMAND: a command with its own -q (fetch keeps its failure reports) gets it too.
void make_quiet(CLI::App& command) {
  for (CLI::App* sub : command.get_subcommands()) make_quiet(*sub);
  CLI::Option* own = command.get_option_no_throw("--quiet");
  if (own && own->count() == 0) {
    own->add_result("true");
    own->run_callback();
  }
}

// Commands that would otherwise create an empty catalogue as a side effect. `init`, `feeds add`
// and `feeds import` create one on purpose; the readers fail on a missing file by themselves.
bool writes_but_never_creates(const CLI::App& command) {
  const std::string name = command.get_name();
  if (name == "fetch" || name == "mark" || name == "retag") return true;
  if (name != "feeds") return false;
  for (const CLI::App* sub : command.get_subcommands()) {
    const std::string s = sub->get_name();
    if (s == "enable" || s == "disable" || s == "remove") return true;
  }
  return false;
}

// `atip` alone, before `atip init`: the one command a new user needs.
void print_first_run_hint(const std::string& db, const std::string& config_file) {
  try {
    const atip::app::Config config = atip::app::load_config(config_file);
    const std::string path = db.empty() ? config.at("catalogue").value : db;
    if (!path.empty() && !std::filesystem::exists(path))
      std::cout << "\nNo catalogue yet at " << path << ". To start, run:\n\n    atip init\n";
  } catch (const atip::Error&) {
    // A broken config file is reported by the commands that read it, not by the help.
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"atip: monitor and catalogue the literature on trafficking in persons", "atip"};
  app.set_version_flag("--version", "atip " ATIP_VERSION);
  std::string db, config_file;
  bool quiet = false;
  app.add_option("--db", db,
                 "Catalogue file (default: $ATIP_DB, else the config file's catalogue, else "
                 "$XDG_DATA_HOME/atip/catalogue.db)")
      ->type_name("PATH");
  app.add_option("--config", config_file,
                 "Configuration file (default: $ATIP_CONFIG, else $XDG_CONFIG_HOME/atip/config.toml)")
      ->type_name("FILE");
  app.add_flag("-q,--quiet", quiet, "Print nothing but errors (a command's own -q may keep more)");
  // atip's own options may also follow the command: atip search trata --db other.db
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.footer("Run 'atip COMMAND --help' for a command's options; see atip(1).");

  std::map<const CLI::App*, atip::cmd::Runner> runners;
  const Command* lone = lone_command(argc, argv);
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    if (!lone || lone == &c) runners[sub] = c.setup(*sub);
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
    print_first_run_hint(db, config_file);
    return atip::kExitOk;
  }
  try {
    atip::app::Config config = atip::app::load_config(config_file, atip::app::process_env,
                                                       chosen.front()->get_name() != "init");
    if (lone) set_up_configured(app, config, runners);
    atip::cmd::apply_config(app, config);
    if (quiet) make_quiet(*chosen.front());
    const auto clock = make_clock();
    const std::string& catalogue = config.at("catalogue").value;
    if (catalogue.empty())
      throw atip::Error("cannot find the catalogue: set HOME, XDG_DATA_HOME or ATIP_DB, or pass --db", atip::kExitUsage);
    NullStream null_out;
    std::ostream& out = quiet ? static_cast<std::ostream&>(null_out) : std::cout;
    atip::app::Context ctx{catalogue, out, std::cerr, *clock,
                           atip::util::is_terminal(STDOUT_FILENO),
                           atip::util::terminal_width(STDOUT_FILENO)};
    ctx.color = atip::util::use_color(STDOUT_FILENO);
    ctx.config = &config;
    if (writes_but_never_creates(*chosen.front())) atip::app::require_catalogue(catalogue);
    const auto runner = runners.find(chosen.front());
    if (runner == runners.end())  // lone_command() and CLI11 disagree on the command: a bug
      throw atip::Error(fmt::format("cannot run '{}': its options were not set up", chosen.front()->get_name()));
    const int status = runner->second(ctx);
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
