#include "lib/app/upgrade_note.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "lib/store/doctor.hpp"

namespace atip::app {

void note_upgrade(Context& ctx, const store::Catalogue& cat) {
  const auto& u = cat.upgraded();
  if (!u) return;
  fmt::print(ctx.err, "atip: catalogue '{}' {}, to delete once it is no longer needed\n", cat.path(),
             store::describe_upgrade(*u));
  if (store::worth_compacting(u->free_bytes, u->file_bytes))
    fmt::print(ctx.err, "atip: {} of the catalogue's {} are now free pages; 'atip doctor --compact' gives them "
                        "back to the file system\n",
               store::megabytes(u->free_bytes), store::megabytes(u->file_bytes));
}

}  // namespace atip::app
