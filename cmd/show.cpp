// atip show ID
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/documents.hpp"

namespace atip::cmd {

Runner setup_show(CLI::App& sub) {
  auto id = std::make_shared<std::int64_t>(0);
  sub.add_option("id", *id, "Document id (as printed by search)")->required()->check(CLI::PositiveNumber);
  return [id](app::Context& ctx) {
    app::show(ctx, *id);
    return 0;
  };
}

}  // namespace atip::cmd
