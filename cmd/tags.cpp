// atip tags [--format table|tsv|json]; atip retag
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/tags.hpp"

namespace atip::cmd {

Runner setup_tags(CLI::App& sub) {
  auto format = std::make_shared<std::string>("table");
  CLI::Option* opt = sub.add_option("--format", *format, "table (TSV when piped), tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->default_val("table");
  return [format, opt](app::Context& ctx) {
    // Stable TSV when piped, unless a format was asked for.
    const bool piped = !ctx.out_is_terminal && opt->count() == 0;
    app::list_tags(ctx, *format == "json"           ? app::TagsFormat::Json
                        : *format == "tsv" || piped ? app::TagsFormat::Tsv
                                                    : app::TagsFormat::Table);
    return 0;
  };
}

Runner setup_retag(CLI::App&) {
  return [](app::Context& ctx) {
    app::retag(ctx);
    return 0;
  };
}

}  // namespace atip::cmd
