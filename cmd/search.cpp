// atip search QUERY [--limit N] [--format table|json]; exit 1 when nothing matches, like grep.
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/documents.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::vector<std::string> words;
  int limit = 20;
  std::string format = "table";
};
}  // namespace

Runner setup_search(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("query", o->words, "Words, \"phrases\", prefix*, AND, OR, NOT, -word, ( )")
      ->required();
  sub.add_option("-n,--limit", o->limit, "Show at most N documents (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->default_val(20);
  sub.add_option("--format", o->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->default_val("table");
  return [o](app::Context& ctx) {
    std::string query;
    for (const auto& w : o->words) query += (query.empty() ? "" : " ") + w;
    app::SearchOptions s{query, o->limit,
                         o->format == "json" ? app::SearchFormat::Json : app::SearchFormat::Table};
    return app::search(ctx, s) > 0 ? 0 : 1;
  };
}

}  // namespace atip::cmd
