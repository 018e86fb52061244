#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/app/config.hpp"
#include "lib/app/context.hpp"
#include "lib/text/utf8.hpp"

namespace atip::app {

void show_config(Context& ctx, const Config& config, ConfigFormat format) {
  if (format == ConfigFormat::Json) {
    nlohmann::json settings = nlohmann::json::array();
    for (const Setting& s : config.settings)
      settings.push_back({{"key", s.spec->key},
                          {"value", s.value},
                          {"source", source_name(s.source)},
                          {"origin", s.origin},
                          {"env", s.spec->env},
                          {"summary", s.spec->summary}});
    const nlohmann::json doc = {
        {"file", {{"path", config.path}, {"found", config.file_found}, {"source", source_name(config.path_source)}}},
        {"settings", settings}};
    ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  if (format == ConfigFormat::Tsv) {
    // Stable columns for scripts: key, value, source, origin ("-" when none).
    for (const Setting& s : config.settings)
      fmt::print(ctx.out, "{}\t{}\t{}\t{}\n", s.spec->key, text::terminal_safe(s.value), source_name(s.source),
                 s.origin.empty() ? "-" : text::terminal_safe(s.origin));
    return;
  }
  fmt::print(ctx.out, "config file: {}{}\n", text::terminal_safe(config.path.empty() ? "(none: HOME is not set)" : config.path),
             config.path.empty() ? "" : (config.file_found ? "" : " (not found; 'atip init' writes one)"));
  std::size_t key_width = 0, value_width = 0;
  for (const Setting& s : config.settings) {
    key_width = std::max(key_width, std::string(s.spec->key).size());
    value_width = std::max(value_width, text::terminal_safe(s.value).size());
  }
  for (const Setting& s : config.settings) {
    std::string from = source_name(s.source);
    if (!s.origin.empty()) from += " (" + text::terminal_safe(s.origin) + ")";
    fmt::print(ctx.out, "{:<{}}  {:<{}}  {}\n", s.spec->key, key_width,
               s.value.empty() ? "-" : text::terminal_safe(s.value), value_width, from);
  }
}

}  // namespace atip::app
