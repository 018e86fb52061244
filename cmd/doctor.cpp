// atip doctor [--repair] [--compact]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/doctor.hpp"

namespace atip::cmd {

Runner setup_doctor(CLI::App& sub) {
  auto o = std::make_shared<app::DoctorOptions>();
  sub.add_flag("--repair", o->repair,
               "Rebuild the indexes, the full-text index and the tags, and remove rows that point at "
               "nothing (documents are never changed), then check again");
  sub.add_flag("--compact", o->compact,
               "Rewrite the catalogue without its free pages (after --repair, when both are given), "
               "then check it");
  return [o](app::Context& ctx) { return app::doctor(ctx, *o); };
}

}  // namespace atip::cmd
