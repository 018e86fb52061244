#include "lib/app/documents.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>
#include <vector>

#include "lib/catalog/tagger.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/query/query.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

namespace atip::app {

void show(Context& ctx, std::int64_t id) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  const auto d = cat.document(id);
  if (!d) throw Error(fmt::format("no document {} in the catalogue", id));
  auto safe = [](const std::string& s) { return text::terminal_safe(s); };
  fmt::print(ctx.out, "{}\n", safe(d->title));
  fmt::print(ctx.out, "id:         {}\n", d->id);
  fmt::print(ctx.out, "link:       {}\n", safe(d->link()));
  fmt::print(ctx.out, "date:       {}{}\n", util::format_rfc3339(d->date()),
             d->published ? "" : " (first seen; its source gave no date)");
  if (d->updated) fmt::print(ctx.out, "updated:    {}\n", util::format_rfc3339(*d->updated));
  fmt::print(ctx.out, "first seen: {}\n", util::format_rfc3339(d->first_seen));
  if (!d->language.empty()) fmt::print(ctx.out, "language:   {}\n", safe(d->language));
  if (!d->authors.empty()) fmt::print(ctx.out, "authors:    {}\n", safe(d->authors));
  if (!d->doc_type.empty()) fmt::print(ctx.out, "type:       {}\n", safe(d->doc_type));
  if (!d->doi.empty()) fmt::print(ctx.out, "doi:        {}\n", safe(d->doi));
  const std::pair<const char*, const char*> families[] = {{"topic", "topics:"}, {"area", "areas:"}, {"country", "countries:"}};
  for (const auto& [kind, label] : families) {
    std::string values;
    for (const auto& t : d->tags)
      if (t.kind == kind) values += (values.empty() ? "" : ", ") + t.value;
    if (!values.empty()) fmt::print(ctx.out, "{:<11} {}\n", label, safe(values));
  }
  fmt::print(ctx.out, "relevance:  {:.2f}{}\n", d->relevance,
             d->relevance < catalog::kRelevantThreshold ? " (hidden unless --all)" : "");
  fmt::print(ctx.out, "state:      {}{}\n", d->state, d->starred ? ", starred" : "");
  if (!d->note.empty()) fmt::print(ctx.out, "note:       {}\n", safe(d->note));
  if (!d->summary.empty()) fmt::print(ctx.out, "\n{}\n", safe(d->summary));
  fmt::print(ctx.out, "\nsightings ({}):\n", d->sightings.size());
  // Where each came from, when not a feed: a watched page, an archive, an import, a hand entry.
  for (const auto& s : d->sightings)
    fmt::print(ctx.out, "  {}  {}{}\n  {:10}  {}\n", util::format_date(s.published.value_or(s.first_seen)),
               safe(s.source), s.origin == "feed" ? "" : fmt::format("  [{}]", s.origin), "",
               safe(s.link.empty() ? "(no link)" : s.link));
  if (!d->editions.empty()) {
    fmt::print(ctx.out, "\neditions ({}):\n", d->editions.size());
    for (const auto& e : d->editions)
      fmt::print(ctx.out, "  {:<4} {:>6}  {}\n", e.language.empty() ? "?" : safe(e.language), e.id, safe(e.title));
  }
  if (!d->revisions.empty()) {
    fmt::print(ctx.out, "\nearlier versions ({}):\n", d->revisions.size());
    for (const auto& r : d->revisions)
      fmt::print(ctx.out, "  until {}: {}\n", util::format_rfc3339(r.changed_at), safe(r.title));
  }
}

}  // namespace atip::app
