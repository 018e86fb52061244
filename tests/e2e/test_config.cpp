// Configuration through the built binary: config.toml, ATIP_* variables and options, their
// precedence, `atip config show`, the file `atip init` writes, and errors that name the line.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "lib/util/fs.hpp"
#include "tests/common/run_atip.hpp"

namespace {

using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;

struct Home {
  TempDir tmp;
  std::map<std::string, std::string> env;
  Home() {
    env = {{"HOME", tmp.path().string()}, {"XDG_CONFIG_HOME", ""}, {"XDG_DATA_HOME", ""}, {"ATIP_DB", ""},
           {"ATIP_CONFIG", ""}, {"ATIP_JOBS", ""}, {"ATIP_TIMEOUT", ""}, {"ATIP_DIGEST_FORMAT", ""},
           {"ATIP_RELEVANCE_THRESHOLD", ""}, {"NO_COLOR", ""}, {"ATIP_NOW", "2026-11-20T12:00:00Z"}};
  }
  std::string config_path() const { return tmp.file(".config/atip/config.toml"); }
  void write_config(const std::string& text) const {
    std::filesystem::create_directories(tmp.path() / ".config/atip");
    tmp.write(".config/atip/config.toml", text);
  }
  RunResult run(const std::vector<std::string>& args, std::map<std::string, std::string> extra = {}) const {
    auto e = env;
    for (auto& [k, v] : extra) e[k] = v;
    return run_atip(args, e);
  }
  nlohmann::json show(std::map<std::string, std::string> extra = {}, std::vector<std::string> pre = {}) const {
    pre.insert(pre.end(), {"config", "show", "--format", "json"});
    const RunResult r = run(pre, std::move(extra));
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

nlohmann::json setting(const nlohmann::json& doc, const std::string& key) {
  for (const auto& s : doc["settings"])
    if (s["key"] == key) return s;
  FAIL("no setting " << key);
  return {};
}

TEST_CASE("e2e config: defaults, then file, then environment, then command line") {
  Home h;
  auto doc = h.show();
  CHECK(doc["file"]["path"] == h.config_path());
  CHECK(doc["file"]["found"] == false);
  CHECK(setting(doc, "catalogue")["value"] == h.tmp.file(".local/share/atip/catalogue.db"));
  CHECK(setting(doc, "catalogue")["source"] == "default");
  CHECK(setting(doc, "fetch.jobs")["value"] == "32");
  CHECK(setting(doc, "fetch.jobs")["source"] == "default");
  CHECK(setting(doc, "fetch.user-agent")["value"].get<std::string>().rfind("atip/", 0) == 0);

  h.write_config("# mine\ncatalogue = \"~/cat/atip.db\"\n\n[fetch]\njobs = 7\ntimeout = 90\n");
  doc = h.show();
  CHECK(doc["file"]["found"] == true);
  CHECK(setting(doc, "catalogue")["value"] == h.tmp.file("cat/atip.db"));  // ~ expanded
  CHECK(setting(doc, "catalogue")["origin"] == h.config_path() + ":2");
  CHECK(setting(doc, "fetch.jobs")["value"] == "7");
  CHECK(setting(doc, "fetch.jobs")["source"] == "file");
  CHECK(setting(doc, "fetch.jobs")["origin"] == h.config_path() + ":5");
  CHECK(setting(doc, "fetch.timeout")["value"] == "90");

  doc = h.show({{"ATIP_JOBS", "9"}, {"ATIP_DB", h.tmp.file("env.db")}});
  CHECK(setting(doc, "fetch.jobs")["value"] == "9");
  CHECK(setting(doc, "fetch.jobs")["source"] == "env");
  CHECK(setting(doc, "fetch.jobs")["origin"] == "ATIP_JOBS");
  CHECK(setting(doc, "fetch.timeout")["source"] == "file");
  CHECK(setting(doc, "catalogue")["value"] == h.tmp.file("env.db"));

  doc = h.show({{"ATIP_DB", h.tmp.file("env.db")}}, {"--db", h.tmp.file("cli.db")});
  CHECK(setting(doc, "catalogue")["value"] == h.tmp.file("cli.db"));
  CHECK(setting(doc, "catalogue")["source"] == "command line");

  // TSV for scripts: key, value, source, origin.
  const RunResult r = h.run({"config", "show"});
  CHECK(r.out.find("fetch.jobs\t7\tfile\t" + h.config_path() + ":5\n") != std::string::npos);
  CHECK(r.out.find("fetch.connect-timeout\t15\tdefault\t-\n") != std::string::npos);
}

TEST_CASE("e2e config: the values reach the commands they set") {
  Home h;
  h.write_config("catalogue = \"~/elsewhere/c.db\"\n[digest]\nformat = \"json\"\n");
  RunResult r = h.run({"init"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(std::filesystem::exists(h.tmp.file("elsewhere/c.db")));  // the file's catalogue
  r = h.run({"export"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(nlohmann::json::accept(r.out));  // digest.format = json
  r = h.run({"export", "--format", "md"});  // the command line wins
  CHECK(r.status == 0);
  CHECK_FALSE(nlohmann::json::accept(r.out));

  // A value the option rejects names where it came from.
  r = h.run({"fetch"}, {{"ATIP_TIMEOUT", "0"}});
  CHECK(r.status == 2);
  CHECK(r.err.find("ATIP_TIMEOUT") != std::string::npos);
  h.write_config("[fetch]\n\njobs = 100000\n");
  r = h.run({"fetch"});
  CHECK(r.status == 2);
  CHECK(r.err.find(h.config_path() + ":3") != std::string::npos);
  CHECK(r.err.find("fetch.jobs") != std::string::npos);
  // It stops every command, as atip-config(5) says, although a command line builds only the
  // options of the command it names (cmd/main.cpp): the configured command is built too.
  for (const std::vector<std::string>& other : {std::vector<std::string>{"search", "trata"}, {"stats"},
                                                {"--db", h.tmp.file("elsewhere/c.db"), "show", "1"}}) {
    CAPTURE(other.front());
    r = h.run(other);
    CHECK(r.status == 2);
    CHECK(r.err.find(h.config_path() + ":3") != std::string::npos);
  }
  h.write_config("");
  r = h.run({"stats"}, {{"ATIP_TIMEOUT", "0"}});
  CHECK(r.status == 2);
  CHECK(r.err.find("ATIP_TIMEOUT") != std::string::npos);
}

TEST_CASE("e2e config: a bad file is an error that names the line") {
  Home h;
  struct Case {
    const char* text;
    const char* line;
    const char* says;
  } cases[] = {
      {"[fetch]\njobs = \n", ":2", ""},
      {"[fetch]\njobs = 8\njob = 4\n", ":3", "unknown setting 'fetch.job'"},
      {"colour = true\n", ":1", "unknown setting 'colour'"},
      {"[fetch]\ntimeout = \"60\"\n", ":2", "must be a whole number"},
      {"relevance-threshold = \"high\"\n", ":1", "must be a number"},
      {"[digest]\nformat = 3\n", ":2", "must be a string"},
  };
  for (const Case& c : cases) {
    h.write_config(c.text);
    const RunResult r = h.run({"config", "show"});
    CHECK_MESSAGE(r.status == 2, c.text);
    CHECK_MESSAGE(r.err.find(h.config_path() + c.line) != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find(c.says) != std::string::npos, r.err);
  }
  // --config and ATIP_CONFIG name the file, which must then exist.
  h.write_config("[fetch]\njobs = 3\n");
  const std::string other = h.tmp.write("other.toml", "[fetch]\njobs = 5\n");
  CHECK(setting(h.show({}, {"--config", other}), "fetch.jobs")["value"] == "5");
  CHECK(setting(h.show({{"ATIP_CONFIG", other}}), "fetch.jobs")["value"] == "5");
  const RunResult r = h.run({"--config", h.tmp.file("missing.toml"), "config", "show"});
  CHECK(r.status == 2);
  CHECK(r.err.find("missing.toml") != std::string::npos);
}

TEST_CASE("e2e init: writes a commented config once, and never overwrites it") {
  Home h;
  RunResult r = h.run({"init"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("wrote the configuration file " + h.config_path()) != std::string::npos);
  const std::string written = atip::util::read_file(h.config_path());
  CHECK(written.find("# jobs = 32") != std::string::npos);
  CHECK(written.find("[fetch]") != std::string::npos);
  CHECK(written.find("ATIP_JOBS") != std::string::npos);
  // Every setting is commented out: everything stays at its default.
  // Held in a variable: a range-for over h.show()["settings"] would iterate a destroyed temporary.
  const auto shown = h.show();
  for (const auto& s : shown["settings"]) CHECK_MESSAGE(s["source"] == "default", s["key"]);
  // Uncommenting a line is all it takes.
  std::string edited = written;
  edited.replace(edited.find("# jobs = 32"), 11, "jobs = 12");
  h.write_config(edited);
  CHECK(setting(h.show(), "fetch.jobs")["value"] == "12");
  r = h.run({"init"});
  CHECK(r.status == 0);
  CHECK(r.out.find("left as it is") != std::string::npos);
  CHECK(atip::util::read_file(h.config_path()) == edited);
}

TEST_CASE("e2e onboarding: no catalogue means one command to run, and none is created") {
  Home h;
  const std::string db = h.tmp.file(".local/share/atip/catalogue.db");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"fetch"}, {"search", "trata"}, {"feeds", "list"}, {"mark", "1", "--include"}, {"retag"},
           {"stats"}, {"show", "1"}, {"export"}, {"feeds", "disable", "1"}}) {
    const RunResult r = h.run(args);
    CHECK_MESSAGE(r.status == 3, args.front());
    CHECK_MESSAGE(r.err.find("run: atip init") != std::string::npos, r.err);
    CHECK_MESSAGE(!std::filesystem::exists(db), args.front());
  }
  RunResult r = h.run({});
  CHECK(r.status == 0);
  CHECK(r.out.find("No catalogue yet at " + db) != std::string::npos);
  CHECK(r.out.find("atip init") != std::string::npos);
  REQUIRE(h.run({"init"}).status == 0);
  r = h.run({});
  CHECK(r.out.find("No catalogue yet") == std::string::npos);
}

}  // namespace
