// lib/app/config: reading config.toml and the environment, with a fake environment.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "lib/app/config.hpp"
#include "lib/util/error.hpp"
#include "tests/common/temp_dir.hpp"

namespace {

using atip::app::Config;
using atip::app::SettingSource;
using atip::testing::TempDir;

atip::app::EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

std::string error_of(const std::string& text) {
  try {
    atip::app::parse_config_text(text, "c.toml");
  } catch (const atip::Error& e) {
    CHECK(e.exit_code() == atip::kExitUsage);
    return e.what();
  }
  return "";
}

TEST_CASE("config: the file's path follows --config, ATIP_CONFIG, XDG_CONFIG_HOME, HOME") {
  using atip::app::config_file_path;
  CHECK(config_file_path("x.toml", fake_env({{"ATIP_CONFIG", "/e.toml"}})) == "x.toml");
  CHECK(config_file_path("", fake_env({{"ATIP_CONFIG", "/e.toml"}, {"HOME", "/h"}})) == "/e.toml");
  CHECK(config_file_path("", fake_env({{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}})) == "/x/atip/config.toml");
  // A relative XDG_CONFIG_HOME is invalid and ignored.
  CHECK(config_file_path("", fake_env({{"XDG_CONFIG_HOME", "rel"}, {"HOME", "/h"}})) == "/h/.config/atip/config.toml");
  CHECK(config_file_path("", fake_env({})) == "");
}

TEST_CASE("config: values, tables, dotted keys and their lines") {
  const auto values = atip::app::parse_config_text(
      "# c\ncatalogue = \"/a.db\"\nrelevance-threshold = 0.25\n[fetch]\njobs = 4\n\n[digest]\nlang = \"es\"\n",
      "c.toml");
  REQUIRE(values.size() == 4);
  std::map<std::string, std::pair<std::string, int>> by_key;
  for (const auto& v : values) by_key[v.key] = {v.value, v.line};
  CHECK(by_key["catalogue"] == std::pair<std::string, int>{"/a.db", 2});
  CHECK(by_key["relevance-threshold"] == std::pair<std::string, int>{"0.25", 3});
  CHECK(by_key["fetch.jobs"] == std::pair<std::string, int>{"4", 5});
  CHECK(by_key["digest.lang"] == std::pair<std::string, int>{"es", 8});
  const auto dotted = atip::app::parse_config_text("fetch.timeout = 9\n", "c.toml");
  REQUIRE(dotted.size() == 1);
  CHECK(dotted[0].key == "fetch.timeout");
  // A whole number is a number too.
  CHECK(atip::app::parse_config_text("relevance-threshold = 1\n", "c.toml")[0].value == "1");
}

TEST_CASE("config: every mistake names the file and line") {
  CHECK(error_of("[fetch\njobs = 1\n").rfind("c.toml:1: ", 0) == 0);
  CHECK(error_of("a = 1\n\n[fetch]\njobs = = 2\n").rfind("c.toml:", 0) == 0);
  CHECK(error_of("\n\nfetch.jbos = 3\n").find("c.toml:3: unknown setting 'fetch.jbos'") == 0);
  CHECK(error_of("[fetch]\njobs = 3.5\n") == "c.toml:2: 'fetch.jobs' must be a whole number");
  CHECK(error_of("[fetch]\nuser-agent = 7\n") == "c.toml:2: 'fetch.user-agent' must be a string in quotes");
  CHECK(error_of("catalogue = \"\"\n") == "c.toml:1: 'catalogue' is empty");
  CHECK(error_of("[fetch.more]\nx = 1\n").find("unknown table [fetch.more]") != std::string::npos);
  CHECK(error_of("[net]\nx = 1\n").find("unknown setting 'net.x'") != std::string::npos);
  CHECK(error_of("jobs = [1, 2]\n").find("unknown setting 'jobs'") != std::string::npos);
}

TEST_CASE("config: environment over file over default, and where each came from") {
  TempDir tmp;
  const std::string path = tmp.write("c.toml", "catalogue = \"~/x.db\"\n[fetch]\njobs = 4\ntimeout = 9\n");
  Config c = atip::app::load_config(path, fake_env({{"HOME", "/h"}, {"ATIP_TIMEOUT", "99"}}));
  CHECK(c.file_found);
  CHECK(c.path_source == SettingSource::CommandLine);
  CHECK(c.at("catalogue").value == "/h/x.db");
  CHECK(c.at("catalogue").origin == path + ":1");
  CHECK(c.at("fetch.jobs").value == "4");
  CHECK(c.at("fetch.jobs").source == SettingSource::File);
  CHECK(c.at("fetch.timeout").value == "99");
  CHECK(c.at("fetch.timeout").source == SettingSource::Environment);
  CHECK(c.at("fetch.timeout").origin == "ATIP_TIMEOUT");
  CHECK(c.at("fetch.connect-timeout").source == SettingSource::Default);

  // No file at the default place: only the environment and the defaults.
  c = atip::app::load_config("", fake_env({{"HOME", tmp.path().string()}, {"XDG_DATA_HOME", "/d"}}));
  CHECK_FALSE(c.file_found);
  CHECK(c.at("catalogue").value == "/d/atip/catalogue.db");
  // A named file must exist, unless atip init is about to write it.
  CHECK_THROWS_AS(atip::app::load_config(tmp.file("none.toml"), fake_env({})), atip::Error);
  CHECK_NOTHROW(atip::app::load_config(tmp.file("none.toml"), fake_env({}), false));
  CHECK_THROWS_AS(atip::app::load_config(tmp.path().string(), fake_env({})), atip::Error);  // a folder
}

TEST_CASE("config: the commented file parses, and each line uncommented is a valid setting") {
  std::vector<std::pair<std::string, std::string>> defaults;
  using Kind = atip::app::SettingSpec::Kind;
  for (const auto& s : atip::app::setting_specs())
    defaults.emplace_back(s.key, s.kind == Kind::Integer ? "32" : s.kind == Kind::Number ? "0.5" : "text");
  for (auto& [k, v] : defaults)
    if (k == "fetch.user-agent") v = "atip/1 (+\"quoted\" \\ slash)";
    else if (k == "digest.lang") v = "";  // unset by default: the file shows an example
  const std::string text = atip::app::commented_config(defaults);
  CHECK(atip::app::parse_config_text(text, "c.toml").empty());
  // Uncomment every "# key = value" line: all settings, all valid.
  std::string uncommented;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos && line.find('(') == std::string::npos)
      line = line.substr(2);
    else if (line.rfind("# user-agent", 0) == 0)
      line = line.substr(2);
    uncommented += line + "\n";
  }
  const auto values = atip::app::parse_config_text(uncommented, "c.toml");
  CHECK(values.size() == atip::app::setting_specs().size());
  for (const auto& v : values)
    if (v.key == "fetch.user-agent") CHECK(v.value == "atip/1 (+\"quoted\" \\ slash)");
}

TEST_CASE("config: writing the file never replaces one") {
  TempDir tmp;
  const std::string path = tmp.file("deep/er/config.toml");
  CHECK(atip::app::write_config_if_missing(path, "a = 1\n"));
  CHECK_FALSE(atip::app::write_config_if_missing(path, "b = 2\n"));
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "a = 1\n");
}

}  // namespace
