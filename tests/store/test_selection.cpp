#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "lib/store/catalogue.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

struct Fixture {
  TempDir tmp;
  std::string path = tmp.file("c.db");
  Catalogue c{path, OpenMode::ReadWrite};
  std::int64_t a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  std::int64_t b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);

  Fixture() {
    auto e = [](const std::string& key, const std::string& title, Time published, const std::string& lang) {
      EntryRecord r;
      r.entry_key = key;
      r.content_hash = key;
      r.canonical_url = "x.example/" + key;
      r.link = "https://" + r.canonical_url;
      r.title = title;
      r.published = published;
      r.language = lang;
      return r;
    };
    c.ingest(a, "A", {e("1", "Trata en México", 1000, "es"), e("2", "Forced labour in Brazil", 2000, "en")}, 5000);
    c.ingest(b, "B", {e("3", "Tráfico de pessoas no Brasil", 3000, "pt")}, 5000);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO tag(document_id, kind, value) VALUES (1, 'topic', 'tip_general'), "
            "(1, 'country', 'MX'), (2, 'topic', 'forced_labour'), (2, 'country', 'BR'), "
            "(3, 'topic', 'tip_general'), (3, 'country', 'BR'), (3, 'area', 'prosecution')");
  }

  std::vector<std::int64_t> ids(const Selection& s) {
    std::vector<std::int64_t> out;
    c.select(s, [&](const Document& d) { out.push_back(d.id); });
    return out;
  }
};

}  // namespace

TEST_CASE("store::select: filters within a family match any value, across families all") {
  Fixture f;
  Selection s;
  s.countries = {"BR"};
  CHECK(f.ids(s) == std::vector<std::int64_t>{3, 2});  // newest first
  s.topics = {"tip_general"};
  CHECK(f.ids(s) == std::vector<std::int64_t>{3});
  s = {};
  s.countries = {"MX", "BR"};
  CHECK(f.ids(s).size() == 3);
  s = {};
  s.areas = {"prosecution"};
  CHECK(f.ids(s) == std::vector<std::int64_t>{3});
}

TEST_CASE("store::select: feed, language, date and state filters") {
  Fixture f;
  Selection s;
  s.feed_ids = {f.b};
  CHECK(f.ids(s) == std::vector<std::int64_t>{3});
  s = {};
  s.languages = {"es", "pt"};
  CHECK(f.ids(s) == std::vector<std::int64_t>{3, 1});
  s = {};
  s.since = 1500;
  s.until = 2500;
  CHECK(f.ids(s) == std::vector<std::int64_t>{2});
  CHECK(f.c.mark({1, 42}, {std::string("included"), true, std::string("key source")}) == std::vector<std::int64_t>{42});
  s = {};
  s.states = {"included"};
  CHECK(f.ids(s) == std::vector<std::int64_t>{1});
  s.states = {"starred", "new"};
  CHECK(f.ids(s).size() == 3);
  s.states = {"excluded"};
  CHECK(f.ids(s).empty());
  auto d = f.c.document(1);
  CHECK(d->note == "key source");
  CHECK(d->starred);
}

TEST_CASE("store::mark: only the fields given change") {
  Fixture f;
  f.c.mark({2}, {std::string("maybe"), std::nullopt, std::string("check")});
  f.c.mark({2}, {std::nullopt, true, std::nullopt});
  auto d = f.c.document(2);
  CHECK(d->state == "maybe");
  CHECK(d->note == "check");
  CHECK(d->starred);
}

TEST_CASE("store::stats: counts by month, tag family, feed and language over the selection") {
  Fixture f;
  auto by = [&](StatsBy b, Selection s = {}) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& c : f.c.stats(s, b)) out.emplace_back(c.key, c.documents);
    return out;
  };
  using V = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(by(StatsBy::Month) == V{{"1970-01", 3}});
  CHECK(by(StatsBy::Country) == V{{"BR", 2}, {"MX", 1}});
  CHECK(by(StatsBy::Topic) == V{{"tip_general", 2}, {"forced_labour", 1}});
  CHECK(by(StatsBy::Feed) == V{{"A", 2}, {"B", 1}});
  Selection only_pt;
  only_pt.languages = {"pt"};
  CHECK(by(StatsBy::Country, only_pt) == V{{"BR", 1}});
  Selection fts;
  fts.fts_query = "\"brasil\"";
  CHECK(by(StatsBy::Language, fts) == V{{"pt", 1}});
  CHECK(by(StatsBy::Country, fts) == V{{"BR", 1}});
}

TEST_CASE("store::select: highlight marks the matched words of the title") {
  Fixture f;
  Selection s;
  s.fts_query = "\"trafico\"";
  s.highlight = true;
  std::string marked;
  f.c.select(s, [&](const Document& d) { marked = d.title_highlighted; });
  CHECK(marked == "\x01Tráfico\x02 de pessoas no Brasil");
}
