#include "lib/app/upgrade_note.hpp"
#include "lib/app/import.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>

#include "lib/app/entries.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

namespace atip::app {

namespace {

importer::Format choose_format(const FileImportOptions& o, std::string_view bytes) {
  if (!o.from.empty()) {
    if (auto f = importer::parse_format(o.from)) return *f;
    throw Error(fmt::format("unknown format '{}': use bibtex, ris, csljson or csv", o.from), kExitUsage);
  }
  if (o.file != "-")
    if (auto f = importer::format_from_name(o.file)) return *f;
  if (auto f = importer::sniff_format(bytes)) return *f;
  throw Error(fmt::format("cannot tell the format of '{}'; name it with --from bibtex, ris, csljson or csv",
                          o.file == "-" ? "standard input" : o.file),
              kExitUsage);
}

std::string quoted_title(const std::string& title) { return "'" + text::truncate_chars(title, 80) + "'"; }

// One line of the report, in file order.
struct Line {
  int line = 0;
  std::string text;
};

// Screening columns of atip's own CSV (state, star, note) and a bibliography's notes go to
// works the file brings in; a work already catalogued keeps the decisions taken on it.
void apply_marks(store::Catalogue& cat, const std::vector<const importer::Record*>& records,
                 const std::vector<store::EntryOutcome>& outcomes) {
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (outcomes[i].kind != store::EntryOutcome::Kind::NewDocument) continue;
    const importer::Record& rec = *records[i];
    store::Mark mark;
    if (rec.state == "included" || rec.state == "excluded" || rec.state == "maybe") mark.state = rec.state;
    if (rec.starred) mark.starred = *rec.starred;
    if (!rec.note.empty()) mark.note = text::terminal_safe(rec.note);
    if (mark.state || mark.starred || mark.note) cat.mark({outcomes[i].document_id}, mark);
  }
}

// One line per stored record, and the counts.
void describe_outcomes(store::Catalogue& cat, const std::vector<store::EntryRecord>& entries,
                       const std::vector<const importer::Record*>& sources,
                       const std::vector<store::EntryOutcome>& outcomes, bool dry_run, FileImportReport& report,
                       std::vector<Line>& lines) {
  // Works this run adds, by id: in a dry run they are not in the catalogue to be named.
  std::map<std::int64_t, int> added_by;
  const char* would = dry_run ? "would " : "";
  for (std::size_t i = 0; i < outcomes.size() && i < entries.size(); ++i) {
    const store::EntryOutcome& out = outcomes[i];
    const int line = sources[i]->line;
    const std::string title = quoted_title(entries[i].title);
    // Naming the existing work costs a read per record; only a dry run prints these lines.
    auto existing = [&] {
      if (!dry_run) return std::string();
      if (const auto it = added_by.find(out.document_id); it != added_by.end())
        return fmt::format("document {} (line {})", out.document_id, it->second);
      const auto doc = cat.document(out.document_id);
      return fmt::format("document {} {}", out.document_id, doc ? quoted_title(doc->title) : title);
    };
    switch (out.kind) {
      case store::EntryOutcome::Kind::NewDocument:
        ++report.added;
        added_by.emplace(out.document_id, line);
        lines.push_back({line, fmt::format("{}add {} as document {}", would, title, out.document_id)});
        break;
      case store::EntryOutcome::Kind::NewSighting:
        ++report.merged;
        lines.push_back({line, fmt::format("{}merge into {}", would, existing())});
        break;
      case store::EntryOutcome::Kind::Updated:
        ++report.updated;
        lines.push_back({line, fmt::format("{}update {}", would, existing())});
        break;
      case store::EntryOutcome::Kind::Unchanged:
        ++report.unchanged;
        lines.push_back({line, fmt::format("unchanged: {}", existing())});
        break;
    }
  }
}

}  // namespace

FileImportReport import_file(Context& ctx, const FileImportOptions& o) {
  require_catalogue(ctx.db_path);
  const std::string bytes = util::read_file(o.file);
  const importer::Format format = choose_format(o, importer::decode(bytes).text);
  const std::string name =
      o.file == "-" ? "standard input" : text::terminal_safe(std::filesystem::path(o.file).filename().string());
  const importer::ReadResult read = importer::read(format, bytes);
  for (const std::string& note : read.notes) ctx.err << "atip: " << name << ": " << text::terminal_safe(note) << '\n';
  if (read.records.empty() && read.rejected.empty())
    fmt::print(ctx.err, "atip: {}: no records found in it as {} (--from names another format)\n", name,
               importer::format_name(format));

  FileImportReport report;
  std::vector<Line> lines;
  for (const importer::Problem& p : read.rejected) {
    ++report.rejected;
    lines.push_back({p.line, "rejected: " + text::terminal_safe(p.message)});
  }
  // The same work twice in one file (by entry key): the first stands for both.
  const catalog::Vocabulary& vocabulary = app::vocabulary().vocabulary;
  std::vector<store::EntryRecord> entries;
  std::vector<const importer::Record*> sources;
  std::map<std::string, int> first_line;
  for (const importer::Record& rec : read.records) {
    store::EntryRecord e = to_entry_record(rec, vocabulary);
    if (const auto [it, fresh] = first_line.emplace(e.entry_key, rec.line); !fresh) {
      ++report.duplicates;
      lines.push_back({rec.line, fmt::format("skipped: the same work as line {} of this file", it->second)});
      continue;
    }
    entries.push_back(std::move(e));
    sources.push_back(&rec);
  }

  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  std::vector<store::EntryOutcome> outcomes;
  try {
    outcomes = cat.ingest_unowned("import", "import: " + name, entries, ctx.clock.now(), same_work_decision(), o.dry_run);
    if (!o.dry_run) apply_marks(cat, sources, outcomes);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(fmt::format("catalogue '{}' failed during the import: {}", ctx.db_path, cat.explain_failure(e)),
                kExitCatalogue);
  }

  describe_outcomes(cat, entries, sources, outcomes, o.dry_run, report, lines);
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.line < b.line; });
  for (const Line& l : lines) {
    if (o.dry_run) fmt::print(ctx.out, "line {}: {}\n", l.line, l.text);
    else if (l.text.rfind("rejected: ", 0) == 0) fmt::print(ctx.err, "atip: {}:{}: {}\n", name, l.line, l.text);
  }
  fmt::print(ctx.out, "{}{} ({}): {} added, {} merged into works already catalogued, {} updated, {} unchanged, "
                      "{} duplicates skipped, {} rejected\n",
             o.dry_run ? "dry run, nothing stored: " : "imported ", name, importer::format_name(format), report.added,
             report.merged, report.updated, report.unchanged, report.duplicates, report.rejected);
  return report;
}

int import_exit_status(const FileImportReport& report) { return report.rejected > 0 ? kExitFailure : kExitOk; }

}  // namespace atip::app
