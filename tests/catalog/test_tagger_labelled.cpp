// The labelled tagging set (tests/data/tagging/labelled.jsonl, README.md beside it): per-family
// precision, recall and F1 of the shipped vocabulary, with the floors of issue 5.
#include <doctest/doctest.h>

#include <ctime>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/catalog/tagger.hpp"

namespace {

using atip::catalog::Family;

struct Entry {
  std::string id, lang, title, summary, type;
  std::set<std::string> topics, areas, countries;
  bool relevant = false;
};

std::vector<Entry> load_labelled(const std::string& name = "labelled.jsonl") {
  std::ifstream in(std::string(ATIP_SOURCE_DIR) + "/tests/data/tagging/" + name);
  REQUIRE(in.good());
  std::vector<Entry> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    Entry e;
    e.id = j.at("id");
    e.lang = j.at("lang");
    e.title = j.at("title");
    e.summary = j.at("summary");
    e.type = j.at("type");
    e.relevant = j.at("relevant");
    for (const auto& t : j.at("topics")) e.topics.insert(t.get<std::string>());
    for (const auto& t : j.at("areas")) e.areas.insert(t.get<std::string>());
    for (const auto& t : j.at("countries")) e.countries.insert(t.get<std::string>());
    out.push_back(std::move(e));
  }
  return out;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

std::string add(Counts& c, const std::set<std::string>& expected,
                const std::vector<std::string>& got_list) {
  const std::set<std::string> got(got_list.begin(), got_list.end());
  std::string diff;
  for (const auto& g : got) {
    if (expected.count(g)) ++c.tp;
    else { ++c.fp; diff += " +" + g; }
  }
  for (const auto& e : expected)
    if (!got.count(e)) { ++c.fn; diff += " -" + e; }
  return diff;
}

std::string report(const char* name, const Counts& c) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-9s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)", name,
                c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn);
  return buf;
}

struct Scores {
  Counts topics, areas, countries, relevant, language;
  std::map<std::string, Counts> languages;
  double type_accuracy = 0;
};

std::string diff_of(const Entry& e, const atip::catalog::Tags& tags, Scores& s) {
  std::string diff;
  diff += add(s.topics, e.topics, tags.values(Family::topic));
  add(s.areas, e.areas, tags.values(Family::area));
  diff += add(s.countries, e.countries, tags.values(Family::country));
  add(s.relevant, e.relevant ? std::set<std::string>{"y"} : std::set<std::string>{},
      tags.relevant() ? std::vector<std::string>{"y"} : std::vector<std::string>{});
  for (const auto& lang : {"en", "es", "pt", "fr", "other"})
    add(s.languages[lang], e.lang == lang ? std::set<std::string>{"y"} : std::set<std::string>{},
        tags.language == lang ? std::vector<std::string>{"y"} : std::vector<std::string>{});
  if (tags.language != e.lang) diff += " lang:" + tags.language;
  return diff;
}

// Tags every entry and prints the figures; ATIP_TAGGING_VERBOSE=1 also prints each miss.
Scores evaluate(const std::vector<Entry>& entries, const std::string& name) {
  const auto vocabulary =
      atip::catalog::load_vocabulary(std::string(ATIP_SOURCE_DIR) + "/feeds/vocabulary");
  const bool verbose = std::getenv("ATIP_TAGGING_VERBOSE") != nullptr;
  Scores s;
  int type_ok = 0;
  for (const auto& e : entries) {
    const auto tags = atip::catalog::tag({e.title, e.summary, {}, false}, vocabulary);
    const std::string diff = diff_of(e, tags, s);
    type_ok += tags.type == e.type;
    if (verbose && !diff.empty()) MESSAGE(e.id << diff << "  | " << e.title);
  }
  for (const auto& [lang, c] : s.languages) {
    s.language.tp += c.tp;
    s.language.fp += c.fp;
    s.language.fn += c.fn;
    MESSAGE(name << " " << report(("lang " + lang).c_str(), c));
  }
  s.type_accuracy = double(type_ok) / double(entries.size());
  MESSAGE(name << " " << report("topics", s.topics));
  MESSAGE(name << " " << report("areas", s.areas));
  MESSAGE(name << " " << report("countries", s.countries));
  MESSAGE(name << " " << report("language", s.language));
  MESSAGE(name << " " << report("relevant", s.relevant));
  MESSAGE(name << " type accuracy " << s.type_accuracy);
  return s;
}

}  // namespace

TEST_CASE("catalog::tag: labelled set reaches F1 0.90 for topics and countries, 0.95 for language") {
  const auto entries = load_labelled();
  REQUIRE(entries.size() >= 300);
  const Scores s = evaluate(entries, "labelled");
  CHECK(s.topics.f1() >= 0.90);
  CHECK(s.countries.f1() >= 0.90);
  CHECK(s.language.f1() >= 0.95);
}

// Written after the vocabulary was tuned and never used to tune it: an estimate of how the
// tagger does on text it has not seen. Reported, not asserted.
TEST_CASE("catalog::tag: held-out set figures (reported)") {
  const auto entries = load_labelled("heldout.jsonl");
  REQUIRE(entries.size() >= 40);
  evaluate(entries, "held-out");
}

// CPU time, not wall time: the figure should not depend on what else the machine runs.
TEST_CASE("catalog::tag: throughput on the labelled set (reported, not asserted)") {
  const auto vocabulary =
      atip::catalog::load_vocabulary(std::string(ATIP_SOURCE_DIR) + "/feeds/vocabulary");
  const auto entries = load_labelled();
  constexpr int kRounds = 20;
  std::size_t tagged = 0, checksum = 0;
  const std::clock_t start = std::clock();
  for (int round = 0; round < kRounds; ++round)
    for (const auto& e : entries) {
      checksum += atip::catalog::tag({e.title, e.summary, "", false}, vocabulary).tags.size();
      ++tagged;
    }
  const double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
  MESSAGE("tagged " << tagged << " documents in " << seconds << " s of CPU: "
                    << static_cast<long>(double(tagged) / seconds) << " documents/s ("
                    << checksum << " tags)");
  CHECK(tagged == entries.size() * kRounds);
}
