#pragma once
// Catalogues of earlier schema levels (tests/data/catalogues/level<N>.sql) loaded into files,
// and whole-table snapshots to compare a catalogue before and after an operation.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lib/text/html.hpp"
#include "lib/util/fs.hpp"

namespace atip::testing {

inline std::string fixture_sql(int level) {
  return std::string(ATIP_SOURCE_DIR "/tests/data/catalogues/level") + std::to_string(level) + ".sql";
}

// Writes the level-`level` fixture to a new database file at `path`.
inline void load_fixture(int level, const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(util::read_file(fixture_sql(level)));
}

// Every row `sql` yields, each as its columns' values (NULL as "NULL") joined by '|'.
inline std::vector<std::string> rows(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, sql);
  std::vector<std::string> out;
  while (st.executeStep()) {
    std::string row;
    for (int i = 0; i < st.getColumnCount(); ++i)
      row += (i ? "|" : "") + (st.getColumn(i).isNull() ? std::string("NULL") : st.getColumn(i).getString());
    out.push_back(row);
  }
  return out;
}

// What a user would miss if it were lost: documents with their screening, sightings, revisions.
// A summary's HTML is as read back: from schema level 9 on, HTML that is only the summary's
// paragraphs is stored as '' and written again by text::paragraphs_html.
inline std::vector<std::string> stored_documents(const std::string& path) {
  const bool derivable = !rows(path, "SELECT 1 FROM pragma_table_info('document') "
                                     "WHERE name = 'summary_html_derived'").empty();
  std::vector<std::string> out;
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, std::string("SELECT id, canonical_url, title, summary, summary_html, authors, "
                                         "published, updated, first_seen, last_changed, language, doc_type, "
                                         "state, starred, note, ") +
                                 (derivable ? "summary_html_derived" : "0") + " FROM document ORDER BY id");
    while (st.executeStep()) {
      std::string row;
      for (int i = 0; i < 15; ++i) {
        std::string value = st.getColumn(i).isNull() ? std::string("NULL") : st.getColumn(i).getString();
        if (i == 4 && st.getColumn(15).getInt() == 1) {
          CHECK(value.empty());
          value = text::paragraphs_html(st.getColumn(3).getString());
        }
        row += (i ? "|" : "") + value;
      }
      out.push_back(row);
    }
  }
  for (auto& r : rows(path, "SELECT document_id, feed_id, source, entry_key, link, published, first_seen "
                            "FROM sighting ORDER BY document_id, entry_key"))
    out.push_back("sighting " + r);
  for (auto& r : rows(path, "SELECT document_id, changed_at, title, summary FROM document_revision ORDER BY id"))
    out.push_back("revision " + r);
  return out;
}

// Every tag, its score to the thousandth (as schema level 7 keeps them).
inline std::vector<std::string> stored_tags(const std::string& path) {
  return rows(path, "SELECT document_id, kind, value, round(score, 3) FROM tag ORDER BY document_id, kind, value");
}

}  // namespace atip::testing
