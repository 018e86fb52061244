// Month, weekday and zone names for the date parser, in the folded form (lower-case ASCII, no
// accents, no dots). English, Spanish, Portuguese and French: CLDR abbreviations plus the
// variants feeds use (sept, set, juill, "mie" for miércoles written without the accent).
#include <algorithm>
#include <string_view>
#include <vector>

#include "lib/feed/dates.hpp"

namespace atip::feed::date_detail {

namespace {

struct MonthName {
  std::string_view name;
  int month;
};

constexpr MonthName kMonths[] = {
    {"jan", 1},       {"january", 1},   {"ene", 1},        {"enero", 1},      {"janeiro", 1},
    {"janv", 1},      {"janvier", 1},   {"feb", 2},        {"february", 2},   {"febrero", 2},
    {"fev", 2},       {"fevereiro", 2}, {"fevr", 2},       {"fevrier", 2},    {"mar", 3},
    {"march", 3},     {"marzo", 3},     {"marco", 3},      {"mars", 3},       {"apr", 4},
    {"april", 4},     {"abr", 4},       {"abril", 4},      {"avr", 4},        {"avril", 4},
    {"may", 5},       {"mayo", 5},      {"mai", 5},        {"maio", 5},       {"jun", 6},
    {"june", 6},      {"junio", 6},     {"junho", 6},      {"juin", 6},       {"jul", 7},
    {"july", 7},      {"julio", 7},     {"julho", 7},      {"juil", 7},       {"juill", 7},
    {"juillet", 7},   {"aug", 8},       {"august", 8},     {"ago", 8},        {"agosto", 8},
    {"aout", 8},      {"sep", 9},       {"sept", 9},       {"september", 9},  {"septiembre", 9},
    {"setiembre", 9}, {"set", 9},       {"setembro", 9},   {"septembre", 9},  {"oct", 10},
    {"october", 10},  {"octubre", 10},  {"out", 10},       {"outubro", 10},   {"octobre", 10},
    {"nov", 11},      {"november", 11}, {"noviembre", 11}, {"novembro", 11},  {"novembre", 11},
    {"dec", 12},      {"december", 12}, {"dic", 12},       {"diciembre", 12}, {"dez", 12},
    {"dezembro", 12}, {"decembre", 12}, {"sept", 9},       {"juli", 7},       {"juni", 6},
};

constexpr std::string_view kWeekdays[] = {
    "mon",      "monday",  "tue",      "tues",   "tuesday",  "wed",       "wednesday", "thu",
    "thur",     "thurs",   "thursday", "fri",    "friday",   "sat",       "saturday",  "sun",
    "sunday",   "lun",     "lunes",    "martes", "mie",      "miercoles", "jue",       "jueves",
    "vie",      "viernes", "sab",      "sabado", "dom",      "domingo",   "seg",       "segunda",
    "ter",      "terca",   "qua",      "quarta", "qui",      "quinta",    "sex",       "sexta",
    "feira",    "lundi",   "mardi",    "mer",    "mercredi", "jeu",       "jeudi",     "ven",
    "vendredi", "sam",     "samedi",   "dim",    "dimanche", "mar",       "mi",        "sa"};

struct ZoneName {
  std::string_view name;
  int minutes;
};

// RFC 822 names plus a few the region's feeds use (BRT, ART, CLT). Military letters follow
// RFC 822 literally (A = -1 h … N = +1 h), as feedparser does.
constexpr ZoneName kZones[] = {
    {"gmt", 0},    {"ut", 0},     {"utc", 0},    {"z", 0},       {"est", -300},  {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},  {"pst", -480},  {"pdt", -420},
    {"ast", -240}, {"adt", -180}, {"et", -300},  {"ct", -360},   {"mt", -420},   {"pt", -480},
    {"brt", -180}, {"art", -180}, {"clt", -240}, {"clst", -180}, {"akst", -540}, {"akdt", -480},
    {"hst", -600}, {"cet", 60},   {"cest", 120},
};

constexpr std::string_view kFillers[] = {"de", "del", "le", "the", "of", "at", "em", "en"};

}  // namespace

namespace {

struct Entry {
  std::string_view name;
  Word word;
};

// All names in one sorted table, built once: classification is a binary search, which matters
// because every date in a feed goes through here.
std::vector<Entry> build_table() {
  std::vector<Entry> t;
  for (const auto& z : kZones) t.push_back({z.name, {WordKind::Zone, 0, z.minutes}});
  for (const auto f : kFillers) t.push_back({f, {WordKind::Filler, 0, 0}});
  for (const auto d : kWeekdays) t.push_back({d, {WordKind::Weekday, 0, 0}});
  for (const auto& m : kMonths) t.push_back({m.name, {WordKind::Month, m.month, 0}});
  std::stable_sort(t.begin(), t.end(),
                   [](const Entry& a, const Entry& b) { return a.name < b.name; });
  // Merge duplicates: a weekday that is also a month ("mar") becomes MonthOrWeekday; zones and
  // fillers keep their first (higher-priority) meaning.
  std::vector<Entry> merged;
  for (const Entry& e : t) {
    if (!merged.empty() && merged.back().name == e.name) {
      Word& w = merged.back().word;
      if (w.kind == WordKind::Weekday && e.word.kind == WordKind::Month)
        w = {WordKind::MonthOrWeekday, e.word.month, 0};
      continue;
    }
    merged.push_back(e);
  }
  return merged;
}

}  // namespace

Word classify_word(std::string_view w) noexcept {
  static const std::vector<Entry> kTable = build_table();
  const auto it = std::lower_bound(kTable.begin(), kTable.end(), w,
                                   [](const Entry& e, std::string_view n) { return e.name < n; });
  if (it != kTable.end() && it->name == w) return it->word;
  if (w.size() == 1 && w[0] >= 'a' && w[0] <= 'y' && w[0] != 'j') {
    const int c = w[0];
    int hours = 0;
    if (c <= 'i')
      hours = -(c - 'a' + 1);
    else if (c <= 'm')
      hours = -(c - 'a');  // j is skipped in the military alphabet
    else
      hours = c - 'n' + 1;
    return {WordKind::Zone, 0, hours * 60};
  }
  return {};
}

}  // namespace atip::feed::date_detail
