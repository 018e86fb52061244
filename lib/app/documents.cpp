#include "lib/app/documents.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>
#include <vector>

#include "lib/export/json_writer.hpp"
#include "lib/export/writer.hpp"
#include "lib/query/query.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

namespace atip::app {

namespace {

std::string sources_of(const store::Document& d) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& s : d.sightings) {
    if (std::find(seen.begin(), seen.end(), s.source) != seen.end()) continue;
    seen.push_back(s.source);
    out += (out.empty() ? "" : ", ") + s.source;
  }
  return out;
}

// One line per hit. On a terminal the title is cut to fit the width; piped, nothing is cut so
// scripts see whole fields (tab-separated).
void print_hit(Context& ctx, const store::Document& d) {
  const std::string title = text::terminal_safe(text::collapse_whitespace(d.title));
  const std::string sources = text::terminal_safe(sources_of(d));
  const std::string date = util::format_date(d.date());
  if (!ctx.out_is_terminal) {
    fmt::print(ctx.out, "{}\t{}\t{}\t{}\t{}\n", d.id, date, title, sources,
               text::terminal_safe(d.link()));
    return;
  }
  const int fixed = 6 + 2 + 10 + 2;
  const int room = std::max(20, ctx.terminal_width - fixed);
  fmt::print(ctx.out, "{:>6}  {}  {}\n", d.id, date, text::truncate_chars(title, static_cast<std::size_t>(room)));
  fmt::print(ctx.out, "{:>6}  {:10}  {}\n", "", "",
             text::truncate_chars(sources + " · " + text::terminal_safe(d.link()), static_cast<std::size_t>(room)));
}

}  // namespace

int search(Context& ctx, const SearchOptions& options) {
  std::string fts;
  try {
    fts = query::to_fts5(options.query);
  } catch (const query::SyntaxError& e) {
    throw Error(fmt::format("bad query '{}': {}", options.query, e.what()), kExitUsage);
  }
  if (fts.empty())
    throw Error(fmt::format("bad query '{}': it has no word to search for", options.query), kExitUsage);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  store::Selection sel;
  sel.fts_query = fts;
  sel.limit = options.limit;
  sel.order = store::Selection::Order::Rank;
  int found = 0;
  nlohmann::json hits = nlohmann::json::array();
  cat.select(sel, [&](const store::Document& d) {
    ++found;
    if (options.format == SearchFormat::Json) {
      nlohmann::json j = exporter::document_json(d);
      j["rank"] = d.rank;
      hits.push_back(std::move(j));
    } else {
      print_hit(ctx, d);
    }
  });
  if (options.format == SearchFormat::Json)
    ctx.out << hits.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else if (found == 0 && ctx.out_is_terminal)
    fmt::print(ctx.err, "no documents match '{}'\n", text::terminal_safe(options.query));
  return found;
}

void show(Context& ctx, std::int64_t id) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  const auto d = cat.document(id);
  if (!d) throw Error(fmt::format("no document {} in the catalogue", id));
  auto safe = [](const std::string& s) { return text::terminal_safe(s); };
  fmt::print(ctx.out, "{}\n", safe(d->title));
  fmt::print(ctx.out, "id:         {}\n", d->id);
  fmt::print(ctx.out, "link:       {}\n", safe(d->link()));
  fmt::print(ctx.out, "date:       {}{}\n", util::format_rfc3339(d->date()),
             d->published ? "" : " (first seen; the feed gave no date)");
  if (d->updated) fmt::print(ctx.out, "updated:    {}\n", util::format_rfc3339(*d->updated));
  fmt::print(ctx.out, "first seen: {}\n", util::format_rfc3339(d->first_seen));
  if (!d->language.empty()) fmt::print(ctx.out, "language:   {}\n", safe(d->language));
  if (!d->authors.empty()) fmt::print(ctx.out, "authors:    {}\n", safe(d->authors));
  fmt::print(ctx.out, "state:      {}{}\n", d->state, d->starred ? ", starred" : "");
  if (!d->note.empty()) fmt::print(ctx.out, "note:       {}\n", safe(d->note));
  if (!d->summary.empty()) fmt::print(ctx.out, "\n{}\n", safe(d->summary));
  fmt::print(ctx.out, "\nsightings ({}):\n", d->sightings.size());
  for (const auto& s : d->sightings)
    fmt::print(ctx.out, "  {}  {}\n  {:10}  {}\n", util::format_date(s.published.value_or(s.first_seen)),
               safe(s.source), "", safe(s.link));
  if (!d->revisions.empty()) {
    fmt::print(ctx.out, "\nearlier versions ({}):\n", d->revisions.size());
    for (const auto& r : d->revisions)
      fmt::print(ctx.out, "  until {}: {}\n", util::format_rfc3339(r.changed_at), safe(r.title));
  }
}

long export_documents(Context& ctx, const ExportOptions& options) {
  const auto format = exporter::parse_format(options.format);
  if (!format) throw Error(fmt::format("unknown export format '{}' (use md or json)", options.format), kExitUsage);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  store::Selection sel;
  sel.since = options.since;
  sel.until = options.until;
  sel.order = exporter::order_for(*format);
  exporter::DigestInfo info;
  info.since = options.since;
  info.until = options.until;
  info.generated_at = ctx.clock.now();
  long written = 0;
  auto run = [&](std::ostream& out) {
    auto writer = exporter::make_writer(*format, out, info);
    writer->begin();
    cat.select(sel, [&](const store::Document& d) {
      writer->write(d);
      ++written;
    });
    writer->end();
  };
  if (options.output.empty() || options.output == "-")
    run(ctx.out);
  else
    util::write_file_atomically(options.output, run);
  return written;
}

}  // namespace atip::app
