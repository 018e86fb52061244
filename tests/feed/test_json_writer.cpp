// feed::to_json checks UTF-8 while it escapes: a Feed built by other code with a bad string
// still gives valid JSON, with U+FFFD for the bad bytes and every escape kept.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "lib/feed/json_output.hpp"
#include "lib/text/utf8.hpp"

using namespace atip::feed;

TEST_CASE("feed::to_json: invalid UTF-8 in a string is replaced, escapes are kept") {
  Feed f;
  f.title = "caf\xE9 \"quoted\"\tand\\ \x01 " + std::string(20, 'x') + " \xC3\xA1";
  Entry e;
  e.title = std::string(17, 'a') + "\xE2\x80\x9C" + "ok" + "\xE2\x80\x9D";  // valid, not ASCII
  e.summary = std::string(9, 'b') + "\xED\xA0\x80" + "\n";                   // a surrogate
  f.entries.push_back(e);
  const std::string out = to_json(f);
  CHECK(atip::text::is_valid_utf8(out));
  const auto j = nlohmann::json::parse(out);
  CHECK(j["feed"]["title"] ==
        "caf\xEF\xBF\xBD \"quoted\"\tand\\ \x01 " + std::string(20, 'x') + " \xC3\xA1");
  CHECK(j["entries"][0]["title"] == e.title);
  CHECK(j["entries"][0]["summary"] == std::string(9, 'b') + "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n");
  CHECK(out.find("\\u0001") != std::string::npos);
}
