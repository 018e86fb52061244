#pragma once
// The filter flags search, export and stats share, registered the same way everywhere.
#include <CLI/CLI.hpp>

#include "lib/app/filters.hpp"

namespace atip::cmd {

inline void add_filter_options(CLI::App& sub, app::Filters& f, bool with_month) {
  sub.add_option("--since", f.since, "Works dated on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY, or 30d, 2w, 6m, 1y)")
      ->type_name("DATE");
  sub.add_option("--until", f.until, "Works dated on or before DATE (a month or year means its end)")
      ->type_name("DATE");
  if (with_month) sub.add_option("--month", f.month, "Works dated in this month")->type_name("YYYY-MM");
  sub.add_option("--feed", f.feeds, "Carried by this feed (id or URL); repeatable")->type_name("ID|URL");
  // A list is one flag per value or one flag with commas: --country AR,PE finds either.
  sub.add_option("--topic", f.topics, "Tagged with this topic; repeatable, or a list: a,b")
      ->type_name("TOPIC")
      ->delimiter(',');
  sub.add_option("--area", f.areas, "Tagged with this 4P area; repeatable, or a list")->type_name("AREA")->delimiter(',');
  sub.add_option("--country", f.countries, "Tagged with this country (ISO code); repeatable, or a list: AR,PE")
      ->type_name("CC")
      ->delimiter(',');
  sub.add_option("--type", f.types, "Of this document type; repeatable, or a list")->type_name("TYPE")->delimiter(',');
  sub.add_option("--lang", f.languages, "In this language (en, es, pt, fr, other; pt-BR counts as pt); repeatable, or a list")
      ->type_name("LANG")
      ->delimiter(',');
  sub.add_option("--state", f.states,
                 "In this screening state (new, included, excluded, maybe, starred); repeatable, or a list")
      ->type_name("STATE")
      ->delimiter(',');
  sub.add_flag("--all", f.all, "Include documents scored as not about trafficking (hidden by default)");
  sub.add_option("--min-relevance", f.min_relevance,
                 "Hide documents scored below SCORE (0 to 1) as not about trafficking, unless --all")
      ->type_name("SCORE")
      ->check(CLI::Range(0.0, 1.0))
      ->default_val(f.min_relevance);
}

}  // namespace atip::cmd
