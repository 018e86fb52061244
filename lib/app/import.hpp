#pragma once
// `atip import FILE`: bibliographies (BibTeX, RIS, CSL-JSON, CSV/TSV) into the catalogue, with
// the identity rules, tagging and provenance ("import") of every other source.
#include <string>

#include "lib/app/context.hpp"
#include "lib/catalog/vocabulary.hpp"
#include "lib/import/record.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

struct FileImportOptions {
  std::string file;  // a path, or "-" for standard input
  std::string from;  // "bibtex", "ris", "csljson", "csv"; "" to tell by the name, else the content
  bool dry_run = false;
};

struct FileImportReport {
  int added = 0;       // new works
  int merged = 0;      // works already catalogued from another source: a new sighting
  int updated = 0;     // imported before, changed since
  int unchanged = 0;   // imported before, as they are
  int duplicates = 0;  // the same work twice in the file: the later ones skipped
  int rejected = 0;    // malformed records, skipped whole
};

// What the catalogue stores for one record. Identity: the entry key is the canonical URL,
// else "doi:" + the DOI, else "title:" + a hash of the title key and the year, so the same
// work keys alike from any file. Tags come from the tagger over title and summary; the file's
// own type replaces the tagger's, and its topics, areas and countries (and keywords naming
// one) are added to the tagger's. The file's language, when it names one, wins over detection.
// Dates keep the first day of a year or month (the catalogue stores a day).
store::EntryRecord to_entry_record(const importer::Record& record, const catalog::Vocabulary& vocabulary);

// Reads, checks and stores (or with dry_run only reports) one file. Prints one line per
// rejected record on ctx.err ("FILE:LINE: rejected: REASON"), with dry_run one line per record
// on ctx.out ("line 12: would add 'Title'"), then the counts. Throws atip::Error: exit 2 when
// the format cannot be told, 3 when the catalogue is missing or unusable, 1 when the file
// cannot be read.
FileImportReport import_file(Context& ctx, const FileImportOptions& options);

// 0, or 1 when some records were rejected.
int import_exit_status(const FileImportReport& report);

}  // namespace atip::app
