// Catalogue::search takes shortcuts (ranking before the relevance threshold, tag filters before
// the document, the date index for newest first); each must give what select() gives.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

// 2,600 documents: dates out of catalogue order, the word "trata" from zero to three times in
// title and summary, a third below the relevance threshold, two countries and a topic.
struct Catalogue2600 {
  TempDir tmp;
  std::string path = tmp.file("c.db");
  Catalogue c{path, OpenMode::ReadWrite};

  Catalogue2600() {
    const std::int64_t feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
    std::vector<EntryRecord> entries;
    for (int i = 1; i <= 2600; ++i) {
      EntryRecord r;
      r.entry_key = r.content_hash = "e" + std::to_string(i);
      r.canonical_url = "x.example/" + r.entry_key;
      r.link = "https://" + r.canonical_url;
      const int in_title = i % 4, in_summary = (i / 4) % 3;
      r.title = "Informe " + std::to_string(i) + " sobre redes";
      for (int k = 0; k < in_title; ++k) r.title += " trata";
      r.summary = "Texto de " + std::to_string(i % 37) + " palabras";
      for (int k = 0; k < in_summary; ++k) r.summary += " trata de personas y otras cosas";
      if (in_title == 0 && in_summary == 0) r.summary += " explotación laboral";
      r.published = 1'600'000'000 + (static_cast<Time>(i) * 7919) % 100'000 * 60;
      r.language = i % 2 ? "es" : "pt";
      r.relevance = i % 3 == 0 ? 0.1 : 1.0;
      r.tags.push_back({"country", i % 5 == 0 ? "BR" : "MX", 1.0});
      if (i % 7 == 0) r.tags.push_back({"topic", "forced_labour", 1.0});
      entries.push_back(std::move(r));
    }
    c.ingest(feed, "A", entries, 1'700'000'000);
  }

  struct Row {
    std::int64_t id;
    double rank;
    std::string highlighted;
    std::size_t sightings, tags;
  };

  std::vector<Row> rows(const Selection& s, bool fast, bool details = false) {
    std::vector<Row> out;
    auto keep = [&](const Document& d) {
      out.push_back({d.id, d.rank, d.title_highlighted, d.sightings.size(), d.tags.size()});
    };
    if (fast)
      c.search(s, details, keep);
    else
      c.select(s, keep);
    return out;
  }

  void same(const Selection& s) {
    const auto fast = rows(s, true), slow = rows(s, false);
    REQUIRE(fast.size() == slow.size());
    for (std::size_t i = 0; i < fast.size(); ++i) {
      CAPTURE(i);
      CHECK(fast[i].id == slow[i].id);
      CHECK(fast[i].rank == doctest::Approx(slow[i].rank));
      CHECK(fast[i].highlighted == slow[i].highlighted);
      CHECK(fast[i].sightings == 1);
    }
  }
};

Selection ranked(int window, int limit) {
  Selection s;
  s.fts_query = "\"trata\"";
  s.order = Selection::Order::Rank;
  s.rank_window = window;
  s.limit = limit;
  return s;
}

}  // namespace

TEST_CASE("store::search: ranking before the relevance threshold gives select()'s documents") {
  Catalogue2600 f;
  Selection s = ranked(5000, 20);  // a window larger than the matches: both rank them all
  s.min_relevance = 0.5;
  f.same(s);
  s.highlight = true;
  f.same(s);
  s = ranked(300, 25);  // no threshold (--all): both rank the 300 newest
  f.same(s);
  // A window in which too few pass the threshold: ranked as select() ranks, newest passing.
  s = ranked(30, 25);
  s.min_relevance = 0.5;
  f.same(s);
  // The best are found whatever their age: the window holds every match here.
  const auto best = f.rows(ranked(5000, 1), true);
  REQUIRE(best.size() == 1);
  CHECK(best[0].id % 4 == 3);  // three times in the title
}

TEST_CASE("store::search: tag and feed filters tested before the document give select()'s documents") {
  Catalogue2600 f;
  // Only tag filters: both rank the 200 newest matches from Brazil.
  Selection s = ranked(200, 20);
  s.countries = {"BR"};
  f.same(s);
  s.feed_ids = {1};
  s.highlight = true;
  f.same(s);
  // The document's own fields too, with a window holding every match.
  s = ranked(5000, 20);
  s.countries = {"BR"};
  s.min_relevance = 0.5;
  f.same(s);
  s.topics = {"forced_labour"};
  s.languages = {"es"};
  s.states = {"new"};
  f.same(s);
  s.feed_ids = {2};
  CHECK(f.rows(s, true).empty());
}

TEST_CASE("store::search: the language filter is tested before the document and gives select()'s documents") {
  Catalogue2600 f;
  // A window of 200 among 1,950 matches: both rank the 200 newest in Portuguese, not the
  // Portuguese among the 200 newest.
  Selection s = ranked(200, 20);
  s.languages = {"pt"};
  f.same(s);
  s.countries = {"MX"};
  s.highlight = true;
  f.same(s);
  s = ranked(200, 20);
  s.languages = {"es", "pt"};
  f.same(s);
  // With the relevance threshold, which is read from the row, as in the test above.
  s = ranked(5000, 20);
  s.languages = {"pt"};
  s.min_relevance = 0.5;
  f.same(s);
  // No match in the language: nothing, from the index alone.
  s.languages = {"en"};
  CHECK(f.rows(s, true).empty());
  CHECK(f.rows(s, false).empty());
}

TEST_CASE("store::search: the language filter gives select()'s documents whether a language is recorded, stale or not") {
  Catalogue2600 f;
  {
    // Another program moves a tenth to German, which has no byte of its own, and a tenth to
    // English: stale until the next write records them.
    SQLite::Database db(f.path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE document SET language = 'de' WHERE id % 10 = 0");
    db.exec("UPDATE document SET language = 'en' WHERE id % 10 = 5");
  }
  auto each_language = [&] {
    for (const std::vector<std::string>& languages :
         {std::vector<std::string>{"de"}, {"en"}, {"pt"}, {"es", "de"}, {"fr"}}) {
      CAPTURE(languages.front());
      Selection s = ranked(200, 20);
      s.languages = languages;
      f.same(s);
      CHECK(f.rows(s, true).empty() == (languages.front() == "fr"));
    }
  };
  each_language();
  EntryRecord r;
  r.entry_key = r.content_hash = "new";
  r.title = "Otro informe";
  f.c.ingest(1, "A", {r}, 1'700'000'100);
  {
    SQLite::Database db(f.path, SQLite::OPEN_READONLY);
    REQUIRE(db.execAndGet("SELECT count(*) FROM document_length_stale").getInt() == 0);
  }
  each_language();
  {
    SQLite::Database db(f.path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM document_language_code");
  }
  each_language();
}

TEST_CASE("store::search: screening states are tested before the document and give select()'s documents") {
  Catalogue2600 f;
  SQLite::Database db(f.path, SQLite::OPEN_READWRITE);
  db.exec("UPDATE document SET state = 'included' WHERE id % 50 = 1");
  db.exec("UPDATE document SET state = 'maybe' WHERE id % 50 = 2");
  db.exec("UPDATE document SET starred = 1 WHERE id % 60 = 3");
  for (const std::vector<std::string>& states : {std::vector<std::string>{"included"}, {"maybe", "starred"},
                                                 {"starred"}, {"excluded"}}) {
    CAPTURE(states.size());
    CAPTURE(states.front());
    Selection s = ranked(300, 10);
    s.states = states;
    f.same(s);
    s.languages = {"es"};
    s.highlight = true;
    f.same(s);
  }
  // With "new", which most documents are, the state is read from the row, after ranking: the
  // same documents when the window holds every match.
  Selection s = ranked(5000, 10);
  s.states = {"new", "included"};
  f.same(s);
  // The screened documents come from the index: no un-screened document is among them.
  s = ranked(5000, 0);
  s.states = {"included", "maybe", "excluded", "starred"};
  const auto all = f.rows(s, true);
  CHECK(all.size() == f.rows(s, false).size());
  for (const auto& r : all) CHECK((r.id % 50 == 1 || r.id % 50 == 2 || r.id % 60 == 3));
}

TEST_CASE("store::search: a filter that rejects most of the window ranks the newest that pass") {
  Catalogue2600 f;
  SQLite::Database db(f.path, SQLite::OPEN_READWRITE);
  db.exec("UPDATE document SET state = 'included' WHERE id % 50 = 1");
  Selection s = ranked(300, 10);
  s.states = {"included"};
  // About 6 of the 300 newest matches are included: select() ranks the 300 newest included.
  f.same(s);
  CHECK(f.rows(s, true).size() == 10);
}

TEST_CASE("store::search: newest first through the date index gives select()'s documents") {
  Catalogue2600 f;
  Selection s;
  s.fts_query = "\"trata\"";  // about 2,200 matches: the date index is walked
  s.order = Selection::Order::DateDesc;
  s.limit = 30;
  f.same(s);
  s.min_relevance = 0.5;
  s.countries = {"BR"};
  s.highlight = true;
  f.same(s);
  s.since = 1'600'000'000 + 50'000 * 60;
  s.until = 1'600'000'000 + 60'000 * 60;
  f.same(s);
  s.since = 1'700'000'000;  // after every document
  CHECK(f.rows(s, true).empty());
  s.since = std::nullopt;
  s.until = 1'500'000'000;  // before every document
  CHECK(f.rows(s, true).empty());
  // Two phrases, each counted once for bm25 (see rank_shown): the ranks are select()'s.
  s = {};
  s.fts_query = "\"informe\" AND \"trata\"";
  s.order = Selection::Order::DateDesc;
  s.limit = 40;
  f.same(s);
  for (const auto& r : f.rows(s, true)) CHECK(r.rank < 0);
  s = {};
  s.fts_query = "\"explotación\"";  // a few hundred: the matches are joined
  s.order = Selection::Order::DateDesc;
  s.limit = 30;
  f.same(s);
}

TEST_CASE("store::search: a date range with an end is tested through the date index and gives select()'s documents") {
  Catalogue2600 f;
  // Dates run over 100,000 minutes from 1.6e9, out of catalogue order; ranges below and inside.
  const Time t0 = 1'600'000'000;
  Selection s = ranked(200, 20);
  s.until = t0 + 20'000 * 60;  // behind most of the newest matches
  f.same(s);
  s.since = t0 + 10'000 * 60;
  f.same(s);
  s.highlight = true;
  s.countries = {"MX"};
  s.languages = {"es"};
  f.same(s);
  s = ranked(5000, 20);  // every match in the window, the threshold read from the row
  s.since = t0 + 30'000 * 60;
  s.until = t0 + 31'000 * 60;
  s.min_relevance = 0.5;
  f.same(s);
  // Both ends inclusive: a range that ends, or starts, at a document's own date holds it.
  const auto one = f.rows(ranked(5000, 1), true);
  REQUIRE(one.size() == 1);
  const Time when = t0 + (one[0].id * 7919) % 100'000 * 60;
  const auto holds = [&](const Selection& r) {
    const auto found = f.rows(r, true);
    return std::any_of(found.begin(), found.end(), [&](const auto& x) { return x.id == one[0].id; });
  };
  s = ranked(5000, 100);
  s.since = when - 300 * 60;
  s.until = when;
  CHECK(holds(s));
  f.same(s);
  s.since = when;
  s.until = when + 300 * 60;
  CHECK(holds(s));
  f.same(s);
  s.since = s.until = when;
  CHECK(holds(s));
  f.same(s);
  // A document without a published date is dated by first_seen, as select() dates it.
  {
    SQLite::Database db(f.path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE document SET published = NULL WHERE id % 10 = 3");
  }
  s = ranked(300, 20);
  s.since = 1'700'000'000;  // first_seen of every document
  s.until = 1'700'000'000;
  const auto undated = f.rows(s, true);
  CHECK(undated.size() == 20);
  for (const auto& r : undated) CHECK(r.id % 10 == 3);
  f.same(s);
  // A range no document is dated in.
  s.since = t0 - 1000;
  s.until = t0 - 1;
  CHECK(f.rows(s, true).empty());
}

TEST_CASE("store::search: tags and editions are read only when asked for") {
  Catalogue2600 f;
  const Selection s = ranked(100, 5);
  for (const auto& r : f.rows(s, true, false)) CHECK(r.tags == 0);
  for (const auto& r : f.rows(s, true, true)) CHECK(r.tags >= 1);
}

TEST_CASE("store::search: a query the index rejects is an error in atip's words") {
  Catalogue2600 f;
  Selection s = ranked(100, 5);
  s.fts_query = "\"trata\" AND";
  CHECK_THROWS_WITH(f.rows(s, true), doctest::Contains("the full-text index rejected the query"));
}
