#pragma once
// The command table's row type. Each cmd/<name>.cpp defines setup_<name>(), which registers the
// command's options on its CLI11 subcommand and returns the function that runs it with them.
// No work happens inside CLI11 callbacks; main() runs the one chosen command inside one try.
#include <CLI/CLI.hpp>

#include <charconv>
#include <functional>
#include <string>

#include "lib/app/config.hpp"
#include "lib/app/context.hpp"

namespace atip::cmd {

using Runner = std::function<int(app::Context&)>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App& sub);
};

// A whole number of at least `min`, refused in words that say what it is for: CLI11's
// PositiveNumber and NonNegativeNumber said "Value 0 not in range 0.000000 to 1797693134862…".
// `tag` is what --help shows after the type (POSITIVE, NONNEGATIVE).
inline CLI::Validator whole_number(long long min, const char* tag, std::string what) {
  return CLI::Validator(
      [min, what](std::string& value) -> std::string {
        long long n = 0;
        const char* end = value.data() + value.size();
        const auto [at, error] = std::from_chars(value.data(), end, n);
        if (error == std::errc() && at == end && n >= min) return {};
        return "'" + value + "' is not " + what;
      },
      tag);
}

Runner setup_feeds(CLI::App& sub);
Runner setup_fetch(CLI::App& sub);
Runner setup_import(CLI::App& sub);
Runner setup_add(CLI::App& sub);
Runner setup_init(CLI::App& sub);
Runner setup_parse(CLI::App& sub);
Runner setup_search(CLI::App& sub);
Runner setup_show(CLI::App& sub);
Runner setup_export(CLI::App& sub);
Runner setup_mark(CLI::App& sub);
Runner setup_stats(CLI::App& sub);
Runner setup_tags(CLI::App& sub);
Runner setup_retag(CLI::App& sub);
Runner setup_doctor(CLI::App& sub);
Runner setup_backup(CLI::App& sub);
Runner setup_config(CLI::App& sub);
Runner setup_complete(CLI::App& sub);

// cmd/config.cpp: gives the configured values (file, environment) to the options they set that
// were not given on the command line, and records which were; throws atip::Error (exit 2)
// naming the file and line, or the variable, of a value an option rejects.
void apply_config(CLI::App& root, app::Config& config);
// Each setting's built-in default, as the options that it sets declare it.
std::vector<std::pair<std::string, std::string>> config_defaults(CLI::App& root);

}  // namespace atip::cmd
