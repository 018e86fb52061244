// atip export [QUERY…] [filters] [--format FORMAT] [-o FILE] [--group-by G] [--lang L] [--title T] [--bom]
#include <memory>

#include "cmd/command.hpp"
#include "cmd/filters.hpp"
#include "lib/app/export.hpp"
#include "lib/export/writer.hpp"

namespace atip::cmd {

Runner setup_export(CLI::App& sub) {
  auto o = std::make_shared<app::ExportOptions>();
  auto words = std::make_shared<std::vector<std::string>>();
  sub.add_option("query", *words, "Only documents matching this search query (optional)");
  add_filter_options(sub, o->filters, /*with_month=*/true);
  sub.add_option("-f,--format", o->format,
                 "md or html (the digest), csv, tsv, json, jsonl, bibtex, ris, csljson, atom, or opml (the feeds)")
      ->check(CLI::IsMember(exporter::format_names()))
      ->default_val("md");
  sub.add_option("-o,--output", o->output, "Write to FILE (replaced only when complete)")->type_name("FILE");
  sub.add_option("--group-by", o->group_by, "Digest sections: topic, country, type or feed")
      ->check(CLI::IsMember({"topic", "country", "type", "feed"}))
      ->default_val("topic");
  sub.add_option("--digest-lang", o->lang,
                 "Language of the digest's headings and labels: en, es, pt or fr (default: the one --lang "
                 "value, else en)")
      ->check(CLI::IsMember({"en", "es", "pt", "fr"}))
      ->type_name("LANG");
  sub.add_option("--title", o->title, "Title of the digest or Atom feed")->type_name("TEXT");
  sub.add_flag("--bom", o->bom, "CSV/TSV: start with a UTF-8 byte order mark (for spreadsheets)");
  return [o, words](app::Context& ctx) {
    app::ExportOptions e = *o;
    for (const auto& w : *words) e.query += (e.query.empty() ? "" : " ") + w;
    app::export_documents(ctx, e);
    return 0;
  };
}

}  // namespace atip::cmd
