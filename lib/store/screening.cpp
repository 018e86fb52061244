// Screening marks and statistics over selected documents.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "lib/store/catalogue.hpp"
#include "lib/store/selection_sql.hpp"

namespace atip::store {

std::vector<std::int64_t> Catalogue::mark(const std::vector<std::int64_t>& ids, const Mark& m) {
  std::string set;
  if (m.state) set += ", state = :state";
  if (m.starred) set += ", starred = :starred";
  if (m.note) set += ", note = :note";
  std::vector<std::int64_t> missing;
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement exists(*db_, "SELECT 1 FROM document WHERE id = ?");
  std::optional<SQLite::Statement> update;
  if (!set.empty()) update.emplace(*db_, "UPDATE document SET " + set.substr(2) + " WHERE id = :id");
  for (std::int64_t id : ids) {
    exists.bind(1, id);
    const bool found = exists.executeStep();
    exists.reset();
    if (!found) {
      missing.push_back(id);
      continue;
    }
    if (!update) continue;
    if (m.state) update->bind(":state", *m.state);
    if (m.starred) update->bind(":starred", *m.starred ? 1 : 0);
    if (m.note) update->bind(":note", *m.note);
    update->bind(":id", id);
    update->exec();
    update->reset();
  }
  tx.commit();
  return missing;
}

std::vector<Count> Catalogue::stats(const Selection& sel, StatsBy by) {
  std::string key, join;
  const char* kind = nullptr;
  switch (by) {
    case StatsBy::Month: key = "strftime('%Y-%m', coalesce(d.published, d.first_seen), 'unixepoch')"; break;
    case StatsBy::Language: key = "d.language"; break;
    case StatsBy::Feed:
      key = "coalesce(nullif(f.title, ''), f.url, s.source)";
      join = " JOIN sighting s ON s.document_id = d.id LEFT JOIN feed f ON f.id = s.feed_id";
      break;
    case StatsBy::Topic: kind = "topic"; break;
    case StatsBy::Area: kind = "area"; break;
    case StatsBy::Country: kind = "country"; break;
    case StatsBy::Type: kind = "type"; break;
  }
  if (kind) {
    key = "tg.value";
    join = fmt::format(" JOIN tag tg ON tg.document_id = d.id AND tg.kind = '{}'", kind);
  }
  std::string sql = fmt::format("SELECT {} AS k, count(DISTINCT d.id) AS n FROM document d{}", key, join);
  if (!sel.fts_query.empty()) sql += " JOIN document_fts ON document_fts.rowid = d.id";
  sql += " WHERE 1" + selection_where(sel) + " GROUP BY k";
  sql += by == StatsBy::Month ? " ORDER BY k" : " ORDER BY n DESC, k";
  SQLite::Statement st(*db_, sql);
  bind_selection(st, sel);
  std::vector<Count> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).isNull() ? std::string() : st.getColumn(0).getString(),
                   st.getColumn(1).getInt64()});
  return out;
}

}  // namespace atip::store
