// atip tags [--format table|tsv|json]; atip retag
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/tags.hpp"

namespace atip::cmd {

Runner setup_tags(CLI::App& sub) {
  auto format = std::make_shared<std::string>("table");
  sub.add_option("--format", *format, "table, tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->default_val("table");
  return [format](app::Context& ctx) {
    app::list_tags(ctx, *format == "json" ? app::TagsFormat::Json
                        : *format == "tsv" ? app::TagsFormat::Tsv
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
