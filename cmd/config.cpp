// atip config show|path; and the glue that gives the configured values to the options they
// set, after CLI11 has parsed the command line, the way CLI11's own config files work: an option
// given on the command line keeps its value, any other one takes the configured value, checked
// by the option's own validators.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>

#include "cmd/command.hpp"
#include "lib/app/config.hpp"
#include "lib/net/http.hpp"
#include "lib/util/error.hpp"

namespace atip::cmd {

namespace {

CLI::Option* target_option(CLI::App& root, const app::SettingTarget& t) {
  CLI::App* app = &root;
  if (*t.command) {
    const auto named = root.get_subcommands([&](CLI::App* a) { return a->get_name() == t.command; });
    if (named.empty()) return nullptr;
    app = named.front();
  }
  return app->get_option_no_throw(t.option);
}

}  // namespace

void apply_config(CLI::App& root, app::Config& config) {
  for (app::Setting& s : config.settings) {
    for (const app::SettingTarget& t : s.spec->targets) {
      CLI::Option* opt = target_option(root, t);
      if (!opt) continue;
      if (opt->count() > 0) {
        // Given on the command line: it wins. Shown as such when it is atip's own option.
        if (!*t.command) {
          s.source = app::SettingSource::CommandLine;
          s.origin = t.option;
          s.value = opt->as<std::string>();
        }
        continue;
      }
      if (s.source == app::SettingSource::Default) {
        if (s.value.empty()) s.value = opt->get_default_str();
        continue;
      }
      if (!*t.command) continue;  // atip's own options (--db) are read from the Config directly
      try {
        opt->clear();
        opt->add_result(s.value);
        opt->run_callback();
      } catch (const CLI::Error& e) {
        throw Error(fmt::format("{}: {} = '{}': {}", s.origin, s.spec->key, s.value, e.what()), kExitUsage);
      }
    }
  }
  auto& ua = config.at("fetch.user-agent");
  if (ua.value.empty()) ua.value = net::default_user_agent();
}

std::vector<std::pair<std::string, std::string>> config_defaults(CLI::App& root) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& spec : app::setting_specs()) {
    std::string value;
    for (const auto& t : spec.targets)
      if (CLI::Option* opt = target_option(root, t); opt && value.empty()) value = opt->get_default_str();
    if (value.empty() && std::string(spec.key) == "catalogue") value = "~/.local/share/atip/catalogue.db";
    if (value.empty() && std::string(spec.key) == "fetch.user-agent") value = net::default_user_agent();
    out.emplace_back(spec.key, value);
  }
  return out;
}

Runner setup_config(CLI::App& sub) {
  auto format = std::make_shared<std::string>("table");
  sub.require_subcommand(1, 1);
  CLI::App* show = sub.add_subcommand("show", "Print every setting's value and where it came from");
  show->add_option("--format", *format, "table (TSV when piped), tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->default_val("table");
  CLI::App* path = sub.add_subcommand("path", "Print the configuration file's path");
  return [format, show, path](app::Context& ctx) {
    if (!ctx.config) throw Error("no configuration loaded");
    if (path->parsed()) {
      fmt::print(ctx.out, "{}\n", ctx.config->path);
      return 0;
    }
    (void)show;
    app::ConfigFormat f = *format == "json" ? app::ConfigFormat::Json
                        : *format == "tsv"  ? app::ConfigFormat::Tsv
                                            : app::ConfigFormat::Table;
    if (f == app::ConfigFormat::Table && !ctx.out_is_terminal) f = app::ConfigFormat::Tsv;
    app::show_config(ctx, *ctx.config, f);
    return 0;
  };
}

}  // namespace atip::cmd
