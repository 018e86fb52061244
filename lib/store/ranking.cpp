#include "lib/store/ranking.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "lib/store/lengths.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

namespace {

// bm25's constants and arithmetic are those of SQLite's fts5_aux.c, in the same order, so that
// a phrase counted in full gives bit for bit the value of the built-in bm25.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

struct Statistics {
  explicit Statistics(sqlite3* db) : lengths(db) {}
  LengthReader lengths;
  double avgdl = 0;
  std::vector<double> idf;
  std::vector<double> freq;  // per phrase, for the current match
};

struct Counting {
  sqlite3_int64 matches = 0;
  sqlite3_int64 first_id = 0;
  sqlite3_int64 last_id = 0;
};

// Matches come in ascending rowid order; the walk stops at the kCountedMatches-th.
int count_match(const Fts5ExtensionApi* api, Fts5Context* fts, void* data) {
  auto* c = static_cast<Counting*>(data);
  if (++c->matches == 1) c->first_id = api->xRowid(fts);
  if (c->matches < kCountedMatches) return SQLITE_OK;
  c->last_id = api->xRowid(fts);
  return SQLITE_DONE;
}

// The range of document ids, whose rowids are the full-text index's. (Two subqueries: SQLite
// answers min() or max() alone from the end of the table, both at once with a scan of it.)
bool id_range(sqlite3* db, sqlite3_int64& lo, sqlite3_int64& hi) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT (SELECT min(id) FROM document), (SELECT max(id) FROM document)", -1, &st,
                         nullptr) != SQLITE_OK)
    return false;
  const bool ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
  if (ok) {
    lo = sqlite3_column_int64(st, 0);
    hi = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  return ok && hi >= lo;
}

// How many documents hold the phrase: counted, or for a common phrase, the rate of its first
// kCountedMatches matches applied from its first match to the newest document. Documents are
// numbered as they are catalogued, so a word that came into use later (a new law, a place in
// the news) is estimated from when it did; one that went out of use is estimated as common
// as it once was. Ids left by deleted documents count as documents.
double documents_holding(const Counting& c, sqlite3* db, sqlite3_int64 rows) {
  if (c.matches < kCountedMatches) return static_cast<double>(c.matches);
  sqlite3_int64 lo = 0, hi = 0;
  if (!id_range(db, lo, hi) || c.first_id < lo || c.last_id > hi) return static_cast<double>(rows);
  const auto span = static_cast<double>(c.last_id - c.first_id + 1);
  const auto since_first = static_cast<double>(hi - c.first_id + 1);
  return std::min(static_cast<double>(rows), static_cast<double>(c.matches) * since_first / span);
}

int compute(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db, Statistics& s) {
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  s.avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  const int phrases = api->xPhraseCount(fts);
  s.idf.assign(static_cast<std::size_t>(phrases), 0.0);
  s.freq.assign(static_cast<std::size_t>(phrases), 0.0);
  for (int i = 0; i < phrases; ++i) {
    Counting c;
    rc = api->xQueryPhrase(fts, i, &c, count_match);
    if (rc != SQLITE_OK) return rc;
    const double hits = documents_holding(c, db, rows);
    // Below zero for a phrase in more than half the documents: bm25 then gives it a weight of
    // almost nothing rather than a negative one.
    double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    s.idf[static_cast<std::size_t>(i)] = idf;
  }
  return SQLITE_OK;
}

// The statistics are computed on the first match of a statement and kept with its cursor.
int statistics(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3* db, Statistics*& out) {
  out = static_cast<Statistics*>(api->xGetAuxdata(fts, 0));
  if (out) return SQLITE_OK;
  auto s = std::make_unique<Statistics>(db);
  if (const int rc = compute(api, fts, db, *s); rc != SQLITE_OK) return rc;
  out = s.get();
  // On failure xSetAuxdata has already deleted it.
  return api->xSetAuxdata(fts, s.release(), [](void* p) { delete static_cast<Statistics*>(p); });
}

void atip_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_values,
               sqlite3_value** values) {
  Statistics* s = nullptr;
  int rc = statistics(api, fts, static_cast<sqlite3*>(api->xUserData(fts)), s);
  int instances = 0;
  if (rc == SQLITE_OK) {
    std::fill(s->freq.begin(), s->freq.end(), 0.0);
    rc = api->xInstCount(fts, &instances);
  }
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK)
      s->freq[static_cast<std::size_t>(phrase)] += n_values > column ? sqlite3_value_double(values[column]) : 1.0;
  }
  double length = 0;
  if (rc == SQLITE_OK) {
    // The packed length when recorded (schema/0011_document_length.sql), else the index's own.
    int tokens = s->lengths.length(api->xRowid(fts));
    if (tokens == 0) rc = api->xColumnSize(fts, -1, &tokens);
    length = tokens;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0.0;
  for (std::size_t i = 0; i < s->idf.size(); ++i) {
    const double f = s->freq[i];
    score += s->idf[i] * ((f * (kK1 + 1.0)) / (f + kK1 * (1 - kB + kB * length / s->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

fts5_api* fts5(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

}  // namespace

void register_ranking(sqlite3* db) {
  fts5_api* api = fts5(db);
  if (!api || api->xCreateFunction(api, "atip_bm25", db, atip_bm25, nullptr) != SQLITE_OK)
    throw Error("the SQLite linked into atip has no full-text search (FTS5)");
}

}  // namespace atip::store
