#include "lib/app/doctor.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>
#include <ostream>
#include <set>

#include "lib/app/tags.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/store/backup.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/store/doctor.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/lock.hpp"

namespace atip::app {

namespace {

constexpr catalog::Family kTagged[] = {catalog::Family::topic, catalog::Family::area,
                                       catalog::Family::country, catalog::Family::type};

// Tags the current vocabulary would never give: left from an older vocabulary, or written by
// something else. Re-tagging replaces them.
void check_tags(const store::DoctorReport& report, std::vector<store::Problem>& problems) {
  const catalog::Vocabulary& v = vocabulary().vocabulary;
  std::set<std::pair<std::string, std::string>> known;
  for (catalog::Family family : kTagged)
    for (const std::string& value : v.values[static_cast<std::size_t>(family)])
      known.insert({std::string(catalog::family_name(family)), value});
  std::int64_t unknown = 0;
  std::set<std::string> examples;
  for (const auto& [tag, n] : report.tag_values) {
    if (known.count({tag.kind, tag.value})) continue;
    unknown += n;
    if (examples.size() < 3) examples.insert(tag.kind + ":" + tag.value);
  }
  if (unknown == 0) return;
  std::string list;
  for (const auto& e : examples) list += (list.empty() ? "" : ", ") + e;
  problems.push_back({"tags", fmt::format("{} tags are not in the current vocabulary (e.g. {}); re-tagging replaces them",
                                          unknown, text::terminal_safe(list)), true});
}

int print_report(Context& ctx, const store::DoctorReport& report, std::vector<store::Problem> problems) {
  std::ostream& out = ctx.out;
  fmt::print(out, "catalogue:    {}\n", text::terminal_safe(ctx.db_path));
  fmt::print(out, "schema level: {}\n", report.schema_level);
  fmt::print(out, "contents:     {} documents, {} sightings, {} tags, {} revisions, {} feeds\n", report.documents,
             report.sightings, report.tags, report.revisions, report.feeds);
  std::set<std::string> failed;
  for (const auto& p : problems) failed.insert(p.check);
  for (const auto& name : report.passed)
    if (!failed.count(name) && name != "counts") fmt::print(out, "ok       {}\n", name);
  if (!failed.count("tags") && !report.tag_values.empty()) fmt::print(out, "ok       tags\n");
  for (const auto& p : problems)
    fmt::print(out, "PROBLEM  {}: {}{}\n", p.check, text::terminal_safe(p.message), p.repairable ? " (repairable)" : "");
  for (const auto& n : report.notes) fmt::print(out, "note     {}\n", text::terminal_safe(n));
  if (problems.empty()) {
    fmt::print(out, "healthy\n");
    return kExitOk;
  }
  std::size_t repairable = 0;
  for (const auto& p : problems) repairable += p.repairable ? 1 : 0;
  fmt::print(out, "{} problem{} found", problems.size(), problems.size() == 1 ? "" : "s");
  if (repairable == problems.size())
    fmt::print(out, "; 'atip doctor --repair' can fix {}\n", problems.size() == 1 ? "it" : "them all");
  else if (repairable > 0)
    fmt::print(out, "; 'atip doctor --repair' can fix {}; for the rest restore a backup\n", repairable);
  else
    fmt::print(out, "; restore the catalogue from a backup ('atip backup' makes one)\n");
  return kExitFailure;
}

}  // namespace

int doctor(Context& ctx, const DoctorOptions& options) {
  if (options.repair || options.compact) {
    // A repair rewrites the indexes, a compaction the whole file, each in one long
    // transaction: never alongside a fetch.
    const auto lock = util::FileLock::try_acquire(ctx.db_path + ".lock");
    if (!lock)
      throw Error(fmt::format("an 'atip fetch' is running on '{}'; {} after it ends", ctx.db_path,
                              options.repair ? "repair" : "compact"), kExitCatalogue);
    if (options.repair) {
      for (const auto& line : store::repair_catalogue(ctx.db_path)) fmt::print(ctx.out, "repair:  {}\n", line);
      Context quiet = ctx;  // `retag` prints its own summary on a terminal
      quiet.out_is_terminal = false;
      fmt::print(ctx.out, "repair:  re-tagged {} documents\n", retag(quiet));
    }
    if (options.compact) {
      const store::Compaction done = store::compact_catalogue(ctx.db_path);
      if (done.upgraded) fmt::print(ctx.out, "compact: {}\n", store::describe_upgrade(*done.upgraded));
      fmt::print(ctx.out, "compact: {} -> {}\n", store::megabytes(done.bytes_before), store::megabytes(done.bytes_after));
      if (done.log_bytes_left > 0)
        fmt::print(ctx.out, "compact: another program is reading the catalogue; the write-ahead log beside it "
                            "({}) is removed by the next command that writes, such as a fetch\n",
                   store::megabytes(done.log_bytes_left));
    }
  }
  const store::DoctorReport report = store::check_catalogue(ctx.db_path);
  std::vector<store::Problem> problems = report.problems;
  if (report.schema_level > 0) check_tags(report, problems);
  return print_report(ctx, report, problems);
}

void backup(Context& ctx, const std::string& dest) {
  store::backup_catalogue(ctx.db_path, dest);
  if (ctx.out_is_terminal) fmt::print(ctx.out, "copied '{}' to '{}'\n", text::terminal_safe(ctx.db_path), text::terminal_safe(dest));
}

}  // namespace atip::app
