// atip parse FILE|URL|- [--format json|text]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/parse.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::string file;
  std::string format = "json";
};
}  // namespace

Runner setup_parse(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, "Feed file, http(s) URL, or - for standard input")->required();
  sub.add_option("--format", o->format, "json (the conformance shape) or text")
      ->check(CLI::IsMember({"json", "text"}))
      ->default_val("json");
  return [o](app::Context& ctx) {
    app::parse_source(ctx, o->file, o->format == "text" ? app::ParseFormat::Text : app::ParseFormat::Json);
    return 0;
  };
}

}  // namespace atip::cmd
