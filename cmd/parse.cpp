// atip parse FILE|URL|- [--format json|text] [--charset NAME] [--base URL]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/parse.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::string file;
  std::string format = "json";
  app::ParseHints hints;
};
}  // namespace

Runner setup_parse(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, "Feed file, http(s) URL, or - for standard input")->required();
  sub.add_option("--format", o->format, "json (the conformance shape) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->default_val("json");
  sub.add_option("--charset", o->hints.charset,
                 "Read the bytes as if served with this HTTP charset (a byte-order mark still wins)");
  sub.add_option("--base", o->hints.base_url, "Resolve relative links against this URL, as if fetched from it");
  return [o](app::Context& ctx) {
    app::parse_source(ctx, o->file, o->format == "text" ? app::ParseFormat::Text : app::ParseFormat::Json,
                       o->hints);
    return 0;
  };
}

}  // namespace atip::cmd
