// The checks of `atip doctor`. Each runs on its own, so one that cannot run on a damaged file
// still lets the others report.
#include "lib/store/doctor.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "lib/store/database.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/lengths.hpp"
#include "lib/store/storage_error.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

namespace {

bool has_table(SQLite::Database& db, const std::string& name) {
  SQLite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  st.bind(1, name);
  return st.executeStep();
}

// The full-text index's virtual table and the tables FTS5 keeps it in. It is external-content:
// it holds nothing the documents do not, so a repair creates it again and rebuilds it.
constexpr const char* kFtsTables[] = {"document_fts", "document_fts_data", "document_fts_idx",
                                      "document_fts_docsize", "document_fts_config"};

bool fts_table(const std::string& name) {
  return std::find(std::begin(kFtsTables), std::end(kFtsTables), name) != std::end(kFtsTables);
}

// Schema objects that hold no data of their own, so repair can create them again.
// The tables of documents' lengths are derived too (lib/store/lengths.hpp): a repair records
// them again.
bool derived(const std::string& type, const std::string& name = {}) {
  return type == "index" || type == "trigger" || type == "view" ||
         (type == "table" && (name == "document_length" || name == "document_length_stale" ||
                              name == "document_language_code" || fts_table(name)));
}

std::int64_t count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

// The schema objects (type, name → SQL) a catalogue at `level` was created with, from the
// migrations themselves.
std::map<std::pair<std::string, std::string>, std::string> reference_schema(int level) {
  SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE);
  migrate(mem, ":memory:", level);
  std::map<std::pair<std::string, std::string>, std::string> out;
  SQLite::Statement st(mem, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema");
  while (st.executeStep()) out[{st.getColumn(0).getString(), st.getColumn(1).getString()}] = st.getColumn(2).getString();
  return out;
}

// The full-text index's settings (ranking weights, merge policy) that the migrations to `level`
// stored, as ('rank', …), ('automerge', …) pairs; FTS5's own 'version' row is left out.
std::vector<std::pair<std::string, std::string>> reference_fts_settings(int level) {
  SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE);
  migrate(mem, ":memory:", level);
  std::vector<std::pair<std::string, std::string>> out;
  SQLite::Statement st(mem, "SELECT k, v FROM document_fts_config WHERE k <> 'version' ORDER BY k");
  while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
  return out;
}

// Creates the full-text index again, empty, with the settings it was created with; the caller
// rebuilds it. FTS5 cannot drop its virtual table once its data or config table is gone (it
// fails to construct), so the table's schema row is then removed directly, as SQLite documents
// for a virtual table that cannot be dropped, before the leftovers are dropped.
void recreate_fts(SQLite::Database& db, int level,
                  const std::map<std::pair<std::string, std::string>, std::string>& reference) {
  db.exec("SAVEPOINT drop_fts");
  try {
    db.exec("DROP TABLE IF EXISTS document_fts");
    db.exec("RELEASE drop_fts");
  } catch (const SQLite::Exception&) {
    db.exec("ROLLBACK TO drop_fts");
    db.exec("RELEASE drop_fts");
    const auto version = db.execAndGet("PRAGMA schema_version").getInt64();
    db.exec("PRAGMA writable_schema = ON");
    db.exec("DELETE FROM sqlite_schema WHERE type = 'table' AND name = 'document_fts'");
    db.exec(fmt::format("PRAGMA schema_version = {}", version + 1));
    db.exec("PRAGMA writable_schema = OFF");
  }
  for (const char* name : kFtsTables)  // the shadow tables left behind
    if (std::string_view(name) != "document_fts") db.exec(fmt::format("DROP TABLE IF EXISTS {}", name));
  db.exec(reference.at({"table", "document_fts"}));
  SQLite::Statement set(db, "INSERT INTO document_fts(document_fts, rank) VALUES (?, ?)");
  for (const auto& [key, value] : reference_fts_settings(level)) {
    set.bind(1, key);
    set.bind(2, value);
    set.exec();
    set.reset();
  }
}

// Objects the migrations create that the catalogue lacks (skipped for a schema atip doesn't know).
std::vector<std::pair<std::string, std::string>> missing_objects(SQLite::Database& db, int level) {
  std::vector<std::pair<std::string, std::string>> missing;
  if (level < 1 || level > current_schema_level()) return missing;
  std::set<std::pair<std::string, std::string>> present;
  SQLite::Statement st(db, "SELECT type, name FROM sqlite_schema");
  while (st.executeStep()) present.insert({st.getColumn(0).getString(), st.getColumn(1).getString()});
  for (const auto& [key, sql] : reference_schema(level))
    if (!present.count(key)) missing.push_back(key);
  return missing;
}

// A writing command would create a missing catalogue; repairing or compacting one must not.
void require_existing(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(fmt::format("no catalogue at '{}'", path), kExitCatalogue);
}

std::int64_t file_bytes(SQLite::Database& db) { return count(db, "PRAGMA page_count") * count(db, "PRAGMA page_size"); }

std::string orphan_wording(const std::string& table, const std::string& parent, std::int64_t n) {
  static const std::map<std::pair<std::string, std::string>, const char*> kWords = {
      {{"sighting", "document"}, "sightings point to a missing document"},
      {{"sighting", "feed"}, "sightings point to a missing feed"},
      {{"tag", "document"}, "tags belong to a missing document"},
      {{"document_tag", "document"}, "tags belong to a missing document"},
      {{"document_tag", "tag_name"}, "tags name a missing tag"},
      {{"document_revision", "document"}, "revisions belong to a missing document"},
      {{"document_title_key", "document"}, "title keys belong to a missing document"},
      {{"document_edition", "document"}, "edition links point to a missing document"},
      {{"document_edition_claim", "document"}, "edition claims belong to a missing document"},
      {{"feed_tag", "feed"}, "feed tags belong to a missing feed"},
      {{"fetch_log", "feed"}, "fetch log rows belong to a missing feed"}};
  const auto it = kWords.find({table, parent});
  if (it != kWords.end()) return fmt::format("{} {}", n, it->second);
  return fmt::format("{} rows of {} refer to a missing {}", n, table, parent);
}

class Checker {
 public:
  Checker(SQLite::Database& db, DoctorReport& report) : db_(db), r_(report) {}

  // Runs `check`; a check that throws (a damaged page, a missing table) is a problem itself.
  void run(const std::string& name, const std::function<void()>& check) {
    const std::size_t before = r_.problems.size();
    try {
      check();
    } catch (const SQLite::Exception& e) {
      r_.problems.push_back({name, fmt::format("could not run: {}", e.getErrorStr()), false});
    }
    if (r_.problems.size() == before) r_.passed.push_back(name);
  }
  void problem(const std::string& check, const std::string& message, bool repairable) {
    r_.problems.push_back({check, message, repairable});
  }

  void integrity() {
    SQLite::Statement st(db_, "PRAGMA integrity_check(20)");
    while (st.executeStep()) {
      const std::string line = st.getColumn(0).getString();
      if (line == "ok") continue;
      // Index entries are derived from table rows, so REINDEX rebuilds them; a damaged table
      // page is data and needs the backup.
      const bool index_only = line.find("index") != std::string::npos && line.find("Tree") == std::string::npos;
      problem("integrity", line, index_only);
    }
  }

  void schema_objects() {
    for (const auto& [type, name] : missing_objects(db_, r_.schema_level))
      problem("schema", fmt::format("{} '{}' is missing", type, name), derived(type, name));
  }

  void foreign_keys() {
    std::map<std::pair<std::string, std::string>, std::int64_t> groups;
    SQLite::Statement st(db_, "PRAGMA foreign_key_check");
    while (st.executeStep()) ++groups[{st.getColumn(0).getString(), st.getColumn(2).getString()}];
    for (const auto& [key, n] : groups) problem("foreign keys", orphan_wording(key.first, key.second, n), true);
  }

  void full_text_index() {
    for (const char* name : kFtsTables)
      if (!has_table(db_, name)) return;  // reported as a missing object
    const auto unindexed = count(db_, "SELECT count(*) FROM document WHERE id NOT IN (SELECT id FROM document_fts_docsize)");
    const auto stale = count(db_, "SELECT count(*) FROM document_fts_docsize WHERE id NOT IN (SELECT id FROM document)");
    if (unindexed > 0) problem("full-text index", fmt::format("{} documents are not in the index", unindexed), true);
    if (stale > 0) problem("full-text index", fmt::format("{} index entries have no document", stale), true);
    if (unindexed > 0 || stale > 0) return;
    // With rank 1, FTS5 also compares the index with the current text of every document.
    try {
      db_.exec("INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)");
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) == SQLITE_READONLY) {
        r_.notes.push_back("the full-text index was not compared with the documents' text (the file is read-only)");
        return;
      }
      if ((e.getErrorCode() & 0xff) != SQLITE_CORRUPT) throw;
      problem("full-text index", "the index does not match the documents' text", true);
    }
    if (const auto wrong = wrong_lengths(db_); wrong > 0)
      problem("full-text index", fmt::format("{} documents' recorded lengths differ from the index's", wrong), true);
    if (const auto wrong = wrong_languages(db_); wrong > 0)
      problem("full-text index", fmt::format("{} documents' recorded languages differ from their own", wrong), true);
  }

  void duplicates() {
    const auto urls = count(db_, "SELECT count(*) FROM (SELECT 1 FROM document WHERE canonical_url IS NOT NULL "
                                 "GROUP BY canonical_url HAVING count(*) > 1)");
    if (urls > 0) problem("duplicates", fmt::format("{} canonical URLs are held by more than one document", urls), false);
    const auto entries = count(db_, "SELECT count(*) FROM (SELECT 1 FROM sighting WHERE feed_id IS NOT NULL "
                                    "GROUP BY feed_id, entry_key HAVING count(*) > 1)");
    if (entries > 0) problem("duplicates", fmt::format("{} feed entries are recorded more than once", entries), false);
  }

  void counts() {
    r_.documents = count(db_, "SELECT count(*) FROM document");
    r_.sightings = count(db_, "SELECT count(*) FROM sighting");
    r_.tags = count(db_, "SELECT count(*) FROM tag");
    r_.revisions = count(db_, "SELECT count(*) FROM document_revision");
    r_.feeds = count(db_, "SELECT count(*) FROM feed");
    r_.tag_values = rows::tag_counts(db_);
    const auto unsighted = count(db_, "SELECT count(*) FROM document d WHERE NOT EXISTS "
                                      "(SELECT 1 FROM sighting s WHERE s.document_id = d.id)");
    if (unsighted > 0)
      r_.notes.push_back(fmt::format("{} documents have no sighting (kept; they show their own link)", unsighted));
  }

  void space() {
    r_.file_bytes = file_bytes(db_);
    r_.free_bytes = count(db_, "PRAGMA freelist_count") * count(db_, "PRAGMA page_size");
    if (worth_compacting(r_))
      r_.notes.push_back(fmt::format("{} of the file's {} are free pages (left by an upgrade or by removed rows); "
                                     "'atip doctor --compact' gives them back to the file system",
                                     megabytes(r_.free_bytes), megabytes(r_.file_bytes)));
  }

 private:
  SQLite::Database& db_;
  DoctorReport& r_;
};

std::unique_ptr<SQLite::Database> open_for_check(const std::string& path) {
  require_existing(path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(fmt::format("catalogue '{}' is a folder, not a file", path), kExitCatalogue);
  try {
    // Read-write without create, only because FTS5 runs its integrity check as an INSERT; a
    // read-only file is opened read-only by SQLite and that one check is skipped.
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
    db->setBusyTimeout(10000);
    db->execAndGet("SELECT count(*) FROM sqlite_schema");
    return db;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw Error(fmt::format("'{}' is not an atip catalogue (not an SQLite database)", path), kExitCatalogue);
    if (e.getErrorCode() == SQLITE_CORRUPT)
      throw Error(fmt::format("catalogue '{}' is damaged beyond reading its schema ({}): restore it from a backup",
                              path, e.getErrorStr()), kExitCatalogue);
    throw Error(fmt::format("cannot open catalogue '{}': {}", path, e.getErrorStr()), kExitCatalogue);
  }
}

}  // namespace

DoctorReport check_catalogue(const std::string& path) {
  const auto db = open_for_check(path);
  DoctorReport report;
  report.schema_level = db->execAndGet("PRAGMA user_version").getInt();
  Checker c(*db, report);
  c.run("integrity", [&] { c.integrity(); });
  c.run("schema", [&] {
    const int current = current_schema_level();
    if (report.schema_level == 0) {
      c.problem("schema", "schema level 0: this SQLite file is not an atip catalogue", false);
    } else if (report.schema_level > current) {
      c.problem("schema", fmt::format("schema level {} is newer than this atip knows ({}): upgrade atip",
                                      report.schema_level, current), false);
    } else {
      if (report.schema_level < current)
        report.notes.push_back(fmt::format("schema level {}: the next command that writes upgrades it to {} "
                                           "(after copying it to '{}')", report.schema_level, current,
                                           upgrade_backup_path(path, report.schema_level)));
      c.schema_objects();
    }
  });
  if (report.schema_level == 0) return report;
  c.run("foreign keys", [&] { c.foreign_keys(); });
  c.run("full-text index", [&] { c.full_text_index(); });
  c.run("duplicates", [&] { c.duplicates(); });
  c.run("counts", [&] {
    c.counts();
    c.space();
  });
  return report;
}

std::string megabytes(std::int64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

bool worth_compacting(std::int64_t free_bytes, std::int64_t file_bytes) {
  return free_bytes >= (1 << 20) && free_bytes * 10 >= file_bytes;
}

bool worth_compacting(const DoctorReport& report) { return worth_compacting(report.free_bytes, report.file_bytes); }

namespace {

// Removes what points at nothing, following the schema's ON DELETE rules: a sighting whose feed
// is gone keeps its document and only forgets the feed.
std::vector<std::string> remove_orphans(SQLite::Database& db) {
  // Every table with a foreign key, the rows of it that point at nothing, and what to do.
  struct Rule {
    const char* table;
    const char* what;
    const char* sql;
  };
  static const Rule kRules[] = {
      {"sighting", "sightings of a missing document",
       "DELETE FROM sighting WHERE document_id NOT IN (SELECT id FROM document)"},
      {"sighting", "sightings detached from a missing feed",
       "UPDATE sighting SET feed_id = NULL WHERE feed_id IS NOT NULL AND feed_id NOT IN (SELECT id FROM feed)"},
      {"document_tag", "tags of a missing document",
       "DELETE FROM document_tag WHERE document_id NOT IN (SELECT id FROM document)"},
      {"document_tag", "tags naming a missing tag", "DELETE FROM document_tag WHERE tag_id NOT IN (SELECT id FROM tag_name)"},
      {"document_revision", "revisions of a missing document",
       "DELETE FROM document_revision WHERE document_id NOT IN (SELECT id FROM document)"},
      {"document_title_key", "title keys of a missing document",
       "DELETE FROM document_title_key WHERE document_id NOT IN (SELECT id FROM document)"},
      {"document_edition", "edition links to a missing document",
       "DELETE FROM document_edition WHERE document_id NOT IN (SELECT id FROM document) "
       "OR edition_id NOT IN (SELECT id FROM document)"},
      {"document_edition_claim", "edition claims of a missing document",
       "DELETE FROM document_edition_claim WHERE document_id NOT IN (SELECT id FROM document)"},
      {"feed_tag", "feed tags of a missing feed", "DELETE FROM feed_tag WHERE feed_id NOT IN (SELECT id FROM feed)"},
      {"fetch_log", "fetch log rows of a missing feed",
       "DELETE FROM fetch_log WHERE feed_id NOT IN (SELECT id FROM feed)"}};
  std::vector<std::string> done;
  for (const Rule& rule : kRules) {
    if (!has_table(db, rule.table)) continue;
    const int n = db.exec(rule.sql);
    if (n > 0) done.push_back(fmt::format("removed {} {}", n, rule.what));
  }
  return done;
}

}  // namespace

std::string describe_upgrade(const Upgrade& u) {
  return fmt::format("upgraded from schema level {} to {}; the copy as it was is '{}' ({})", u.from_level, u.to_level,
                     u.backup_path, megabytes(u.backup_bytes));
}

std::vector<std::string> repair_catalogue(const std::string& path) {
  require_existing(path);
  std::optional<Upgrade> upgraded;
  auto db = open_database(path, OpenMode::ReadWrite, &upgraded);
  std::vector<std::string> done;
  if (upgraded) done.push_back(describe_upgrade(*upgraded));
  try {
    SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
    const int level = db->execAndGet("PRAGMA user_version").getInt();
    const auto reference = reference_schema(level);
    const auto missing = missing_objects(*db, level);
    if (std::any_of(missing.begin(), missing.end(), [](const auto& key) { return key.first == "table" && fts_table(key.second); })) {
      recreate_fts(*db, level, reference);
      done.push_back("recreated the full-text index's tables");
    }
    for (const auto& key : missing) {
      if (!derived(key.first, key.second) || reference.at(key).empty()) continue;
      if (key.first == "table" && fts_table(key.second)) continue;
      db->exec(reference.at(key));
      done.push_back(fmt::format("recreated {} '{}'", key.first, key.second));
    }
    // Index entries are derived from the rows: rebuilding them mends a damaged index page.
    db->exec("REINDEX");
    done.push_back("rebuilt every index");
    for (auto& line : remove_orphans(*db)) done.push_back(std::move(line));
    db->exec("INSERT INTO document_fts(document_fts) VALUES ('rebuild')");
    done.push_back(fmt::format("rebuilt the full-text index from {} documents", count(*db, "SELECT count(*) FROM document")));
    rebuild_lengths(*db);
    done.push_back("recorded every document's length for the ranking, and its language for --lang");
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("cannot repair catalogue '{}': {}; nothing was changed. Restore it from a backup "
                            "(see 'atip backup')", path, describe(*db, e)), kExitCatalogue);
  }
  return done;
}

Compaction compact_catalogue(const std::string& path) {
  require_existing(path);
  Compaction out;
  auto db = open_database(path, OpenMode::ReadWrite, &out.upgraded);
  out.bytes_before = file_bytes(*db);
  try {
    db->exec("VACUUM");
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    std::string why = describe(*db, e);
    // The copy is written twice (a temporary file, then the log): say how much room it needs.
    if (code == SQLITE_FULL || code == SQLITE_IOERR)
      why += fmt::format("; a compaction needs free space of up to twice the catalogue's size ({})",
                         megabytes(2 * out.bytes_before));
    throw Error(fmt::format("cannot compact catalogue '{}': {}; nothing was changed", path, why), kExitCatalogue);
  }
  out.bytes_after = file_bytes(*db);
  // The rewrite went through the write-ahead log, which now holds a copy of every page: copy
  // it back and cut the log to nothing. A reader that started before the rewrite keeps the log
  // in use; searches end within milliseconds, but an export or an open sqlite3 shell may not, so
  // wait 2 s, not the usual 10, and say so. The next connection that may write deletes the log
  // when it closes as the last one (a read-only connection may not).
  db->setBusyTimeout(2000);
  SQLite::Statement checkpoint(*db, "PRAGMA wal_checkpoint(TRUNCATE)");
  if (checkpoint.executeStep() && checkpoint.getColumn(0).getInt() != 0) {
    std::error_code size_ec;
    const auto log = std::filesystem::file_size(path + "-wal", size_ec);
    out.log_bytes_left = size_ec ? 0 : static_cast<std::int64_t>(log);
  }
  return out;
}

}  // namespace atip::store
