// atip export [QUERY…] [filters] [--format md|json] [-o FILE]
#include <memory>

#include "cmd/command.hpp"
#include "cmd/filters.hpp"
#include "lib/app/documents.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::vector<std::string> words;
  app::Filters filters;
  std::string format = "md";
  std::string output;
};
}  // namespace

Runner setup_export(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("query", o->words, "Only documents matching this search query (optional)");
  add_filter_options(sub, o->filters, /*with_month=*/true);
  sub.add_option("-f,--format", o->format, "md (a digest grouped by publisher) or json")
      ->check(CLI::IsMember({"md", "json"}))
      ->default_val("md");
  sub.add_option("-o,--output", o->output, "Write to FILE (replaced only when complete)")->type_name("FILE");
  return [o](app::Context& ctx) {
    app::ExportOptions e;
    for (const auto& w : o->words) e.query += (e.query.empty() ? "" : " ") + w;
    e.filters = o->filters;
    e.format = o->format;
    e.output = o->output;
    app::export_documents(ctx, e);
    return 0;
  };
}

}  // namespace atip::cmd
