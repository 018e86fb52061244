// atip import FILE [--from FORMAT] [--dry-run]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/import.hpp"

namespace atip::cmd {

Runner setup_import(CLI::App& sub) {
  auto o = std::make_shared<app::FileImportOptions>();
  sub.add_option("file", o->file, "BibTeX, RIS, CSL-JSON or CSV/TSV file, or - for standard input")
      ->required()
      ->type_name("FILE");
  sub.add_option("--from", o->from,
                 "The file's format: bibtex, ris, csljson or csv (default: from the file name, else the content)")
      ->check(CLI::IsMember({"bibtex", "ris", "csljson", "csv"}))
      ->type_name("FORMAT");
  sub.add_flag("-n,--dry-run", o->dry_run,
               "Store nothing; say for each record whether it would be added, merged or rejected, and why");
  return [o](app::Context& ctx) { return app::import_exit_status(app::import_file(ctx, *o)); };
}

}  // namespace atip::cmd
