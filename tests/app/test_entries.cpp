#include <doctest/doctest.h>

#include "lib/app/entries.hpp"
#include "lib/app/fetch.hpp"
#include "lib/app/vocabulary.hpp"

using namespace atip;

TEST_CASE("app::to_record: HTML becomes plain text for search, the HTML is kept for export") {
  feed::Feed f;
  f.language = "es-CL";
  feed::Entry e;
  e.key = "guid-1";
  e.content_hash = "abc";
  e.title = "Trata de <b>personas</b>";
  e.title_type = feed::TextType::Html;
  e.summary = "<p>Primera línea.</p><p>Segunda&nbsp;línea.</p>";
  e.summary_type = feed::TextType::Html;
  e.link = "https://www.fiscaliadechile.cl/noticia?id=1&utm_source=rss";
  e.published.time = 1'793'000'000;
  e.authors = {{"Ana Pérez", "", ""}, {"", "prensa@example.cl", ""}};
  const auto r = app::to_record(e, f, app::vocabulary().vocabulary);
  CHECK(r.entry_key == "guid-1");
  CHECK(r.relevance >= 0.5);
  bool trafficking = false;
  for (const auto& t : r.tags) trafficking |= t.kind == "topic" && t.value == "tip_general";
  CHECK(trafficking);
  CHECK(r.title == "Trata de personas");
  CHECK(r.summary.find("Primera línea.") != std::string::npos);
  CHECK(r.summary.find('<') == std::string::npos);
  CHECK(r.summary_html == e.summary);
  CHECK(r.canonical_url == "fiscaliadechile.cl/noticia?id=1");
  CHECK(r.link == e.link);
  CHECK(r.language == "es");
  CHECK(r.authors == "Ana Pérez; prensa@example.cl");
  CHECK(r.published == 1'793'000'000);
}

TEST_CASE("app::to_record: full content stands in for a missing summary; updated stands in for published") {
  feed::Feed f;
  feed::Entry e;
  e.title = "Plain title";
  e.content = "<div>Only content</div>";
  e.content_type = feed::TextType::Html;
  e.updated.time = 42;
  const auto r = app::to_record(e, f, app::vocabulary().vocabulary);
  CHECK(r.summary == "Only content");
  CHECK(r.published == 42);
  CHECK(r.updated == 42);
  CHECK(r.canonical_url.empty());
  CHECK(r.language == "en");  // detected from the text when the feed declares none
  CHECK(r.relevance < 0.5);
}

TEST_CASE("app::to_records: repeated guids in one feed still give every entry its own key") {
  feed::Feed f;
  for (const char* link : {"https://x.example/a", "https://x.example/b"}) {
    feed::Entry e;
    e.id = "1";
    e.key = "1";
    e.link = link;
    e.title = link;
    f.entries.push_back(e);
  }
  const auto records = app::to_records(f, app::vocabulary().vocabulary);
  REQUIRE(records.size() == 2);
  CHECK(records[0].entry_key == "link:https://x.example/a");
  CHECK(records[1].entry_key == "link:https://x.example/b");
}

TEST_CASE("app::to_record: a tag: URI standing in for a link identifies nothing across feeds") {
  feed::Feed f;
  feed::Entry e;
  e.link = "tag:example.org,2026:entry-1";
  e.title = "x";
  CHECK(app::to_record(e, f, app::vocabulary().vocabulary).canonical_url.empty());
}

TEST_CASE("app::charset_of: the charset parameter of a Content-Type, lower-cased and unquoted") {
  CHECK(app::charset_of("application/rss+xml; charset=ISO-8859-1") == "iso-8859-1");
  CHECK(app::charset_of("text/xml;charset=\"UTF-8\"; foo=bar") == "utf-8");
  CHECK(app::charset_of("application/atom+xml").empty());
}
