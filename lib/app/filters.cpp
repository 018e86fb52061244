#include "lib/app/filters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "lib/app/expand.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/catalog/tagger.hpp"
#include "lib/query/query.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

namespace {

std::optional<util::UnixTime> date_flag(const std::string& value, const char* flag, util::UnixTime now, bool end) {
  if (value.empty()) return std::nullopt;
  auto t = parse_when(value, now, end);
  if (!t)
    throw Error(fmt::format("{} '{}' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY, or an age such "
                            "as 30d, 2w, 6m, 1y)", flag, value), kExitUsage);
  return t;
}

std::vector<std::string> lower_all(std::vector<std::string> v) {
  for (auto& s : v)
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return v;
}

std::vector<std::string> upper_all(std::vector<std::string> v) {
  for (auto& s : v)
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return v;
}

// A document's language is one the tagger tells (en, es, pt, fr, other) or, for a work added
// or imported by hand, the primary subtag of the code it was given (de). A region (pt-BR) is
// dropped, as it is when a document's language is stored; any other value ("english") would
// silently find nothing.
std::string language_filter(const std::string& value) {
  std::string code = lower_all({value.substr(0, value.find_first_of("-_"))}).front();
  const bool letters = code.size() >= 2 && code.size() <= 3 &&
                       std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (letters || code == "other") return code;
  throw Error(fmt::format("--lang '{}' is not a language code (en, es, pt, fr, other, or another ISO 639 code "
                          "such as de)", value), kExitUsage);
}

}  // namespace

std::string search_expression(const std::string& query, bool expand) {
  std::string fts;
  try {
    fts = query::to_fts5(query, expand ? vocabulary_expander(vocabulary().vocabulary) : query::Expander{});
  } catch (const query::SyntaxError& e) {
    throw Error(fmt::format("bad query '{}': {}", query, e.what()), kExitUsage);
  }
  if (fts.empty()) throw Error(fmt::format("bad query '{}': it has no word to search for", query), kExitUsage);
  return fts;
}

std::optional<util::UnixTime> parse_when(const std::string& value, util::UnixTime now, bool end) {
  if (value.size() >= 2 && std::all_of(value.begin(), value.end() - 1, [](unsigned char c) { return std::isdigit(c); })) {
    const char unit = value.back();
    const long long n = std::stoll(value.substr(0, value.size() - 1));
    const long long day = 86400;
    long long seconds = 0;
    switch (unit) {
      case 'd': seconds = n * day; break;
      case 'w': seconds = n * 7 * day; break;
      case 'm': seconds = n * 30 * day; break;   // calendar months vary; an age is approximate
      case 'y': seconds = n * 365 * day; break;
      default: return util::parse_cli_date(value, end);
    }
    if (n > 1000 * 365) return std::nullopt;
    return now - seconds;
  }
  return util::parse_cli_date(value, end);
}

namespace {

// A tag filter's value that no document has and the vocabulary does not name either is a slip
// ("ARG", "labour" for forced_labour, "AR PE" for two countries): said, where a search would
// find nothing and say nothing. The vocabulary is read only then: it takes a few milliseconds,
// as long as a whole search.
void check_tag_values(store::Catalogue& cat, const std::vector<std::string>& values, const char* flag,
                      catalog::Family family, const char* what) {
  if (values.empty()) return;
  const std::vector<std::string> known = cat.tag_values(std::string(catalog::family_name(family)));
  for (const std::string& v : values) {
    if (std::find(known.begin(), known.end(), v) != known.end()) continue;
    const auto& named = vocabulary().vocabulary.values[static_cast<std::size_t>(family)];
    if (std::find(named.begin(), named.end(), v) != named.end()) continue;
    std::vector<std::string> sorted = named;
    std::sort(sorted.begin(), sorted.end());
    std::string list;
    for (const std::string& n : sorted) list += (list.empty() ? "" : ", ") + n;
    throw Error(fmt::format("{} '{}' is not {} of the watch vocabulary ({})", flag, v, what, list), kExitUsage);
  }
}

}  // namespace

void resolve_filters(store::Catalogue& cat, const Filters& f, store::Selection& sel) {
  for (const auto& feed : f.feeds) {
    const auto row = cat.find_feed(feed);
    if (!row) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", feed));
    sel.feed_ids.push_back(row->id);
  }
  check_tag_values(cat, sel.topics, "--topic", catalog::Family::topic, "a topic");
  check_tag_values(cat, sel.areas, "--area", catalog::Family::area, "a 4P area");
  check_tag_values(cat, sel.countries, "--country", catalog::Family::country, "a country code");
  check_tag_values(cat, sel.types, "--type", catalog::Family::type, "a document type");
}

store::Selection to_selection(const Context& ctx, const Filters& f) {
  store::Selection sel;
  const util::UnixTime now = ctx.clock.now();
  if (!f.month.empty()) {
    if (f.month.size() != 7 || !util::parse_cli_date(f.month))
      throw Error(fmt::format("--month '{}' is not a month (use YYYY-MM)", f.month), kExitUsage);
    sel.since = util::parse_cli_date(f.month, false);
    sel.until = util::parse_cli_date(f.month, true);
  }
  if (auto t = date_flag(f.since, "--since", now, false)) sel.since = t;
  if (auto t = date_flag(f.until, "--until", now, true)) sel.until = t;
  // An empty range is a slip (the dates swapped, an age for a date), not a question whose
  // answer is nothing.
  if (sel.since && sel.until && *sel.since > *sel.until)
    throw Error(fmt::format("{} is after {}: no date is in between",
                            f.since.empty() ? "--month " + f.month : "--since " + f.since,
                            f.until.empty() ? "the end of --month " + f.month : "--until " + f.until),
                kExitUsage);
  if (!f.all) sel.min_relevance = f.min_relevance;
  sel.topics = lower_all(f.topics);
  sel.areas = lower_all(f.areas);
  sel.countries = upper_all(f.countries);
  sel.types = lower_all(f.types);
  for (const auto& l : f.languages) sel.languages.push_back(language_filter(l));
  sel.states = lower_all(f.states);
  for (const auto& s : sel.states)
    if (s != "new" && s != "included" && s != "excluded" && s != "maybe" && s != "starred")
      throw Error(fmt::format("--state '{}' is not a state (new, included, excluded, maybe, starred)", s), kExitUsage);
  return sel;
}

}  // namespace atip::app
