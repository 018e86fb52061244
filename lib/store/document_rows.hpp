#pragma once
// The rows a Document is read from, shared by the streamed selection (documents.cpp) and
// search (search_select.cpp) so that both show the same columns, publishers and order.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/store/multi_insert.hpp"

namespace atip::store::rows {

// The document's own columns, as select list over "document d"; read_document reads them from
// column 0 on (17 columns).
extern const char* const kDocumentColumns;
void read_document(SQLite::Statement& st, Document& d);

// Whether a summary's HTML is nothing but the summary's text in paragraphs. Many feeds' HTML
// summaries are; stored beside the plain text, that HTML doubled the catalogue's largest
// column. Such HTML is stored as '' with document.summary_html_derived = 1 (schema/0009), and
// read_document rebuilds it with text::paragraphs_html: the same bytes, by construction.
bool summary_html_derived(std::string_view summary, std::string_view html);

// Assigns into `out` so that a reused string keeps its buffer.
void text_into(const SQLite::Column& c, std::string& out);

// Related rows: "<columns> = ? <order>" for one document, "<columns> IN (...) <order>" for
// many. The first column is the document id; each reader reads from column 1 on.
extern const char* const kSightingColumns;
extern const char* const kSightingOrder;
void read_sighting(SQLite::Statement& st, Sighting& s);
extern const char* const kTagColumns;
extern const char* const kTagOrder;
void read_tag(SQLite::Statement& st, TagRecord& t);
// How many documents carry each tag: (kind, value, count) ordered by kind and value, for every
// tag at least one document carries.
std::vector<std::pair<TagRecord, std::int64_t>> tag_counts(SQLite::Database& db);
extern const char* const kEditionColumns;
extern const char* const kEditionOrder;
void read_edition(SQLite::Statement& st, Edition& e);

// Writes a document's tags as document_tag rows, naming each (kind, value) by its tag_name id.
// The ids are cached for the life of the writer, which must not outlive its transaction (a
// rolled-back transaction forgets the names it added).
class TagWriter {
 public:
  explicit TagWriter(SQLite::Database& db);
  // Adds the tags of a document that has none; of repeated (kind, value) pairs the last wins.
  // Repeated tags are dropped here, and the rows go in one statement (MultiRowInsert), so the
  // caller must leave foreign keys unchecked (ForeignKeysUnchecked). With OR REPLACE and checked
  // keys, each tag row was a statement that may both write twice and abort, so SQLite kept a
  // statement journal for it, more than a third of the cost of storing an entry.
  void insert(std::int64_t document_id, const std::vector<TagRecord>& tags);
  // Removes every tag of the document.
  void remove(std::int64_t document_id);

 private:
  std::int64_t id_of(const TagRecord& tag);

  SQLite::Database& db_;
  SQLite::Statement find_name_, add_name_, remove_;
  MultiRowInsert insert_;
  std::vector<std::pair<std::int64_t, std::int64_t>> rows_;  // tag id and score, reused
  // A catalogue names a few dozen pairs: a flat list beats hashing two strings per tag.
  struct Name {
    std::string kind, value;
    std::int64_t id;
  };
  std::vector<Name> names_;
};

// One document's related rows, read by a statement whose first column is the document id.
template <typename T, typename Read>
void read_one(SQLite::Statement& st, std::int64_t document_id, std::vector<T>& out, Read read) {
  st.bind(1, document_id);
  while (st.executeStep()) read(st, out.emplace_back());
  st.reset();
}

}  // namespace atip::store::rows
