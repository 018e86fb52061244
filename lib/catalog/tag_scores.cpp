#include "lib/catalog/tag_scores.hpp"

#include <algorithm>
#include <array>

namespace atip::catalog {

namespace {

constexpr double kRepeatBonus = 0.1;
// Smuggling matters to the office but is not its mandate: a smuggling-only item scores lower.
constexpr double kSmugglingFactor = 0.6;
// Each 4P area adds a little: "trata" plus "rescate" and "condena" is squarely on-topic.
constexpr double kAreaBonus = 0.05;
// Drug, arms or wildlife trafficking in the same text lowers relevance, less so when
// unambiguous trafficking-in-persons terms are also there.
constexpr double kNegativePenalty = 0.5, kNegativePenaltyWhenStrong = 0.2;

// Best weight and number of hits per value, every family in one array (values of family f
// at start[f] .. start[f + 1]).
struct Accumulator {
  std::array<std::size_t, kFamilyCount + 1> start{};
  std::vector<float> best;
  std::vector<int> count;

  explicit Accumulator(const Vocabulary& v) {
    for (std::size_t f = 0; f < kFamilyCount; ++f) start[f + 1] = start[f] + v.values[f].size();
    best.assign(start[kFamilyCount], 0.0f);
    count.assign(start[kFamilyCount], 0);
  }
  std::size_t size(std::size_t f) const { return start[f + 1] - start[f]; }
  void add(const Term& t, float w) {
    const std::size_t i = start[static_cast<std::size_t>(t.family)] + t.value;
    best[i] = std::max(best[i], w);
    ++count[i];
  }
  double score(std::size_t f, std::size_t value) const {
    const float b = best[start[f] + value];
    if (b < kTagThreshold) return b;
    return std::min(1.0, static_cast<double>(b) + kRepeatBonus * (count[start[f] + value] - 1));
  }
};

bool has_any(const Accumulator& acc, Family family, const std::vector<int>& values) {
  for (int value : values)
    if (acc.score(static_cast<std::size_t>(family), static_cast<std::size_t>(value)) >=
        kTagThreshold)
      return true;
  return false;
}

// Terms with `with=` or `without=` depend on what the other terms found, so they are added in
// a second pass: "children" adds child_trafficking only to a story about exploitation.
Accumulator accumulate(const std::vector<TermHit>& hits, const Vocabulary& v) {
  Accumulator acc(v);
  const auto conditional = [](const Term& t) { return !t.with.empty() || !t.without.empty(); };
  bool any_conditional = false;
  for (const auto& [index, w] : hits) {
    if (!conditional(v.terms[index])) acc.add(v.terms[index], w);
    else any_conditional = true;
  }
  if (!any_conditional) return acc;
  const Accumulator base = acc;
  for (const auto& [index, w] : hits) {
    const Term& t = v.terms[index];
    if (!conditional(t)) continue;
    if (!t.with.empty() && !has_any(base, t.family, t.with)) continue;
    if (!has_any(base, t.family, t.without)) acc.add(t, w);
  }
  return acc;
}

void emit(Tags& tags, const Accumulator& acc, const Vocabulary& v, Family family) {
  const auto f = static_cast<std::size_t>(family);
  const auto first = tags.tags.size();
  for (std::size_t i = 0; i < v.values[f].size(); ++i)
    if (const double s = acc.score(f, i); s >= kTagThreshold)
      tags.tags.push_back({family, v.values[f][i], s});
  std::stable_sort(tags.tags.begin() + static_cast<std::ptrdiff_t>(first), tags.tags.end(),
                   [](const Tag& a, const Tag& b) { return a.score > b.score; });
}

double max_score(const Accumulator& acc, Family family, int except) {
  const auto f = static_cast<std::size_t>(family);
  double m = 0;
  for (std::size_t i = 0; i < acc.size(f); ++i)
    if (static_cast<int>(i) != except) m = std::max(m, acc.score(f, i));
  return m;
}

double relevance(const Tags& tags, const Accumulator& acc, const Vocabulary& v, bool on_topic) {
  const int smuggling = v.smuggling_topic;
  const double trafficking = max_score(acc, Family::topic, smuggling);
  const double smuggled =
      smuggling < 0 ? 0.0 : acc.score(static_cast<std::size_t>(Family::topic),
                                      static_cast<std::size_t>(smuggling));
  double r = std::max(trafficking, kSmugglingFactor * smuggled);
  const auto areas = static_cast<std::size_t>(std::count_if(
      tags.tags.begin(), tags.tags.end(), [](const Tag& t) { return t.family == Family::area; }));
  if (r > 0) r += kAreaBonus * static_cast<double>(std::min<std::size_t>(2, areas));
  const double negative = max_score(acc, Family::negative, -1);
  r -= negative * (trafficking >= 0.9 ? kNegativePenaltyWhenStrong : kNegativePenalty);
  if (on_topic) r = 1.0;
  return std::clamp(r, 0.0, 1.0);
}

// Even a weak type word ("publica", "reported") beats the default: measured on the labelled
// set, requiring kTagThreshold lost more than it gained.
std::string best_type(const Accumulator& acc, const Vocabulary& v) {
  const auto f = static_cast<std::size_t>(Family::type);
  std::string type = "news";
  double top = 0;
  for (std::size_t i = 0; i < v.values[f].size(); ++i)
    if (const double s = acc.score(f, i); s > top) {
      top = s;
      type = v.values[f][i];
    }
  return type;
}

}  // namespace

Tags score_hits(const std::vector<TermHit>& hits, const Vocabulary& v, bool on_topic) {
  const Accumulator acc = accumulate(hits, v);
  Tags tags;
  for (auto family : {Family::topic, Family::area, Family::country, Family::type})
    emit(tags, acc, v, family);
  tags.type = best_type(acc, v);
  tags.relevance = relevance(tags, acc, v, on_topic);
  return tags;
}

}  // namespace atip::catalog
