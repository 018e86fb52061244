// Data-driven fixture suite: every file in tests/data/feeds/ (one real-world quirk per file,
// named after it) has a sibling <file>.expected.json holding the part of `to_json` output that
// matters for the quirk. Objects are matched as subsets (keys not listed are not checked);
// arrays must match element by element and in length. A failure case is written as
// {"ok": false, "error": "...", "advertised_feeds": [...]}. Optional "hints":
// {"base_url": "...", "http_charset": "..."} are passed to parse(). Adding a fixture needs no
// code: drop the two files in the folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"
#include "lib/text/utf8.hpp"
#include "tests/feed/feed_test_util.hpp"

namespace fs = std::filesystem;
using atip::feed::testing::read_file;
using atip::feed::testing::source_path;
using nlohmann::json;

namespace {

constexpr std::string_view kExpectedSuffix = ".expected.json";

void match(const json& want, const json& got, const std::string& path,
           std::vector<std::string>& errors) {
  if (want.is_object()) {
    if (!got.is_object()) {
      errors.push_back(path + ": expected an object, got " + got.dump());
      return;
    }
    for (const auto& [key, value] : want.items()) {
      if (!got.contains(key)) {
        if (!value.is_null()) errors.push_back(path + "." + key + ": missing");
        continue;
      }
      match(value, got.at(key), path + "." + key, errors);
    }
  } else if (want.is_array()) {
    if (!got.is_array() || got.size() != want.size()) {
      errors.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
      return;
    }
    for (std::size_t i = 0; i < want.size(); ++i)
      match(want[i], got[i], path + "[" + std::to_string(i) + "]", errors);
  } else if (want != got) {
    errors.push_back(path + ": expected " + want.dump() + ", got " + got.dump());
  }
}

json actual_json(const atip::feed::ParseResult& r) {
  if (!r.ok) return {{"ok", false}, {"error", r.error}, {"advertised_feeds", r.advertised_feeds}};
  json j = json::parse(atip::feed::to_json(r.feed));
  j["ok"] = true;
  return j;
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  const fs::path dir = source_path("tests/data/feeds");
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.ends_with(kExpectedSuffix) && name != "README.md")
      out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("feed::parse fixtures: every quirk file gives its expected JSON") {
  const auto files = fixtures();
  CHECK(files.size() >= 200);  // issue 3, requirement 10
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    CAPTURE(name);
    const std::string expected_text = read_file(file.string() + std::string(kExpectedSuffix));
    REQUIRE_MESSAGE(!expected_text.empty(), "missing " << name << kExpectedSuffix);
    const json want = json::parse(expected_text);
    atip::feed::Hints hints;
    if (want.contains("hints")) {
      hints.base_url = want["hints"].value("base_url", "");
      hints.http_charset = want["hints"].value("http_charset", "");
    }
    json want_checked = want;
    want_checked.erase("hints");
    const atip::feed::ParseResult r = atip::feed::parse(read_file(file.string()), hints);
    const json got = actual_json(r);
    std::vector<std::string> errors;
    match(want_checked, got, "$", errors);
    std::string report;
    for (const auto& e : errors) report += "\n  " + e;
    CHECK_MESSAGE(errors.empty(), name << ":" << report);
  }
}

TEST_CASE("feed::parse fixtures: output is valid UTF-8 JSON for every fixture") {
  for (const fs::path& file : fixtures()) {
    CAPTURE(file.filename().string());
    const atip::feed::ParseResult r = atip::feed::parse(read_file(file.string()));
    if (!r.ok) continue;
    const std::string out = atip::feed::to_json(r.feed);
    CHECK(atip::text::is_valid_utf8(out));
    CHECK(json::accept(out));
  }
}
