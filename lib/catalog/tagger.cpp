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

// Reused from one document to the next on each thread, so tagging allocates nothing once
// the buffers have grown to the size of a typical entry.
struct Doc {
  TokenizedText text;
  std::vector<std::uint32_t> ids;      // word id per token
  std::vector<std::uint64_t> present;  // bit set over word ids: the words of the document
  std::size_t summary_begin = 0;
  std::uint8_t language = 0;
};

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

bool has_word(const Doc& doc, std::uint32_t id) {
  return (doc.present[id / 64] >> (id % 64)) & 1u;
}

bool any_present(const std::vector<std::uint32_t>& words, const Doc& doc) {
  for (auto w : words)
    if (has_word(doc, w)) return true;
  return false;
}

void prepare(const Text& in, const Vocabulary& v, Doc& doc) {
  doc.text.folded.clear();
  doc.text.raw.clear();
  doc.text.tokens.clear();
  tokenize(in.title, doc.text);
  doc.summary_begin = doc.text.tokens.size();
  tokenize(in.summary, doc.text);
  doc.ids.clear();
  doc.ids.reserve(doc.text.tokens.size());
  doc.present.assign(v.words.size() / 64 + 1, 0);
  for (std::size_t i = 0; i < doc.text.tokens.size(); ++i) {
    const std::uint32_t id = v.word_id(doc.text.word(i));
    doc.ids.push_back(id);
    if (id != kNoWord) doc.present[id / 64] |= std::uint64_t{1} << (id % 64);
  }
  const auto lang = identify_language(doc.text, in.language_hint);
  doc.language = 0;
  for (std::size_t i = 1; i < kLanguageCodes.size(); ++i)
    if (kLanguageCodes[i] == lang) doc.language = static_cast<std::uint8_t>(i);
}

// The words of a term whose first word is at `at`; only then is the Term itself read.
bool words_match(const TermHead& h, const Vocabulary& v, const Doc& doc, std::size_t at) {
  const std::size_t n = h.count;
  if (at + n > doc.ids.size()) return false;
  for (std::size_t k = 1; k < n; ++k)
    if (doc.ids[at + k] != v.head_words[h.rest + k - 1] || doc.text.tokens[at + k].barrier)
      return false;
  if (!h.checks_spelling) return true;
  const Term& t = v.terms[h.term];
  if (t.case_sensitive)
    for (std::size_t k = 0; k < n; ++k)
      if (doc.text.raw_word(at + k) != t.raw_words[k]) return false;
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

void find_matches(const Doc& doc, const Vocabulary& v, std::vector<Match>& out) {
  out.clear();
  for (std::size_t i = 0; i < doc.ids.size(); ++i) {
    const std::uint32_t id = doc.ids[i];
    if (id == kNoWord) continue;
    for (std::uint32_t k = v.first_term[id]; k < v.first_term[id + 1]; ++k) {
      const TermHead& h = v.term_heads[k];
      if (!words_match(h, v, doc, i)) continue;
      const Term& t = v.terms[h.term];
      const std::size_t end = i + h.count;
      if (!context_allows(t, doc, i, end)) continue;
      out.push_back({h.term, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end),
                     weight_of(t, doc, v, i, end)});
    }
  }
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

// Drops every match lying inside a longer match that shadows it. Only a match of two words or
// more can be longer than another, so only those are tried as the shadowing one.
void drop_shadowed(std::vector<Match>& matches, const Vocabulary& v,
                   std::vector<std::uint32_t>& longer, std::vector<char>& dropped) {
  longer.clear();
  for (std::size_t j = 0; j < matches.size(); ++j)
    if (matches[j].end - matches[j].begin > 1) longer.push_back(static_cast<std::uint32_t>(j));
  if (longer.empty()) return;
  dropped.assign(matches.size(), 0);
  for (std::size_t i = 0; i < matches.size(); ++i)
    for (std::size_t k = 0; k < longer.size() && !dropped[i]; ++k) {
      const std::size_t j = longer[k];
      dropped[i] = j != i && shadows(matches[j], v.terms[matches[j].term], matches[i],
                                     v.terms[matches[i].term], v);
    }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < matches.size(); ++i)
    if (!dropped[i]) matches[kept++] = matches[i];
  matches.resize(kept);
}

struct Scratch {
  Doc doc;
  std::vector<Match> matches;
  std::vector<std::uint32_t> longer;
  std::vector<char> dropped;
  std::vector<TermHit> hits;
};

}  // namespace

Tags tag(const Text& in, const Vocabulary& v) {
  thread_local Scratch scratch;
  Doc& doc = scratch.doc;
  prepare(in, v, doc);
  find_matches(doc, v, scratch.matches);
  drop_shadowed(scratch.matches, v, scratch.longer, scratch.dropped);
  scratch.hits.clear();
  for (const auto& m : scratch.matches) scratch.hits.emplace_back(m.term, m.weight);
  Tags tags = score_hits(scratch.hits, v, in.on_topic);
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
