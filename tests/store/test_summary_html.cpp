// A summary's HTML that is only the summary's text in paragraphs is stored as '' and written
// again when read (schema/0009): whatever path stored it, it reads back byte for byte, and the
// migration's SQL and text::paragraphs_html agree on which HTML that is.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/text/html.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"
#include "tests/store/entry_record.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord with_summary(const std::string& key, const std::string& summary, const std::string& html,
                         const std::string& hash = "h1") {
  EntryRecord e = atip::testing::entry_record(key, "Title " + key, "a.example/" + key, hash);
  e.summary = summary;
  e.summary_html = html;
  return e;
}

// What the catalogue holds for one document: the stored HTML and its flag, "html|flag".
std::string stored(const std::string& path, std::int64_t id) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT summary_html, summary_html_derived FROM document WHERE id = ?");
  st.bind(1, id);
  REQUIRE(st.executeStep());
  return st.getColumn(0).getString() + "|" + st.getColumn(1).getString();
}

std::string html_read_back(Catalogue& c, std::int64_t id) {
  const auto doc = c.document(id);
  REQUIRE(doc);
  return doc->summary_html;
}

}  // namespace

TEST_CASE("text::paragraphs_html: escapes &, < and >, closes a paragraph at each blank line") {
  using atip::text::paragraphs_html;
  CHECK(paragraphs_html("A & B <c>\n\nSecond\nline") == "<p>A &amp; B &lt;c&gt;</p><p>Second<br>line</p>");
  CHECK(paragraphs_html("") == "<p></p>");
  CHECK(paragraphs_html("a\n\n\nb") == "<p>a</p><p><br>b</p>");
  CHECK(paragraphs_html("\"quoted\" 'text' é") == "<p>\"quoted\" 'text' é</p>");
  // is_paragraphs_html answers the same without writing it, for every HTML that differs.
  for (const std::string plain : {"", "a", "a & b", "x\n\ny\nz", "\n", "\n\n\n", "<<&>>"}) {
    CAPTURE(plain);
    const std::string html = paragraphs_html(plain);
    CHECK(atip::text::is_paragraphs_html(plain, html));
    for (std::size_t cut = 0; cut < html.size(); ++cut) {
      CHECK_FALSE(atip::text::is_paragraphs_html(plain, html.substr(0, cut)));
      std::string changed = html;
      changed[cut] = changed[cut] == 'q' ? 'r' : 'q';
      CHECK_FALSE(atip::text::is_paragraphs_html(plain, changed));
    }
    CHECK_FALSE(atip::text::is_paragraphs_html(plain, html + " "));
  }
}

TEST_CASE("store: paragraph HTML is stored once and read back byte for byte; other HTML is kept as sent") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const std::string para_html = "<p>A &amp; B &lt;c&gt;</p><p>Second<br>line</p>";
  const std::string rich_html = "<p>See <a href=\"https://a.example/r.pdf\">the report</a>.</p>";
  const std::string near_miss = "<p>A &amp; B</p>\n";
  const std::vector<EntryRecord> batch = {
      with_summary("para", "A & B <c>\n\nSecond\nline", para_html),
      with_summary("rich", "See the report.", rich_html),
      with_summary("text", "Plain text as the feed sent it.", ""),
      with_summary("near", "A & B", near_miss),
  };
  REQUIRE(c.ingest(feed, "A", batch, 100).new_documents == 4);
  CHECK(stored(path, 1) == "|1");
  CHECK(stored(path, 2) == rich_html + "|0");
  CHECK(stored(path, 3) == "|0");
  CHECK(stored(path, 4) == near_miss + "|0");
  for (std::int64_t id = 1; id <= 4; ++id) CHECK(html_read_back(c, id) == batch[id - 1].summary_html);

  // Search and export read documents through the same columns.
  Selection s;
  s.fts_query = "second";
  std::vector<std::string> found;
  c.select(s, [&](const Document& d) { found.push_back(d.summary_html); });
  CHECK(found == std::vector<std::string>{para_html});
}

TEST_CASE("store: a changed entry switches between stored and derived HTML; an import never blanks it") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {with_summary("k", "One", "<p>One</p>", "h1")}, 100);
  CHECK(stored(path, 1) == "|1");
  c.ingest(feed, "A", {with_summary("k", "One, linked", "<p>One, <a href=\"/x\">linked</a></p>", "h2")}, 200);
  CHECK(stored(path, 1) == "<p>One, <a href=\"/x\">linked</a></p>|0");
  c.ingest(feed, "A", {with_summary("k", "Two", "<p>Two</p>", "h3")}, 300);
  CHECK(stored(path, 1) == "|1");
  CHECK(html_read_back(c, 1) == "<p>Two</p>");

  // An import of the same work (its canonical URL) changes it only when the import's own
  // record changes, and then never blanks what the record leaves empty.
  const auto import = [&](const std::string& hash, const std::string& summary, const std::string& html) {
    EntryRecord r = with_summary("k", summary, html, hash);
    r.entry_key = "ris-1";
    c.ingest_unowned("import", "import: list.ris", {r}, 400);
  };
  import("i1", "", "");
  CHECK(stored(path, 1) == "|1");
  import("i2", "Two, richer", "<p>Two, <em>richer</em></p>");
  CHECK(stored(path, 1) == "<p>Two, <em>richer</em></p>|0");
  import("i3", "", "");
  CHECK(stored(path, 1) == "<p>Two, <em>richer</em></p>|0");
  import("i4", "Three", "<p>Three</p>");
  CHECK(stored(path, 1) == "|1");
  import("i5", "", "");
  CHECK(stored(path, 1) == "|1");
  CHECK(html_read_back(c, 1) == "<p>Three</p>");
}

TEST_CASE("migrations: level 9 stores paragraph HTML once, by the same rule as text::paragraphs_html") {
  TempDir tmp;
  const std::string path = tmp.file("catalogue.db");
  atip::testing::load_fixture(8, path);
  const std::vector<std::string> summaries = {
      "plain", "a & b < c > d", "one\n\ntwo", "one\ntwo", "one\n\n\ntwo", "\n\nlead", "trail\n",
      "tab\there | pipe", "amp &amp; already", "unicode: São Paulo, trata, traite", "crlf\r\nline",
  };
  std::vector<bool> derivable;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    SQLite::Statement insert(db, "INSERT INTO document(title, summary, summary_html, first_seen, last_changed) "
                                 "VALUES ('t', ?, ?, 1, 1)");
    for (const std::string& summary : summaries) {
      // Each summary twice: with its paragraph HTML, and with HTML that differs by one byte.
      for (const std::string& html : {atip::text::paragraphs_html(summary), atip::text::paragraphs_html(summary) + " "}) {
        insert.bind(1, summary);
        insert.bind(2, html);
        insert.exec();
        insert.reset();
        derivable.push_back(html.back() != ' ');
      }
    }
  }
  const auto before = atip::testing::stored_documents(path);
  { Catalogue upgrade(path, OpenMode::ReadWrite); }
  CHECK(atip::testing::stored_documents(path) == before);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT summary_html_derived FROM document WHERE title = 't' ORDER BY id");
  std::vector<bool> derived;
  while (st.executeStep()) derived.push_back(st.getColumn(0).getInt() == 1);
  CHECK(derived == derivable);
}
