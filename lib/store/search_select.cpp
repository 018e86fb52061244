// Reading search results: the few documents a search shows, with no more reads than they need.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/id_set.hpp"
#include "lib/store/language_filter.hpp"
#include "lib/store/ranking.hpp"
#include "lib/store/row.hpp"
#include "lib/store/selection_sql.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

namespace {

// Sightings always (they name the publishers and give the link); tags and editions when asked.
class Details {
 public:
  Details(SQLite::Database& db, bool all)
      : sightings_(db, fmt::format("{} = ? {}", rows::kSightingColumns, rows::kSightingOrder)) {
    if (all) {
      tags_.emplace(db, fmt::format("{} = ? {}", rows::kTagColumns, rows::kTagOrder));
      editions_.emplace(db, fmt::format("{} = ? {}", rows::kEditionColumns, rows::kEditionOrder));
    }
  }
  void fill(Document& d) {
    rows::read_one(sightings_, d.id, d.sightings, rows::read_sighting);
    if (tags_) rows::read_one(*tags_, d.id, d.tags, rows::read_tag);
    if (editions_) rows::read_one(*editions_, d.id, d.editions, rows::read_edition);
  }

 private:
  SQLite::Statement sightings_;
  std::optional<SQLite::Statement> tags_, editions_;
};

Document read_columns(SQLite::Statement& st) {
  Document d;
  rows::read_document(st, d);
  return d;
}

std::string tag_test(const char* kind, std::size_t n) {
  if (n == 0) return {};
  // A look-up in the tags' primary key (document, tag) per match and tag asked for, whose ids
  // are read once. (The set of tagged documents read once from document_tag_tag costs more for
  // a common tag, such as --type report, than it saves.)
  return fmt::format(" AND EXISTS (SELECT 1 FROM document_tag dt WHERE dt.document_id = document_fts.rowid AND "
                     "dt.tag_id IN (SELECT n.id FROM tag_name n WHERE n.kind = '{}' AND n.value IN {}))", kind,
                     placeholders(kind, n));
}

bool screened_only(const Selection& sel) {
  return !sel.states.empty() && std::find(sel.states.begin(), sel.states.end(), "new") == sel.states.end();
}

// A date range with an end (--until) lies behind the newest matches of a common word, which
// the window walks first: tested on each match's row, "trata --until 2021-03-01" read 100,000
// rows of a million-document catalogue (170 ms). The ids the date index holds for the range,
// read once, test a match without its row (id_set.hpp), and their least and greatest let the
// full-text index skip the matches outside them. Reading them costs about 0.1 us per document
// in the range, so a range holding more than kDatedIds documents keeps the row test; without an
// end, the newest matches are in the range and the row test stops early.
constexpr std::size_t kDatedIds = 100000;

struct DatedIds {
  bool on = false;
  std::vector<std::int64_t> ids;  // sorted
};

// The expression of the date index, on the document table under `alias`.
std::string date_of(const char* alias) { return fmt::format("coalesce({0}.published, {0}.first_seen)", alias); }

DatedIds dates_from_index(SQLite::Database& db, const Selection& s) {
  if (s.fts_query.empty() || !s.until) return {};
  SQLite::Statement st(db, fmt::format("SELECT d.id FROM document d INDEXED BY document_date WHERE {0} <= :until{1} "
                                       "LIMIT {2}", date_of("d"),
                                       s.since ? fmt::format(" AND {} >= :since", date_of("d")) : "", kDatedIds + 1));
  st.bind(":until", *s.until);
  if (s.since) st.bind(":since", *s.since);
  DatedIds out;
  while (st.executeStep()) out.ids.push_back(st.getColumn(0).getInt64());
  if (out.ids.empty() || out.ids.size() > kDatedIds) return {};
  std::sort(out.ids.begin(), out.ids.end());
  out.on = true;
  return out;
}

// The tag, feed, language and screening filters, and the dates when the date index answers
// (see dates_from_index), written against the index's rowid: tested without reading the
// document (a page each, or none).
std::string early_filters(const Selection& sel, const DatedIds& dated) {
  std::string sql;
  if (dated.on)
    sql += fmt::format(" AND document_fts.rowid BETWEEN {} AND {} AND atip_in_ids(document_fts.rowid)",
                       dated.ids.front(), dated.ids.back());
  if (!sel.feed_ids.empty())
    sql += fmt::format(" AND EXISTS (SELECT 1 FROM sighting s WHERE s.document_id = document_fts.rowid AND "
                       "s.feed_id IN {})", placeholders("feed", sel.feed_ids.size()));
  sql += tag_test("topic", sel.topics.size());
  sql += tag_test("area", sel.areas.size());
  sql += tag_test("country", sel.countries.size());
  sql += tag_test("type", sel.types.size());
  // The language is the document's own field, but a byte recorded for each document answers
  // for a match without the row (language_filter.hpp). Read from the rows, "traite des femmes
  // --lang en" took 100 ms to find no English document; from the index on the language, 26 ms,
  // and "informe --lang pt" 80 ms; from the bytes, 11 and 16 ms.
  if (!sel.languages.empty()) {
    std::string args;
    for (std::size_t i = 0; i < sel.languages.size(); ++i) args += fmt::format(", :lang{}", i);
    sql += fmt::format(" AND atip_language_in(document_fts.rowid{})", args);
  }
  // Screening states other than "new" (which most documents have) from the index of screened
  // documents, whose own condition the query repeats so that SQLite may use it.
  if (screened_only(sel))
    sql += fmt::format(" AND EXISTS (SELECT 1 FROM document ds INDEXED BY document_screened WHERE (ds.state <> "
                       "'new' OR ds.starred = 1) AND ds.id = document_fts.rowid{})", state_filter(sel.states, "ds"));
  return sql;
}

void bind_early(SQLite::Statement& st, const Selection& sel) {
  st.bind(":q", sel.fts_query);
  for (std::size_t i = 0; i < sel.feed_ids.size(); ++i) st.bind(fmt::format(":feed{}", i), sel.feed_ids[i]);
  bind_list(st, "topic", sel.topics);
  bind_list(st, "area", sel.areas);
  bind_list(st, "country", sel.countries);
  bind_list(st, "type", sel.types);
  bind_list(st, "lang", sel.languages);
  if (screened_only(sel)) bind_states(st, sel.states);
}

// The filters on the document's own fields that no index answers (relevance, dates, and the
// state when "new" is among those asked for).
Selection late_filters(const Selection& sel, const DatedIds& dated) {
  Selection late = sel;
  late.fts_query.clear();
  if (dated.on) late.since = late.until = std::nullopt;
  late.feed_ids.clear();
  late.topics.clear();
  late.areas.clear();
  late.countries.clear();
  late.types.clear();
  late.languages.clear();
  if (screened_only(sel)) late.states.clear();
  return late;
}

bool ranks_in_window(const Selection& s) {
  return !s.fts_query.empty() && s.order == Selection::Order::Rank && s.rank_window > 0 && s.limit > 0;
}

// Fewer than one in kSelectiveAfter of the best-ranked passing the document's filters, after
// kSelectiveAfter times the limit were read, counts as a selective filter.
constexpr std::size_t kSelectiveAfter = 8;

struct Hit {
  std::int64_t id;
  double rank;
};

// The window is the rank_window newest matches that pass early_filters(), ranked
// without reading a document; the filters on the document's own fields, which need its row
// (the relevance threshold is always one), are checked on the best-ranked only, since most
// documents pass them. Returns nothing when the window is full and too few of it pass: the
// caller then ranks the newest passing ones, as select() does.
std::optional<std::vector<Document>> rank_then_filter(SQLite::Database& db, const Selection& sel, const DatedIds& dated) {
  SQLite::Statement window(db, fmt::format("SELECT rowid, {} FROM document_fts WHERE document_fts MATCH :q{} "
                                           "ORDER BY rowid DESC LIMIT {}", kRankSql, early_filters(sel, dated),
                                           sel.rank_window));
  bind_early(window, sel);
  std::vector<Hit> hits;
  while (window.executeStep()) hits.push_back({window.getColumn(0).getInt64(), window.getColumn(1).getDouble()});
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.rank < b.rank; });

  const Selection late = late_filters(sel, dated);
  SQLite::Statement read(db, fmt::format("SELECT {} FROM document d WHERE d.id = :id{}", rows::kDocumentColumns,
                                         selection_where(late)));
  SQLite::Statement highlight(db, "SELECT highlight(document_fts, 0, char(1), char(2)) FROM document_fts "
                                  "WHERE document_fts MATCH ? AND rowid = ?");
  std::vector<Document> out;
  const auto limit = static_cast<std::size_t>(sel.limit);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < hits.size() && out.size() < limit;) {
    // A filter that rejects most documents (--lang en for a query in French) would leave few
    // of the window: better rank the newest that pass, and stop reading rows for nothing.
    if (checked >= kSelectiveAfter * limit && out.size() * kSelectiveAfter < checked) return std::nullopt;
    // Equal ranks are ordered as select() orders them: newest first, then the higher id.
    std::size_t end = i;
    std::vector<Document> tied;
    for (; end < hits.size() && hits[end].rank == hits[i].rank; ++end) {
      bind_selection(read, late);
      read.bind(":id", hits[end].id);
      ++checked;
      if (read.executeStep()) {
        Document d = read_columns(read);
        d.rank = hits[end].rank;
        tied.push_back(std::move(d));
      }
      read.reset();
    }
    std::sort(tied.begin(), tied.end(), [](const Document& a, const Document& b) {
      return a.date() != b.date() ? a.date() > b.date() : a.id > b.id;
    });
    for (auto& d : tied) {
      if (out.size() == limit) break;
      if (sel.highlight) {
        highlight.bind(1, sel.fts_query);
        highlight.bind(2, d.id);
        if (highlight.executeStep()) d.title_highlighted = row::text(highlight.getColumn(0));
        highlight.reset();
      }
      out.push_back(std::move(d));
    }
    i = end;
  }
  if (out.size() < limit && hits.size() == static_cast<std::size_t>(sel.rank_window)) return std::nullopt;
  return out;
}

// select()'s window with the same filters, early_filters() tested before the document is read
// for the others.
std::string filtered_window_sql(const Selection& sel, const DatedIds& dated) {
  std::string sql = fmt::format(
      "SELECT {}, w.rank, {} FROM (SELECT document_fts.rowid AS id, {} AS rank "
      "FROM document_fts JOIN document d ON d.id = document_fts.rowid WHERE document_fts MATCH :q{}{} "
      "ORDER BY document_fts.rowid DESC LIMIT {}) w JOIN document d ON d.id = w.id",
      rows::kDocumentColumns, sel.highlight ? "highlight(document_fts, 0, char(1), char(2))" : "''", kRankSql,
      early_filters(sel, dated),
      selection_where(late_filters(sel, dated)), sel.rank_window);
  if (sel.highlight) sql += " JOIN document_fts ON document_fts.rowid = d.id AND document_fts MATCH :q";
  sql += " ORDER BY w.rank, coalesce(d.published, d.first_seen) DESC, d.id DESC";
  if (sel.limit > 0) sql += fmt::format(" LIMIT {}", sel.limit);
  return sql;
}

// Newest first: with many matches, walking the date index from the newest document and
// keeping those the index matched reads a page per document shown, where joining every match
// to its row and sorting them all reads a page per match. With few matches the join is cheaper.
constexpr int kFewMatches = 2000;

bool walks_dates(SQLite::Database& db, const Selection& s) {
  if (s.fts_query.empty() || s.order != Selection::Order::DateDesc || s.limit <= 0) return false;
  SQLite::Statement count(db, fmt::format("SELECT count(*) FROM (SELECT rowid FROM document_fts WHERE "
                                          "document_fts MATCH ? LIMIT {})", kFewMatches));
  count.bind(1, s.fts_query);
  return count.executeStep() && count.getColumn(0).getInt() >= kFewMatches;
}

// The rank is left out (0): see ranks_of().
std::string date_walk_sql(const Selection& sel) {
  Selection rest = sel;
  rest.fts_query.clear();
  // "+d.id": the set of matches is a filter, not a way in; the date index orders the walk.
  return fmt::format(
      "SELECT {}, 0, {} "
      "FROM document d WHERE +d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH :q){} "
      "ORDER BY coalesce(d.published, d.first_seen) DESC, d.id DESC LIMIT {}",
      rows::kDocumentColumns,
      sel.highlight ? "(SELECT highlight(document_fts, 0, char(1), char(2)) FROM document_fts WHERE "
                      "document_fts MATCH :q AND rowid = d.id)"
                    : "''",
      selection_where(rest), sel.limit);
}

// The rank counts the documents holding each phrase of the query (its IDF) on its first call in
// a statement, a walk over up to kCountedMatches matches: a subquery per document shown counted
// them again for each. One statement over the range of the shown documents' ids counts them
// once; the rank is computed for the shown ones alone.
void rank_shown(SQLite::Database& db, const std::string& fts_query, std::vector<Document>& docs) {
  if (docs.empty()) return;
  std::int64_t lo = docs.front().id, hi = lo;
  std::string ids;
  for (const Document& d : docs) {
    lo = std::min(lo, d.id);
    hi = std::max(hi, d.id);
    ids += fmt::format("{}{}", ids.empty() ? "" : ",", d.id);
  }
  SQLite::Statement st(db, fmt::format("SELECT rowid, CASE WHEN rowid IN ({}) THEN {} END FROM document_fts "
                                       "WHERE document_fts MATCH ? AND rowid BETWEEN ? AND ?", ids, kRankSql));
  st.bind(1, fts_query);
  st.bind(2, lo);
  st.bind(3, hi);
  std::vector<Hit> ranks;
  while (st.executeStep())
    if (!st.getColumn(1).isNull()) ranks.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getDouble()});
  std::sort(ranks.begin(), ranks.end(), [](const Hit& a, const Hit& b) { return a.id < b.id; });
  for (Document& d : docs) {
    const auto at = std::lower_bound(ranks.begin(), ranks.end(), d.id,
                                     [](const Hit& h, std::int64_t id) { return h.id < id; });
    if (at != ranks.end() && at->id == d.id) d.rank = at->rank;
  }
}

// Whether any document at all is dated within --since/--until: one seek in the date index,
// where a search would otherwise read every match to find that none is.
bool any_in_dates(SQLite::Database& db, const Selection& s) {
  if (!s.since && !s.until) return true;
  SQLite::Statement st(db, fmt::format("SELECT EXISTS (SELECT 1 FROM document d WHERE 1{}{})",
                                       s.since ? " AND coalesce(d.published, d.first_seen) >= :since" : "",
                                       s.until ? " AND coalesce(d.published, d.first_seen) <= :until" : ""));
  if (s.since) st.bind(":since", *s.since);
  if (s.until) st.bind(":until", *s.until);
  return st.executeStep() && st.getColumn(0).getInt() != 0;
}

}  // namespace

void Catalogue::search(const Selection& sel, bool details, const std::function<void(const Document&)>& visit) {
  try {
    // One read transaction for the whole search: its statements (a few per document shown)
    // see one snapshot while a fetch may commit, and SQLite takes and checks its locks once
    // instead of per statement: a search showing 20 documents made 124 fcntl and 82 stat calls,
    // now 26 and 33.
    SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
    if (!any_in_dates(*db_, sel)) return;
    Details more(*db_, details);
    const DatedIds dated = ranks_in_window(sel) ? dates_from_index(*db_, sel) : DatedIds{};
    const IdSetScope dated_scope(dated.ids);
    std::optional<LanguageScope> language_scope;
    if (!sel.languages.empty()) language_scope.emplace(db_->getHandle());
    if (ranks_in_window(sel)) {
      if (auto found = rank_then_filter(*db_, sel, dated)) {
        for (Document& d : *found) {
          more.fill(d);
          visit(d);
        }
        return;
      }
    }
    const bool date_walk = !ranks_in_window(sel) && walks_dates(*db_, sel);
    SQLite::Statement st(*db_, ranks_in_window(sel) ? filtered_window_sql(sel, dated)
                               : date_walk          ? date_walk_sql(sel)
                                                    : selection_sql(sel, rows::kDocumentColumns));
    if (dated.on) {  // the dates are in the set of ids, not in parameters
      Selection binding = sel;
      binding.since = binding.until = std::nullopt;
      bind_selection(st, binding);
    } else {
      bind_selection(st, sel);
    }
    std::vector<Document> found;
    while (st.executeStep()) {
      Document d = read_columns(st);
      d.rank = st.getColumn(17).getDouble();
      d.title_highlighted = row::text(st.getColumn(18));
      if (date_walk) {
        found.push_back(std::move(d));
        continue;
      }
      more.fill(d);
      visit(d);
    }
    if (date_walk) rank_shown(*db_, sel.fts_query, found);
    for (Document& d : found) {
      more.fill(d);
      visit(d);
    }
  } catch (const SQLite::Exception& e) {
    // As in select(): the query language validates expressions first; this backstop keeps
    // SQLite's text out of the user's face.
    if (e.getErrorCode() == SQLITE_ERROR && !sel.fts_query.empty())
      throw Error(fmt::format("cannot search for '{}': the full-text index rejected the query", sel.fts_query));
    throw;
  }
}

}  // namespace atip::store
