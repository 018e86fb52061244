// Reading documents: one by id, or a streamed selection for search and export.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "lib/store/catalogue.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/row.hpp"
#include "lib/store/selection_sql.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

namespace {

using namespace rows;

// A selection is read in blocks of documents: the related rows of a whole block come from
// one query per table instead of three per document, and the block's storage is reused, so
// memory stays flat whatever the selection's size.
constexpr int kBlock = 128;

std::string in_block(const char* columns, const char* order) {
  std::string sql = columns;
  sql += " IN (";
  for (int i = 1; i <= kBlock; ++i) sql += fmt::format("{}?{}", i > 1 ? ", " : "", i);
  return sql + ") " + order;
}

class Block {
 public:
  explicit Block(SQLite::Database& db)
      : sightings_(db, in_block(kSightingColumns, kSightingOrder)),
        tags_(db, in_block(kTagColumns, kTagOrder)),
        editions_(db, in_block(kEditionColumns, kEditionOrder)),
        docs_(kBlock),
        used_(kBlock) {}

  bool full() const { return size_ == kBlock; }
  bool empty() const { return size_ == 0; }
  Document& next() { return docs_[size_++]; }

  // Fills the related rows of the documents taken with next(), hands each to `visit` in the
  // order taken, and empties the block.
  void flush(const std::function<void(const Document&)>& visit) {
    order_.clear();
    for (std::size_t i = 0; i < size_; ++i) order_.emplace_back(docs_[i].id, i);
    std::sort(order_.begin(), order_.end());
    sightings_.clearBindings();
    tags_.clearBindings();
    editions_.clearBindings();
    for (std::size_t i = 0; i < size_; ++i) {
      const int n = static_cast<int>(i) + 1;
      sightings_.bind(n, docs_[i].id);
      tags_.bind(n, docs_[i].id);
      editions_.bind(n, docs_[i].id);
    }
    fill(sightings_, &Document::sightings, read_sighting);
    fill(tags_, &Document::tags, read_tag);
    fill(editions_, &Document::editions, read_edition);
    for (std::size_t i = 0; i < size_; ++i) visit(docs_[i]);
    size_ = 0;
  }

 private:
  // Rows come ordered by document id, each document's in the order it wants; elements left
  // from the previous block are overwritten rather than rebuilt.
  template <typename T, typename Read>
  void fill(SQLite::Statement& st, std::vector<T> Document::*member, Read read) {
    std::fill(used_.begin(), used_.begin() + static_cast<std::ptrdiff_t>(size_), 0);
    std::size_t at = 0;
    while (st.executeStep()) {
      const std::int64_t id = st.getColumn(0).getInt64();
      while (at < order_.size() && order_[at].first < id) ++at;
      for (std::size_t k = at; k < order_.size() && order_[k].first == id; ++k) {
        const std::size_t i = order_[k].second;
        auto& items = docs_[i].*member;
        if (used_[i] == items.size()) items.emplace_back();
        read(st, items[used_[i]++]);
      }
    }
    st.reset();
    for (std::size_t i = 0; i < size_; ++i) (docs_[i].*member).resize(used_[i]);
  }

  SQLite::Statement sightings_, tags_, editions_;
  std::vector<Document> docs_;
  std::vector<std::size_t> used_;
  std::vector<std::pair<std::int64_t, std::size_t>> order_;
  std::size_t size_ = 0;
};

}  // namespace

using namespace rows;

std::optional<Document> Catalogue::document(std::int64_t id) {
  SQLite::Statement st(*db_, fmt::format("SELECT {}, 0 FROM document d WHERE d.id = ?",
                                         kDocumentColumns));
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  Document d;
  read_document(st, d);
  SQLite::Statement sightings(*db_, fmt::format("{} = ? {}", kSightingColumns, kSightingOrder));
  read_one(sightings, id, d.sightings, read_sighting);
  SQLite::Statement revisions(*db_, "SELECT changed_at, title, summary FROM document_revision "
                                    "WHERE document_id = ? ORDER BY id");
  revisions.bind(1, id);
  while (revisions.executeStep())
    d.revisions.push_back({revisions.getColumn(0).getInt64(), revisions.getColumn(1).getString(),
                           revisions.getColumn(2).getString()});
  SQLite::Statement tags(*db_, fmt::format("{} = ? {}", kTagColumns, kTagOrder));
  read_one(tags, id, d.tags, read_tag);
  SQLite::Statement editions(*db_, fmt::format("{} = ? {}", kEditionColumns, kEditionOrder));
  read_one(editions, id, d.editions, read_edition);
  return d;
}

void Catalogue::select(const Selection& sel, const std::function<void(const Document&)>& visit) {
  try {
    SQLite::Statement st(*db_, selection_sql(sel, kDocumentColumns));
    bind_selection(st, sel);
    Block block(*db_);
    while (st.executeStep()) {
      Document& d = block.next();
      read_document(st, d);
      d.rank = st.getColumn(17).getDouble();
      text_into(st.getColumn(18), d.title_highlighted);
      if (block.full()) block.flush(visit);
    }
    if (!block.empty()) block.flush(visit);
  } catch (const SQLite::Exception& e) {
    // The query language validates expressions first; this is the backstop that keeps
    // SQLite's text out of the user's face while still saying what went wrong.
    if (e.getErrorCode() == SQLITE_ERROR && !sel.fts_query.empty())
      throw Error(fmt::format("cannot search for '{}': the full-text index rejected the query",
                              sel.fts_query));
    throw;
  }
}

}  // namespace atip::store
