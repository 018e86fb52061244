// atip mark ID… --include|--exclude|--maybe|--new [--star|--unstar] [--note TEXT]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/screening.hpp"

namespace atip::cmd {

namespace {
struct Options {
  std::vector<std::int64_t> ids;
  bool include = false, exclude = false, maybe = false, reset = false, star = false, unstar = false;
  std::string note;
};
}  // namespace

Runner setup_mark(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  sub.add_option("ids", o->ids, "Document ids")->required()->check(whole_number(1, "POSITIVE", "a document id (a whole number from 1, as search prints it)"));
  auto* states = sub.add_option_group("state", "Screening decision (at most one)");
  states->add_flag("--include", o->include, "Include the documents in the review");
  states->add_flag("--exclude", o->exclude, "Exclude them (they stay catalogued)");
  states->add_flag("--maybe", o->maybe, "Mark them for a second look");
  states->add_flag("--new", o->reset, "Undo the decision");
  states->require_option(0, 1);
  auto* star = sub.add_option_group("star", "Star (at most one)");
  star->add_flag("--star", o->star, "Star the documents");
  star->add_flag("--unstar", o->unstar, "Remove the star");
  star->require_option(0, 1);
  sub.add_option("--note", o->note, "Set the documents' note (an empty string clears it)")->type_name("TEXT");
  return [o, &sub](app::Context& ctx) {
    app::MarkOptions m;
    m.ids = o->ids;
    if (o->include) m.state = "included";
    if (o->exclude) m.state = "excluded";
    if (o->maybe) m.state = "maybe";
    if (o->reset) m.state = "new";
    if (o->star || o->unstar) m.starred = o->star;
    if (sub.count("--note") > 0) m.note = o->note;
    app::mark(ctx, m);
    return 0;
  };
}

}  // namespace atip::cmd
