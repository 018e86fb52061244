#include "lib/app/upgrade_note.hpp"
#include "lib/app/screening.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/export/csv.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

void mark(Context& ctx, const MarkOptions& o) {
  if (!o.state && !o.starred && !o.note)
    throw Error("nothing to mark: give --include, --exclude, --maybe, --new, --star, --unstar or --note", kExitUsage);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  std::vector<std::int64_t> missing;
  for (const std::int64_t id : cat.mark(o.ids, {o.state, o.starred, o.note}))
    if (std::find(missing.begin(), missing.end(), id) == missing.end()) missing.push_back(id);
  if (missing.empty()) return;
  std::string list;
  for (auto id : missing) list += (list.empty() ? "" : ", ") + std::to_string(id);
  // An id given twice is one document: only others than the missing ones were marked.
  const bool others = std::any_of(o.ids.begin(), o.ids.end(), [&](std::int64_t id) {
    return std::find(missing.begin(), missing.end(), id) == missing.end();
  });
  throw Error(fmt::format("no document{} {} in the catalogue{}", missing.size() > 1 ? "s" : "", list,
                          others ? " (the others were marked)" : ""));
}

namespace {

store::StatsBy stats_by(const std::string& by) {
  static const std::map<std::string, store::StatsBy> kBy = {
      {"month", store::StatsBy::Month}, {"topic", store::StatsBy::Topic}, {"area", store::StatsBy::Area},
      {"country", store::StatsBy::Country}, {"feed", store::StatsBy::Feed}, {"lang", store::StatsBy::Language},
      {"type", store::StatsBy::Type}};
  const auto it = kBy.find(by);
  if (it == kBy.end())
    throw Error(fmt::format("--by '{}' is not one of month, topic, area, country, feed, lang, type", by), kExitUsage);
  return it->second;
}

void print_bars(Context& ctx, const std::vector<store::Count>& counts) {
  std::size_t label = 4;
  std::int64_t most = 1;
  for (const auto& c : counts) {
    label = std::max(label, text::truncate_chars(c.key, 40).size());
    most = std::max(most, c.documents);
  }
  const int room = std::max(10, ctx.terminal_width - static_cast<int>(label) - 10);
  for (const auto& c : counts) {
    const auto width = static_cast<std::size_t>(c.documents * room / most);
    std::string bar;
    for (std::size_t i = 0; i < std::max<std::size_t>(width, 1); ++i) bar += "█";
    fmt::print(ctx.out, "{:<{}}  {:>6}  {}\n", text::terminal_safe(text::truncate_chars(c.key.empty() ? "(none)" : c.key, 40)),
               label, c.documents, bar);
  }
}

}  // namespace

void stats(Context& ctx, const StatsOptions& o) {
  const store::StatsBy by = stats_by(o.by);
  store::Selection sel = to_selection(ctx, o.filters);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  resolve_filters(cat, o.filters, sel);
  const auto counts = cat.stats(sel, by);
  if (o.format == StatsFormat::Json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : counts) out.push_back({{o.by, c.key}, {"documents", c.documents}});
    ctx.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (o.format == StatsFormat::Table && ctx.out_is_terminal) {
    print_bars(ctx, counts);
  } else {
    for (const auto& c : counts)
      ctx.out << exporter::tsv_field(text::terminal_safe(c.key)) << '\t' << c.documents << '\n';
  }
}

}  // namespace atip::app
