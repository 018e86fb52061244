#include "lib/store/selection_sql.hpp"

#include <fmt/format.h>

#include "lib/store/ranking.hpp"

namespace atip::store {

namespace {

constexpr const char* kDate = "coalesce(d.published, d.first_seen)";

std::string tag_filter(const char* kind, const char* prefix, std::size_t n) {
  if (n == 0) return {};
  return fmt::format(" AND EXISTS (SELECT 1 FROM tag t WHERE t.document_id = d.id AND t.kind = '{}' "
                     "AND t.value IN {})", kind, placeholders(prefix, n));
}

// The strongest tag of a family, as documents.cpp orders tags (score, then value); the kind is
// one of a fixed set, never user text.
std::string group_key(const std::string& kind) {
  if (kind == "type") return "nullif(d.doc_type, '')";
  const char* k = kind == "country" ? "country" : kind == "area" ? "area" : "topic";
  return fmt::format("(SELECT t.value FROM tag t WHERE t.document_id = d.id AND t.kind = '{}' "
                     "ORDER BY t.score DESC, t.value LIMIT 1)", k);
}

}  // namespace

std::string placeholders(const char* prefix, std::size_t n) {
  std::string out = "(";
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{}:{}{}", i ? ", " : "", prefix, i);
  return out + ")";
}

void bind_list(SQLite::Statement& st, const char* prefix, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) st.bind(fmt::format(":{}{}", prefix, i), values[i]);
}

std::string state_filter(const std::vector<std::string>& states, const char* alias) {
  if (states.empty()) return {};
  std::string out = " AND (0";
  std::size_t plain = 0;
  for (const auto& s : states) {
    if (s == "starred")
      out += fmt::format(" OR {}.starred = 1", alias);
    else
      out += fmt::format(" OR {}.state = :state{}", alias, plain++);
  }
  return out + ")";
}

void bind_states(SQLite::Statement& st, const std::vector<std::string>& states) {
  std::size_t plain = 0;
  for (const auto& s : states)
    if (s != "starred") st.bind(fmt::format(":state{}", plain++), s);
}

std::string selection_where(const Selection& sel) {
  std::string sql;
  if (!sel.fts_query.empty()) sql += " AND document_fts MATCH :q";
  if (sel.since) sql += fmt::format(" AND {} >= :since", kDate);
  if (sel.until) sql += fmt::format(" AND {} <= :until", kDate);
  if (!sel.feed_ids.empty())
    sql += fmt::format(" AND EXISTS (SELECT 1 FROM sighting s WHERE s.document_id = d.id AND "
                       "s.feed_id IN {})", placeholders("feed", sel.feed_ids.size()));
  sql += tag_filter("topic", "topic", sel.topics.size());
  sql += tag_filter("area", "area", sel.areas.size());
  sql += tag_filter("country", "country", sel.countries.size());
  sql += tag_filter("type", "type", sel.types.size());
  // "+": never a way into the table. Five values are too few to narrow a walk (the date index
  // serves a month's export), and without ANALYZE's figures SQLite would guess otherwise.
  if (!sel.languages.empty()) sql += " AND +d.language IN " + placeholders("lang", sel.languages.size());
  sql += state_filter(sel.states, "d");
  if (sel.min_relevance) sql += " AND d.relevance >= :relevance";
  return sql;
}

std::string selection_sql(const Selection& sel, const std::string& columns) {
  const bool fts = !sel.fts_query.empty();
  // Matched words are marked with two control characters no stored title holds (the ingest
  // path removes C0 controls), for the caller to render.
  const char* highlight = fts && sel.highlight ? "highlight(document_fts, 0, char(1), char(2))" : "''";
  const bool windowed = fts && sel.order == Selection::Order::Rank && sel.rank_window > 0;
  std::string sql;
  if (windowed) {
    // bm25 costs a few microseconds per match; a common word matches tens of thousands of
    // documents in a large catalogue. Walking the index newest first (rowids grow as documents
    // are catalogued) with the filters applied, and ranking only the first rank_window that
    // pass, keeps a search in milliseconds whatever the catalogue's size.
    Selection rest = sel;
    rest.fts_query.clear();
    sql = fmt::format(
        "SELECT {}, w.rank, {} FROM (SELECT document_fts.rowid AS id, {} AS rank "
        "FROM document_fts JOIN document d ON d.id = document_fts.rowid WHERE document_fts MATCH :q{} "
        "ORDER BY document_fts.rowid DESC LIMIT {}) w JOIN document d ON d.id = w.id",
        columns, highlight, kRankSql, selection_where(rest), sel.rank_window);
    // highlight() needs the full-text row of each of the few documents shown.
    if (sel.highlight) sql += " JOIN document_fts ON document_fts.rowid = d.id AND document_fts MATCH :q";
  } else {
    sql = fmt::format("SELECT {}, {} AS match_rank, {} FROM document d", columns, fts ? kRankSql : "0", highlight);
    if (fts) sql += " JOIN document_fts ON document_fts.rowid = d.id";
    sql += " WHERE 1" + selection_where(sel);
  }
  const std::string newest = fmt::format("{} DESC, d.id DESC", kDate);
  switch (sel.order) {
    case Selection::Order::Rank:
      sql += windowed ? " ORDER BY w.rank, " + newest
             : fts    ? " ORDER BY match_rank, " + newest
                      : " ORDER BY " + newest;
      break;
    case Selection::Order::DateDesc:
      sql += " ORDER BY " + newest;
      break;
    case Selection::Order::SourceThenDate:
      // The primary sighting's publisher (see documents.cpp) groups the work in a digest.
      sql += " ORDER BY (SELECT coalesce(nullif(f.title, ''), f.url, s.source) FROM sighting s "
             "LEFT JOIN feed f ON f.id = s.feed_id WHERE s.document_id = d.id "
             "ORDER BY s.first_seen, length(s.link), s.id LIMIT 1) COLLATE NOCASE, " + newest;
      break;
    case Selection::Order::GroupThenDate:
      sql += " ORDER BY " + group_key(sel.group_kind) + " IS NULL, " + group_key(sel.group_kind) + ", " + newest;
      break;
  }
  if (sel.limit > 0) sql += fmt::format(" LIMIT {}", sel.limit);
  return sql;
}

void bind_selection(SQLite::Statement& st, const Selection& sel) {
  if (!sel.fts_query.empty()) st.bind(":q", sel.fts_query);
  if (sel.since) st.bind(":since", *sel.since);
  if (sel.until) st.bind(":until", *sel.until);
  for (std::size_t i = 0; i < sel.feed_ids.size(); ++i) st.bind(fmt::format(":feed{}", i), sel.feed_ids[i]);
  bind_list(st, "topic", sel.topics);
  bind_list(st, "area", sel.areas);
  bind_list(st, "country", sel.countries);
  bind_list(st, "type", sel.types);
  bind_list(st, "lang", sel.languages);
  bind_states(st, sel.states);
  if (sel.min_relevance) st.bind(":relevance", *sel.min_relevance);
}

}  // namespace atip::store
