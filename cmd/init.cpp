// atip init: create the catalogue, subscribe to the default feeds, and write a commented
// configuration file when there is none (an existing one is never touched).
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cmd/command.hpp"
#include "lib/app/config.hpp"
#include "lib/app/feeds.hpp"

namespace atip::cmd {

Runner setup_init(CLI::App& sub) {
  CLI::App* root = sub.get_parent();
  return [root](app::Context& ctx) {
    const app::InitResult r = app::init_catalogue(ctx);
    fmt::print(ctx.out, "{} {}\nsubscribed to {} default feed{} ({} already there)\n",
               r.existed ? "catalogue already at" : "created the catalogue at", ctx.db_path,
               r.import.added, r.import.added == 1 ? "" : "s", r.import.already);
    if (ctx.config && !ctx.config->path.empty()) {
      if (app::write_config_if_missing(ctx.config->path, app::commented_config(config_defaults(*root))))
        fmt::print(ctx.out, "wrote the configuration file {} (every setting commented out)\n", ctx.config->path);
      else
        fmt::print(ctx.out, "configuration file already at {} (left as it is)\n", ctx.config->path);
    }
    if (!r.existed) fmt::print(ctx.out, "next: 'atip fetch' to fetch every feed, then 'atip search WORDS'\n");
    return r.import.skipped > 0 ? 1 : 0;
  };
}

}  // namespace atip::cmd
