// atip search QUERY… [filters] [--limit N] [--sort rank|date] [--format table|tsv|csv|json]
// Exit 1 when nothing matches, like grep.
#include <memory>

#include "cmd/command.hpp"
#include "cmd/filters.hpp"
#include "lib/app/documents.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::vector<std::string> words;
  app::Filters filters;
  int limit = 20;
  std::string sort = "rank";
  std::string format = "table";
  bool expand = false;
};

app::SearchFormat format_of(const std::string& s) {
  if (s == "json") return app::SearchFormat::Json;
  if (s == "tsv") return app::SearchFormat::Tsv;
  if (s == "csv") return app::SearchFormat::Csv;
  return app::SearchFormat::Table;
}
}  // namespace

Runner setup_search(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("query", o->words, "Words, \"phrases\", prefix*, AND, OR, NOT, -word, ( )")->required();
  add_filter_options(sub, o->filters, /*with_month=*/false);
  sub.add_option("-n,--limit", o->limit, "Show at most N documents (0: all)")
      ->check(whole_number(0, "NONNEGATIVE", "a number of documents (0 for all)"))
      ->default_val(20);
  sub.add_option("--sort", o->sort, "rank (best match first) or date (newest first)")
      ->check(CLI::IsMember({"rank", "date"}))
      ->default_val("rank");
  sub.add_option("--format", o->format, "table (TSV when piped), tsv, csv or json")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json"}))
      ->default_val("table");
  sub.add_flag("-x,--expand", o->expand,
               "Also find the vocabulary's equivalents in the other languages (trata de personas: human trafficking, …)");
  return [o](app::Context& ctx) {
    app::SearchOptions s;
    s.expand = o->expand;
    for (const auto& w : o->words) s.query += (s.query.empty() ? "" : " ") + w;
    s.filters = o->filters;
    s.limit = o->limit;
    s.format = format_of(o->format);
    s.sort = o->sort == "date" ? app::SearchSort::Date : app::SearchSort::Rank;
    return app::search(ctx, s) > 0 ? 0 : 1;
  };
}

}  // namespace atip::cmd
