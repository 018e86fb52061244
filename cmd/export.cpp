// atip export [--since DATE] [--until DATE] [--format md|json] [-o FILE]
#include <fmt/format.h>

#include <memory>

#include "cmd/command.hpp"
#include "lib/app/documents.hpp"
#include "lib/util/error.hpp"

namespace atip::cmd {

namespace {

struct Options {
  std::string since, until, format = "md", output;
};

std::optional<util::UnixTime> date_option(const std::string& value, const char* flag, bool end) {
  if (value.empty()) return std::nullopt;
  auto t = util::parse_cli_date(value, end);
  if (!t)
    throw Error(fmt::format("{} '{}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)", flag, value),
                kExitUsage);
  return t;
}

}  // namespace

Runner setup_export(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("--since", o->since, "Works dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)")
      ->type_name("DATE");
  sub.add_option("--until", o->until, "Works dated on or before DATE (the whole month for YYYY-MM)")
      ->type_name("DATE");
  sub.add_option("-f,--format", o->format, "md (a digest grouped by publisher) or json")
      ->check(CLI::IsMember({"md", "json"}))
      ->default_val("md");
  sub.add_option("-o,--output", o->output, "Write to FILE (replaced only when complete)")
      ->type_name("FILE");
  return [o](app::Context& ctx) {
    app::ExportOptions e;
    e.format = o->format;
    e.since = date_option(o->since, "--since", false);
    e.until = date_option(o->until, "--until", true);
    e.output = o->output;
    app::export_documents(ctx, e);
    return 0;
  };
}

}  // namespace atip::cmd
