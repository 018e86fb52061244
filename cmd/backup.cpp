// atip backup FILE
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/doctor.hpp"

namespace atip::cmd {

Runner setup_backup(CLI::App& sub) {
  auto dest = std::make_shared<std::string>();
  sub.add_option("file", *dest, "Where to write the copy (replaced if it exists)")->required()->type_name("FILE");
  return [dest](app::Context& ctx) {
    app::backup(ctx, *dest);
    return 0;
  };
}

}  // namespace atip::cmd
