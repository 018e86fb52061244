#pragma once
// `atip export`: the selected documents in one of the export formats (lib/export), to
// standard output or all-or-nothing to a file.
#include <string>

#include "lib/app/context.hpp"
#include "lib/app/filters.hpp"

namespace atip::app {

struct ExportOptions {
  std::string format = "md";  // see exporter::format_names()
  std::string query;          // optional search query narrowing the selection
  Filters filters;
  std::string output;          // file; empty or "-" for ctx.out
  std::string group_by = "topic";  // digest sections: topic, country, type, feed
  // The digest's own headings: en, es, pt, fr; empty for the one language filtered on
  // (--lang es writes a Spanish digest of Spanish works), else en.
  std::string lang;
  std::string title;           // the digest's or feed's title; empty for the default in `lang`
  bool bom = false;            // CSV/TSV: start with a UTF-8 byte order mark
};

// Writes the selected documents, streaming them from the catalogue one at a time (the
// digest's counts come from aggregate queries first). To a file, the output goes to a
// temporary file beside it, renamed over it only when complete. Throws atip::Error (exit 2)
// for an unknown format, grouping or language. Returns the number of documents written.
long export_documents(Context& ctx, const ExportOptions& options);

}  // namespace atip::app
