#include "lib/app/export.hpp"

#include <fmt/format.h>

#include <ostream>

#include "lib/app/feeds.hpp"
#include "lib/export/digest_text.hpp"
#include "lib/export/output_buffer.hpp"
#include "lib/export/writer.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

namespace atip::app {

namespace {

std::string names_list() {
  std::string out;
  for (const auto& n : exporter::format_names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The aggregates the digest prints before its works, for the same selection.
void count_for_digest(store::Catalogue& cat, const store::Selection& sel, exporter::DigestInfo& info) {
  info.counts = cat.digest_counts(sel);
  info.by_topic = cat.stats(sel, store::StatsBy::Topic);
  info.by_country = cat.stats(sel, store::StatsBy::Country);
  info.by_language = cat.stats(sel, store::StatsBy::Language);
}

}  // namespace

long export_documents(Context& ctx, const ExportOptions& options) {
  const auto format = exporter::parse_format(options.format);
  if (!format) throw Error(fmt::format("unknown export format '{}' (use {})", options.format, names_list()), kExitUsage);
  const auto group_by = exporter::parse_group_by(options.group_by);
  if (!group_by)
    throw Error(fmt::format("--group-by '{}' is not a grouping (use topic, country, type or feed)", options.group_by),
                kExitUsage);
  std::string lang = options.lang;
  if (lang.empty())
    lang = options.filters.languages.size() == 1 && exporter::digest_text(options.filters.languages.front())
               ? options.filters.languages.front()
               : "en";
  if (!exporter::digest_text(lang))
    throw Error(fmt::format("--digest-lang '{}' is not a digest language (use en, es, pt or fr)", lang), kExitUsage);
  store::Selection sel = to_selection(ctx, options.filters);
  if (!options.query.empty()) sel.fts_query = search_expression(options.query);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  cat.unmap_for_streaming();
  resolve_filters(cat, options.filters, sel);

  exporter::DigestInfo info;
  info.title = options.title;
  info.lang = lang;
  info.since = sel.since;
  info.until = sel.until;
  info.generated_at = ctx.clock.now();
  info.group_by = *group_by;
  info.bom = options.bom;
  if (exporter::is_digest(*format)) count_for_digest(cat, sel, info);
  if (*format == exporter::Format::Opml)
    for (const auto& f : cat.feeds()) info.feeds[f.id] = outline_of(f);
  sel.order = exporter::order_for(*format, *group_by);
  sel.group_kind = exporter::group_kind(*group_by);

  long written = 0;
  auto run = [&](std::ostream& destination) {
    exporter::OutputBuffer buffer(destination.rdbuf());
    std::ostream out(&buffer);
    auto writer = exporter::make_writer(*format, out, info);
    writer->begin();
    cat.select(sel, [&](const store::Document& d) {
      writer->write(d);
      ++written;
    });
    writer->end();
    out.flush();
    destination.flush();
    if (!out || !destination) throw Error("cannot write the export: output error");
  };
  if (options.output.empty() || options.output == "-")
    run(ctx.out);
  else
    util::write_file_atomically(options.output, run);
  return written;
}

}  // namespace atip::app
