// atip stats [--by month|topic|area|country|feed|lang|type] [filters] [--format table|tsv|json]
#include <memory>

#include "cmd/command.hpp"
#include "cmd/filters.hpp"
#include "lib/app/screening.hpp"

namespace atip::cmd {

namespace {
struct Options {
  app::StatsOptions stats;
  std::string format = "table";
};
}  // namespace

Runner setup_stats(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("--by", o->stats.by, "Count documents by month, topic, area, country, feed, lang or type")
      ->check(CLI::IsMember({"month", "topic", "area", "country", "feed", "lang", "type"}))
      ->default_val("month");
  add_filter_options(sub, o->stats.filters, /*with_month=*/true);
  sub.add_option("--format", o->format, "table (bars on a terminal, TSV when piped), tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->default_val("table");
  return [o](app::Context& ctx) {
    app::StatsOptions s = o->stats;
    s.format = o->format == "json" ? app::StatsFormat::Json
             : o->format == "tsv"  ? app::StatsFormat::Tsv
                                   : app::StatsFormat::Table;
    app::stats(ctx, s);
    return 0;
  };
}

}  // namespace atip::cmd
