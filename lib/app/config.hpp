#pragma once
// The configuration: $XDG_CONFIG_HOME/atip/config.toml and ATIP_* environment variables, merged
// into one value per setting with where it came from. Precedence, highest first: the command
// line, the environment, the file, the built-in default (see atip-config(5)). This module knows
// the settings and reads the file and the environment; cmd/ applies the values to the options
// of the commands they set, so a value given on the command line always wins.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace atip::app {

struct Context;

enum class SettingSource { Default, File, Environment, CommandLine };
const char* source_name(SettingSource source);

// The command-line option a setting gives the default of: `command` is a subcommand name, or
// "" for an option of atip itself.
struct SettingTarget {
  const char* command;
  const char* option;  // long option name, with its dashes
};

struct SettingSpec {
  const char* key;       // "fetch.jobs": a table and a key of config.toml, or a top-level key
  const char* env;       // "ATIP_JOBS"
  enum class Kind { Integer, Number, String, Path } kind;
  const char* summary;   // one line, for `config show --format json` and the commented file
  std::vector<SettingTarget> targets;
  const char* example = "";  // for the commented file, when the default is "unset"
};

// Every setting atip reads, in the order of the commented file and of `config show`.
const std::vector<SettingSpec>& setting_specs();
const SettingSpec* find_setting_spec(const std::string& key);

struct Setting {
  const SettingSpec* spec = nullptr;
  std::string value;   // as text; "" for a default not known here (cmd/ fills it in)
  SettingSource source = SettingSource::Default;
  std::string origin;  // "FILE:LINE", the variable's name, or the option
};

using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// std::getenv, with an empty value counting as unset.
std::optional<std::string> process_env(const char* name);

struct Config {
  std::string path;                          // the configuration file consulted
  SettingSource path_source = SettingSource::Default;
  bool file_found = false;
  std::vector<Setting> settings;             // one per setting_specs() entry, same order

  Setting& at(const std::string& key);
  const Setting& at(const std::string& key) const;
};

// The configuration file: `cli_path` when given, else $ATIP_CONFIG, else
// $XDG_CONFIG_HOME/atip/config.toml, else ~/.config/atip/config.toml. "" when none can be formed.
std::string config_file_path(const std::string& cli_path, const EnvLookup& env = process_env);

// Reads the file (missing is fine unless it was named by --config or ATIP_CONFIG) and the
// environment. Throws atip::Error (exit 2) naming the file and line for a syntax error, an
// unknown key or a value of the wrong type, and naming the variable for a bad environment
// value. The catalogue's default is filled in from XDG_DATA_HOME/HOME.
// `named_must_exist`: a file named by --config or ATIP_CONFIG must exist (false for `atip init`,
// which writes it).
Config load_config(const std::string& cli_config_path, const EnvLookup& env = process_env,
                   bool named_must_exist = true);

// The settings' values parsed from TOML text (for load_config and tests): key -> (value, line).
struct FileValue {
  std::string key, value;
  int line = 0;
};
std::vector<FileValue> parse_config_text(const std::string& text, const std::string& path_for_messages);

// The commented config.toml that `atip init` writes: every setting commented out at its
// default, so a user uncomments what they change.
std::string commented_config(const std::vector<std::pair<std::string, std::string>>& defaults);

// Writes `text` to `path` (creating its folder) unless a file is already there. True when
// written.
bool write_config_if_missing(const std::string& path, const std::string& text);

enum class ConfigFormat { Table, Tsv, Json };
// `atip config show`: every setting's effective value and where it came from. Table: aligned,
// for people; TSV: key, value, source, origin (stable columns); JSON: an object with the file
// and the settings.
void show_config(Context& ctx, const Config& config, ConfigFormat format);

}  // namespace atip::app
