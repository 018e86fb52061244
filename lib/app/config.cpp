#include "lib/app/config.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "lib/util/error.hpp"

namespace atip::app {

namespace fs = std::filesystem;
using Kind = SettingSpec::Kind;

const char* source_name(SettingSource source) {
  switch (source) {
    case SettingSource::Default: return "default";
    case SettingSource::File: return "file";
    case SettingSource::Environment: return "env";
    case SettingSource::CommandLine: return "command line";
  }
  return "default";
}

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> specs = {
      {"catalogue", "ATIP_DB", Kind::Path, "The catalogue file", {{"", "--db"}}},
      {"relevance-threshold", "ATIP_RELEVANCE_THRESHOLD", Kind::Number,
       "Lowest relevance score (0 to 1) that search, export and stats show without --all",
       {{"search", "--min-relevance"}, {"export", "--min-relevance"}, {"stats", "--min-relevance"}}},
      {"fetch.jobs", "ATIP_JOBS", Kind::Integer, "Transfers in flight at once", {{"fetch", "--jobs"}}},
      {"fetch.connect-timeout", "ATIP_CONNECT_TIMEOUT", Kind::Integer, "Seconds allowed to connect",
       {{"fetch", "--connect-timeout"}}},
      {"fetch.timeout", "ATIP_TIMEOUT", Kind::Integer, "Seconds allowed for a whole transfer",
       {{"fetch", "--timeout"}}},
      {"fetch.low-speed-time", "ATIP_LOW_SPEED_TIME", Kind::Integer,
       "Abandon a transfer slower than 100 bytes/s for this many seconds", {{"fetch", "--low-speed-time"}}},
      {"fetch.max-size", "ATIP_MAX_SIZE", Kind::Integer, "Largest feed accepted, in bytes after decompression",
       {{"fetch", "--max-size"}}},
      {"fetch.user-agent", "ATIP_USER_AGENT", Kind::String, "User-Agent header sent with every request",
       {{"fetch", "--user-agent"}}},
      {"fetch.failure-threshold", "ATIP_FAILURE_THRESHOLD", Kind::Integer,
       "Report a failing feed again after this many failures in a row", {{"fetch", "--failure-threshold"}}},
      {"digest.format", "ATIP_DIGEST_FORMAT", Kind::String, "Format export writes", {{"export", "--format"}}},
      {"digest.group-by", "ATIP_DIGEST_GROUP_BY", Kind::String, "What a digest's sections are",
       {{"export", "--group-by"}}},
      {"digest.lang", "ATIP_DIGEST_LANG", Kind::String,
       "Language of a digest's headings: en, es, pt or fr (unset: the one --lang value, else en)",
       {{"export", "--digest-lang"}}, "es"},
  };
  return specs;
}

const SettingSpec* find_setting_spec(const std::string& key) {
  for (const auto& s : setting_specs())
    if (key == s.key) return &s;
  return nullptr;
}

Setting& Config::at(const std::string& key) {
  for (auto& s : settings)
    if (key == s.spec->key) return s;
  throw Error(fmt::format("no setting '{}'", key));
}

const Setting& Config::at(const std::string& key) const { return const_cast<Config*>(this)->at(key); }

std::optional<std::string> process_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

namespace {

// XDG Base Directory: a relative XDG_*_HOME is invalid and must be ignored.
std::string xdg_home(const EnvLookup& env, const char* variable, const char* fallback) {
  if (auto v = env(variable); v && v->front() == '/') return *v;
  if (auto home = env("HOME")) return *home + "/" + fallback;
  return "";
}

std::string expand_home(const std::string& path, const EnvLookup& env, const std::string& where) {
  if (path == "~" || path.rfind("~/", 0) == 0) {
    const auto home = env("HOME");
    if (!home) throw Error(fmt::format("{}: cannot expand '~': HOME is not set", where), kExitUsage);
    return *home + path.substr(1);
  }
  return path;
}

std::string toml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string number_text(double d) {
  std::string s = fmt::format("{}", d);
  return s;
}

void add_value(std::vector<FileValue>& out, const std::string& key, const toml::node& node,
               const std::string& path) {
  const int line = static_cast<int>(node.source().begin.line);
  const auto where = fmt::format("{}:{}", path, line);
  const SettingSpec* spec = find_setting_spec(key);
  if (!spec) {
    std::string known;
    for (const auto& s : setting_specs()) known += (known.empty() ? "" : ", ") + std::string(s.key);
    throw Error(fmt::format("{}: unknown setting '{}' (known: {})", where, key, known), kExitUsage);
  }
  std::string value;
  if (spec->kind == Kind::Integer) {
    const auto v = node.value_exact<std::int64_t>();
    if (!v) throw Error(fmt::format("{}: '{}' must be a whole number", where, key), kExitUsage);
    value = std::to_string(*v);
  } else if (spec->kind == Kind::Number) {
    if (auto i = node.value_exact<std::int64_t>()) value = std::to_string(*i);
    else if (auto d = node.value_exact<double>()) value = number_text(*d);
    else throw Error(fmt::format("{}: '{}' must be a number", where, key), kExitUsage);
  } else {
    const auto v = node.value_exact<std::string>();
    if (!v) throw Error(fmt::format("{}: '{}' must be a string in quotes", where, key), kExitUsage);
    value = *v;
    if (value.empty()) throw Error(fmt::format("{}: '{}' is empty", where, key), kExitUsage);
  }
  out.push_back({key, value, line});
}

}  // namespace

std::vector<FileValue> parse_config_text(const std::string& text, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    if (!what.empty()) what.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(what.front())));
    throw Error(fmt::format("{}:{}: {}", path, e.source().begin.line, what), kExitUsage);
  }
  std::vector<FileValue> values;
  for (const auto& [name, node] : table) {
    const std::string key(name.str());
    if (const toml::table* section = node.as_table()) {
      for (const auto& [inner, value] : *section) {
        if (value.is_table())
          throw Error(fmt::format("{}:{}: unknown table [{}.{}]", path, value.source().begin.line, key,
                                  inner.str()),
                      kExitUsage);
        add_value(values, key + "." + std::string(inner.str()), value, path);
      }
    } else {
      add_value(values, key, node, path);
    }
  }
  return values;
}

std::string config_file_path(const std::string& cli_path, const EnvLookup& env) {
  if (!cli_path.empty()) return cli_path;
  if (auto v = env("ATIP_CONFIG")) return *v;
  const std::string base = xdg_home(env, "XDG_CONFIG_HOME", ".config");
  return base.empty() ? "" : base + "/atip/config.toml";
}

Config load_config(const std::string& cli_config_path, const EnvLookup& env, bool named_must_exist) {
  Config config;
  config.path = config_file_path(cli_config_path, env);
  config.path_source = !cli_config_path.empty() ? SettingSource::CommandLine
                     : env("ATIP_CONFIG")       ? SettingSource::Environment
                                                : SettingSource::Default;
  for (const auto& spec : setting_specs()) config.settings.push_back({&spec, "", SettingSource::Default, ""});
  if (std::string data = xdg_home(env, "XDG_DATA_HOME", ".local/share"); !data.empty())
    config.at("catalogue").value = data + "/atip/catalogue.db";

  if (!config.path.empty()) {
    std::error_code ec;
    const bool exists = fs::exists(config.path, ec);
    if (fs::is_directory(config.path, ec))
      throw Error(fmt::format("configuration file '{}' is a directory", config.path), kExitUsage);
    if (!exists && named_must_exist && config.path_source != SettingSource::Default)
      throw Error(fmt::format("no configuration file '{}' (named by {})", config.path,
                              config.path_source == SettingSource::CommandLine ? "--config" : "ATIP_CONFIG"),
                  kExitUsage);
    if (exists) {
      std::ifstream in(config.path, std::ios::binary);
      if (!in) throw Error(fmt::format("cannot read configuration file '{}'", config.path), kExitUsage);
      std::ostringstream text;
      text << in.rdbuf();
      config.file_found = true;
      for (const FileValue& v : parse_config_text(text.str(), config.path)) {
        Setting& s = config.at(v.key);
        s.origin = fmt::format("{}:{}", config.path, v.line);
        s.value = s.spec->kind == Kind::Path ? expand_home(v.value, env, s.origin) : v.value;
        s.source = SettingSource::File;
      }
    }
  }
  for (Setting& s : config.settings) {
    if (auto v = env(s.spec->env)) {
      s.value = s.spec->kind == Kind::Path ? expand_home(*v, env, s.spec->env) : *v;
      s.source = SettingSource::Environment;
      s.origin = s.spec->env;
    }
  }
  return config;
}

std::string commented_config(const std::vector<std::pair<std::string, std::string>>& defaults) {
  auto default_of = [&](const std::string& key) -> std::string {
    for (const auto& [k, v] : defaults)
      if (k == key) return v;
    return "";
  };
  std::string out =
      "# atip configuration (see atip-config(5)).\n"
      "# Every setting is commented out at its default: remove the '#' to change one.\n"
      "# A command-line option overrides the environment variable named on each line, which\n"
      "# overrides this file. 'atip config show' prints what is in force and where it came from.\n";
  std::string table;
  for (const auto& spec : setting_specs()) {
    const std::string key = spec.key;
    const auto dot = key.find('.');
    const std::string section = dot == std::string::npos ? "" : key.substr(0, dot);
    if (section != table) {
      out += fmt::format("\n[{}]\n", section);
      table = section;
    } else {
      out += "\n";
    }
    const std::string value = default_of(key);
    const bool quoted = spec.kind == Kind::String || spec.kind == Kind::Path;
    out += fmt::format("# {} (environment: {})\n", spec.summary, spec.env);
    if (value.empty())
      out += fmt::format("# {} = {}\n", key.substr(dot == std::string::npos ? 0 : dot + 1),
                         toml_quoted(spec.example));
    else
      out += fmt::format("# {} = {}\n", key.substr(dot == std::string::npos ? 0 : dot + 1),
                         quoted ? toml_quoted(value) : value);
  }
  return out;
}

bool write_config_if_missing(const std::string& path, const std::string& text) {
  std::error_code ec;
  if (fs::exists(path, ec)) return false;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) throw Error(fmt::format("cannot create folder '{}': {}", parent.string(), ec.message()));
  }
  // O_EXCL semantics: never replace a file that appeared meanwhile.
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (!f) {
    if (fs::exists(path, ec)) return false;
    throw Error(fmt::format("cannot write configuration file '{}'", path));
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) throw Error(fmt::format("cannot write configuration file '{}'", path));
  return true;
}

}  // namespace atip::app
