// atip init: create the catalogue and subscribe to the default feeds.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cmd/command.hpp"
#include "lib/app/feeds.hpp"

namespace atip::cmd {

Runner setup_init(CLI::App&) {
  return [](app::Context& ctx) {
    const app::InitResult r = app::init_catalogue(ctx);
    fmt::print(ctx.out, "{} {}\nsubscribed to {} default feed{} ({} already there)\n",
               r.existed ? "catalogue already at" : "created the catalogue at", ctx.db_path,
               r.import.added, r.import.added == 1 ? "" : "s", r.import.already);
    return r.import.skipped > 0 ? 1 : 0;
  };
}

}  // namespace atip::cmd
