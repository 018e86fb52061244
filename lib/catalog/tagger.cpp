#include "lib/catalog/tagger.hpp"

#include <algorithm>

#include "lib/catalog/fold.hpp"
#include "lib/catalog/language.hpp"
#include "lib/catalog/tag_scores.hpp"

namespace atip::catalog {

namespace {

// A demonym is a nationality unless an institution stands next to it: "Mexican authorities",
// "la policía mexicana" tag MX; "Venezuelan women rescued in Trinidad" does not tag VE.
constexpr std::size_t kAuthorityWindow = 2;
constexpr float kLoneDemonym = 0.35f;
// A type word in the summary ("the report says") is weaker evidence than in the title.
constexpr float kTypeInSummary = 0.6f;

struct Match {
  std::uint32_t term;
  std::uint32_t begin, end;  // token range
  float weight;
};

struct Doc {
  TokenizedText text;
  std::vector<std::uint32_t> ids;      // word id per token
  std::vector<std::uint32_t> present;  // sorted distinct word ids of the document
  std::size_t summary_begin = 0;
  std::uint8_t language = 0;
};

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

bool any_present(const std::vector<std::uint32_t>& words, const Doc& doc) {
  for (auto w : words)
    if (contains(doc.present, w)) return true;
  return false;
}

Doc prepare(const Text& in, const Vocabulary& v) {
  Doc doc;
  tokenize(in.title, doc.text);
  doc.summary_begin = doc.text.tokens.size();
  tokenize(in.summary, doc.text);
  doc.ids.reserve(doc.text.tokens.size());
  for (std::size_t i = 0; i < doc.text.tokens.size(); ++i)
    doc.ids.push_back(v.word_id(doc.text.word(i)));
  doc.present = doc.ids;
  std::sort(doc.present.begin(), doc.present.end());
  doc.present.erase(std::unique(doc.present.begin(), doc.present.end()), doc.present.end());
  const auto lang = identify_language(doc.text, in.language_hint);
  for (std::size_t i = 1; i < kLanguageCodes.size(); ++i)
    if (kLanguageCodes[i] == lang) doc.language = static_cast<std::uint8_t>(i);
  return doc;
}

bool words_match(const Term& t, const Doc& doc, std::size_t at) {
  const std::size_t n = t.words.size();
  if (at + n > doc.ids.size()) return false;
  for (std::size_t k = 0; k < n; ++k) {
    if (doc.ids[at + k] != t.words[k]) return false;
    if (k > 0 && doc.text.tokens[at + k].barrier) return false;
    if (t.case_sensitive && doc.text.raw_word(at + k) != t.raw_words[k]) return false;
  }
  return !t.capitalised || doc.text.tokens[at].capital;
}

bool neighbours_allow(const Term& t, const Doc& doc, std::size_t b, std::size_t e) {
  const bool has_prev = b > 0 && !doc.text.tokens[b].barrier;
  const bool has_next = e < doc.ids.size() && !doc.text.tokens[e].barrier;
  if (!t.prev.empty() && !(has_prev && contains(t.prev, doc.ids[b - 1]))) return false;
  if (!t.next.empty() && !(has_next && contains(t.next, doc.ids[e]))) return false;
  if (has_prev && contains(t.not_prev, doc.ids[b - 1])) return false;
  if (has_next && contains(t.not_next, doc.ids[e])) return false;
  return true;
}

bool context_allows(const Term& t, const Doc& doc, std::size_t b, std::size_t e) {
  if (t.only_language && t.language != doc.language) return false;
  if (!neighbours_allow(t, doc, b, e)) return false;
  if (!t.need.empty() && !any_present(t.need, doc)) return false;
  return !any_present(t.unless, doc);
}

// English puts the adjective before its noun ("Mexican authorities"); Spanish, Portuguese and
// French after it ("autoridades mexicanas", "Polícia Federal brasileira"), so only that side
// counts: in "Belizean authorities identify Honduran victims" Honduran is not next to them.
// An unidentified language looks both ways.
bool near_authority(const Doc& doc, const Vocabulary& v, std::size_t b, std::size_t e) {
  const bool english = doc.language == 1;  // kLanguageCodes[1] == "en"
  const bool look_right = english || doc.language == 0, look_left = !english;
  const std::size_t from = look_left ? (b >= kAuthorityWindow ? b - kAuthorityWindow : 0) : e;
  const std::size_t to = look_right ? std::min(doc.ids.size(), e + kAuthorityWindow) : b;
  for (std::size_t i = from; i < to; ++i)
    if ((i < b || i >= e) && contains(v.authority, doc.ids[i])) return true;
  return false;
}

float weight_of(const Term& t, const Doc& doc, const Vocabulary& v, std::size_t b, std::size_t e) {
  float w = t.weight;
  if (t.demonym && !near_authority(doc, v, b, e)) w *= kLoneDemonym;
  if (t.family == Family::type && b >= doc.summary_begin) w *= kTypeInSummary;
  return w;
}

std::vector<Match> find_matches(const Doc& doc, const Vocabulary& v) {
  std::vector<Match> out;
  for (std::size_t i = 0; i < doc.ids.size(); ++i) {
    if (doc.ids[i] == kNoWord) continue;
    for (auto index : v.by_first_word[doc.ids[i]]) {
      const Term& t = v.terms[index];
      if (!words_match(t, doc, i)) continue;
      const std::size_t end = i + t.words.size();
      if (!context_allows(t, doc, i, end)) continue;
      out.push_back({index, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end),
                     weight_of(t, doc, v, i, end)});
    }
  }
  return out;
}

bool is_topical(Family f) { return f == Family::topic || f == Family::negative; }

// A full-weight, unconditional umbrella term survives inside a more specific phrase:
// "trata con fines de explotación sexual" is both tip_general and sex_trafficking.
bool is_strong_umbrella(const Term& t, const Vocabulary& v) {
  return t.family == Family::topic && t.value == v.umbrella_topic && t.weight >= 1.0f &&
         t.with.empty() && t.without.empty() && t.need.empty();
}

// Whether a longer match hides a shorter one inside it. Masks hide everything; topics and
// negative context hide each other ("drug trafficking" hides "trafficking", "servidumbre
// doméstica" hides "servidumbre") except a strong umbrella term; a country, area or type hides
// any value of its family ("Antigua Guatemala" hides "Antigua", "New Mexico" hides "Mexico").
bool shadows(const Match& big, const Term& b, const Match& small, const Term& s,
             const Vocabulary& v) {
  if (big.end - big.begin <= small.end - small.begin) return false;
  if (big.begin > small.begin || big.end < small.end) return false;
  if (b.family == Family::mask) return true;
  if (is_topical(b.family) && is_topical(s.family)) {
    if (b.family != s.family || b.value == s.value) return true;
    // "niños" (child_trafficking with=child_soldiers) still counts inside "niños soldados".
    if (std::find(s.with.begin(), s.with.end(), b.value) != s.with.end()) return false;
    return !is_strong_umbrella(s, v);
  }
  return b.family == s.family;
}

// Drops every match lying inside a longer match that shadows it.
void drop_shadowed(std::vector<Match>& matches, const Vocabulary& v) {
  std::vector<bool> dropped(matches.size(), false);
  for (std::size_t i = 0; i < matches.size(); ++i)
    for (std::size_t j = 0; j < matches.size() && !dropped[i]; ++j)
      dropped[i] = j != i && shadows(matches[j], v.terms[matches[j].term], matches[i],
                                     v.terms[matches[i].term], v);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < matches.size(); ++i)
    if (!dropped[i]) matches[kept++] = matches[i];
  matches.resize(kept);
}

}  // namespace

Tags tag(const Text& in, const Vocabulary& v) {
  const Doc doc = prepare(in, v);
  auto matches = find_matches(doc, v);
  drop_shadowed(matches, v);
  std::vector<TermHit> hits;
  hits.reserve(matches.size());
  for (const auto& m : matches) hits.emplace_back(m.term, m.weight);
  Tags tags = score_hits(hits, v, in.on_topic);
  tags.language = std::string(kLanguageCodes[doc.language].empty()
                                  ? std::string_view("other")
                                  : kLanguageCodes[doc.language]);
  return tags;
}

std::vector<std::string> Tags::values(Family family) const {
  std::vector<std::string> out;
  for (const auto& t : tags)
    if (t.family == family) out.push_back(t.value);
  return out;
}

}  // namespace atip::catalog
