#include "lib/catalog/identity.hpp"

#include <algorithm>
#include <set>

#include "lib/catalog/identity_words.hpp"
#include "lib/catalog/title_key.hpp"
#include "lib/util/hash.hpp"

namespace atip::catalog {

namespace {

// A title reduced to what identifies the work it announces.
struct TitleWords {
  std::vector<std::string> significant;  // in title order, markers included
  std::vector<std::string> markers;      // numbers, months, ordinals; sorted
  std::size_t kicker = 0;  // how many of `significant` come from a kicker ("Haïti : …")
};

// Plural "s" only: "victims"/"victim", "víctimas"/"víctima". Anything bolder (Snowball)
// would also fold words that name different things.
std::string fold_plural(std::string w) {
  if (w.size() >= 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

void add_words(std::vector<std::string> words, TitleWords& t) {
  for (std::string& w : words) {
    if (std::string m = marker_of(w); !m.empty()) {
      t.significant.push_back(m);
      t.markers.push_back(std::move(m));
    } else if (!is_stopword(w)) {
      t.significant.push_back(fold_plural(std::move(w)));
    }
  }
}

// A kicker is a short rubric before the first colon: a country ("Mexico: …" on ReliefWeb), a
// topic ("Tráfico de migrantes: …"), an agency ("UNODC: …"). Syndicators add or drop it.
constexpr std::size_t kMaxKickerWords = 4;

TitleWords title_words(std::string_view title) {
  TitleWords t;
  title = strip_publisher_suffix(title);
  const std::size_t colon = title.find(':');
  if (colon != std::string_view::npos) {
    std::vector<std::string> kicker = fold_words(title.substr(0, colon));
    if (kicker.size() <= kMaxKickerWords) {
      add_words(std::move(kicker), t);
      t.kicker = t.significant.size();
      title.remove_prefix(colon + 1);
    }
  }
  add_words(fold_words(title), t);
  std::sort(t.markers.begin(), t.markers.end());
  return t;
}

// True when `longer` is `shorter` with its kicker added: one copy dropped the rubric.
bool adds_only_a_kicker(const TitleWords& shorter, const TitleWords& longer) {
  return longer.kicker > 0 && shorter.kicker == 0 &&
         longer.significant.size() == shorter.significant.size() + longer.kicker &&
         std::equal(shorter.significant.begin(), shorter.significant.end(),
                    longer.significant.begin() + static_cast<std::ptrdiff_t>(longer.kicker));
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  if (sa.empty() || sb.empty()) return 0.0;
  std::size_t shared = 0;
  for (const std::string& w : sa) shared += sb.count(w);
  return static_cast<double>(shared) / static_cast<double>(sa.size() + sb.size() - shared);
}

// True when `big` is `small` with words added before or after it, not inside: syndicators
// prefix an agency or country ("UNODC:", "Mexico:") or cut the end ("… en Medellín y…"),
// whereas a word added inside ("Jalisco y Sonora") usually tells of another event.
bool extends_at_an_end(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  if (small.size() > big.size()) return false;
  return std::equal(small.begin(), small.end(), big.begin()) ||
         std::equal(small.begin(), small.end(),
                    big.end() - static_cast<std::ptrdiff_t>(small.size()));
}

std::string primary_language(std::string_view tag) {
  std::string out;
  for (const char c : tag.substr(0, tag.find_first_of("-_")))
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool languages_differ(const Candidate& a, const Candidate& b) {
  const std::string la = primary_language(a.language), lb = primary_language(b.language);
  return !la.empty() && !lb.empty() && la != lb;
}

// What a summary's lead says beyond its own title: its significant words and its markers
// (numbers, months …). A Google News "summary" (title + publisher) thus says nothing.
struct Lead {
  std::set<std::string> words;
  std::set<std::string> markers;
};

Lead lead_of(std::string_view summary, const TitleWords& title) {
  Lead lead;
  const auto in_title = [&](const std::string& w) {
    return std::find(title.significant.begin(), title.significant.end(), w) !=
           title.significant.end();
  };
  for (std::string& w : fold_words(summary.substr(0, 600))) {
    if (std::string m = marker_of(w); !m.empty()) {
      if (!in_title(m)) lead.markers.insert(std::move(m));
    } else if (!is_stopword(w)) {
      std::string f = fold_plural(std::move(w));
      if (!in_title(f)) lead.words.insert(std::move(f));
    }
  }
  return lead;
}

bool subset(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// How far the two leads agree, in [0, 1] (share of the smaller one's words found in the
// other); nullopt when they are no evidence (fewer than five words of their own). Leads whose
// numbers or dates conflict ("session 1, 3 March" / "session 2, 17 March") give 0: a cut
// lead loses figures, it never gains other ones.
std::optional<double> lead_overlap(const Candidate& a, const TitleWords& ta, const Candidate& b,
                                   const TitleWords& tb) {
  const Lead la = lead_of(a.summary, ta), lb = lead_of(b.summary, tb);
  const std::size_t smaller = std::min(la.words.size(), lb.words.size());
  if (smaller < 5) return std::nullopt;
  if (!subset(la.markers, lb.markers) && !subset(lb.markers, la.markers)) return 0.0;
  std::size_t shared = 0;
  for (const std::string& w : la.words) shared += lb.words.count(w);
  return static_cast<double>(shared) / static_cast<double>(smaller);
}

// Syndicated copies carry the same lead paragraph, possibly cut; two statements that merely
// share a title ("Statement on World Day against Trafficking") have different ones.
constexpr double kLeadsAgree = 0.6;
constexpr double kLeadsDisagree = 0.25;

// Added words are tolerated only in long titles, where one more word ("UNODC", a section
// name) cannot turn one event into another; 0.83 admits one extra word from five upward.
constexpr double kInsertionSimilarity = 0.83;
constexpr std::size_t kMinWordsForInsertion = 5;
constexpr std::size_t kMinWordsUndated = 5;
constexpr std::size_t kMinWordsWithoutSummary = 5;
constexpr std::size_t kMinWords = 3;

std::string_view host_of(std::string_view canonical) {
  return canonical.substr(0, canonical.find('/'));
}

// One site ends its titles with one publisher name; when two pages of the same site end in
// different segments, those were subtitles ("… - Country Profiles: Central America" / "…:
// South America"), not publisher names, even if they looked like names.
bool same_site_different_endings(const Candidate& a, const Candidate& b) {
  if (a.url.empty() || host_of(a.url) != host_of(b.url)) return false;
  const auto ending = [](std::string_view title) {
    return fold_words(title.substr(strip_publisher_suffix(title).size()));
  };
  return ending(a.title) != ending(b.title);
}

// The words of a title before its first colon, when that part is a title of its own (more
// words than a kicker) and something follows it: "La trata … en la agricultura mexicana: un
// análisis de sentencias" without its subtitle.
std::optional<TitleWords> main_title(std::string_view title) {
  const std::size_t colon = title.find(':');
  if (colon == std::string_view::npos || fold_words(title.substr(colon + 1)).empty()) return std::nullopt;
  TitleWords main = title_words(title.substr(0, colon));
  if (main.significant.size() < kMinWordsForInsertion) return std::nullopt;
  return main;
}

bool drops_its_subtitle(std::string_view longer_title, const TitleWords& shorter) {
  const auto main = main_title(longer_title);
  return main && main->significant == shorter.significant;
}

bool within(const Candidate& a, const Candidate& b, std::int64_t window) {
  const std::int64_t gap = *a.published - *b.published;
  return gap <= window && -gap <= window;
}

// One copy is the other without its subtitle, and their leads agree: the subtitle's numbers
// ("…: a survey of 1,200 migrants") are no other event's.
bool subtitle_copy(const Candidate& a, const TitleWords& ta, const Candidate& b, const TitleWords& tb,
                   std::optional<double> leads) {
  const bool a_shorter = ta.significant.size() < tb.significant.size();
  return leads && *leads >= kLeadsAgree && a.published && b.published && within(a, b, kCandidateWindowSeconds) &&
         drops_its_subtitle(a_shorter ? b.title : a.title, a_shorter ? ta : tb);
}

bool same_title(const Candidate& a, const Candidate& b) {
  const TitleWords ta = title_words(a.title), tb = title_words(b.title);
  if (same_site_different_endings(a, b)) return false;
  const bool a_shorter = ta.significant.size() <= tb.significant.size();
  const auto& shorter = a_shorter ? ta : tb;
  const auto& longer = a_shorter ? tb : ta;
  if (shorter.significant.size() < kMinWords) return false;
  if (!extends_at_an_end(shorter.significant, longer.significant)) return false;
  const std::optional<double> leads = lead_overlap(a, ta, b, tb);
  if (leads && *leads < kLeadsDisagree) return false;
  if (ta.markers != tb.markers) return subtitle_copy(a, ta, b, tb, leads);
  const bool identical = shorter.significant.size() == longer.significant.size();
  const bool leads_agree = leads && *leads >= kLeadsAgree;
  if (!a.published || !b.published)
    return identical && shorter.significant.size() >= kMinWordsUndated;
  if (!within(a, b, leads_agree ? kCandidateWindowSeconds : kTitleWindowSeconds)) return false;
  const bool near = within(a, b, kTitleWindowSeconds);
  if (identical) return leads_agree || (near && shorter.significant.size() >= kMinWordsWithoutSummary);
  if (shorter.significant.size() < kMinWordsForInsertion) return false;
  if (subtitle_copy(a, ta, b, tb, leads)) return true;
  return near && (jaccard(ta.significant, tb.significant) >= kInsertionSimilarity || adds_only_a_kicker(shorter, longer));
}

// A journal title seen with and without its subtitle: the shorter title's significant words
// begin the longer one. A news story about a study rephrases the title or puts words before it
// ("Study finds …") and never does.
bool title_with_or_without_subtitle(std::string_view a, std::string_view b) {
  const std::vector<std::string> wa = title_words(a).significant, wb = title_words(b).significant;
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = &shorter == &wa ? wb : wa;
  return shorter.size() >= kMinWords && std::equal(shorter.begin(), shorter.end(), longer.begin());
}

// util::hash_hex of the words joined with single spaces, without building the joined string:
// FNV-1a reads the bytes in order, so hashing the words and the spaces one after the other
// gives the same value.
std::string joined_hash(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::uint64_t h = util::kFnvOffset;
  for (std::size_t i = from; i < to; ++i) {
    if (i != from) h = util::fnv1a64(" ", h);
    h = util::fnv1a64(words[i], h);
  }
  return util::to_hex(h);
}

}  // namespace

double title_similarity(std::string_view a, std::string_view b) {
  return jaccard(title_words(a).significant, title_words(b).significant);
}

bool same_work(const Candidate& a, const Candidate& b) {
  if (!a.url.empty() && a.url == b.url) return true;
  if (!a.doi.empty() && !b.doi.empty()) {
    if (!a.doi_from_text && !b.doi_from_text) return a.doi == b.doi;
    // A DOI cited in a summary: "Study finds …" (news) and the study share it, not a title.
    if (a.doi == b.doi && !languages_differ(a, b) &&
        title_with_or_without_subtitle(a.title, b.title))
      return true;
  }
  if (languages_differ(a, b)) return false;
  return same_title(a, b);
}

std::vector<std::string> candidate_keys(std::string_view title) {
  const TitleWords t = title_words(title);
  const std::vector<std::string>& w = t.significant;
  if (w.size() < kMinWords) return {};
  std::vector<std::string> keys = {joined_hash(w, 0, w.size())};
  if (w.size() > kMinWordsForInsertion) {
    keys.push_back(joined_hash(w, 1, w.size()));
    keys.push_back(joined_hash(w, 0, w.size() - 1));
  }
  if (t.kicker > 1 && w.size() - t.kicker >= kMinWordsForInsertion)
    keys.push_back(joined_hash(w, t.kicker, w.size()));
  // The title without its subtitle, which another copy may be (see drops_its_subtitle).
  if (const auto main = main_title(title); main && main->significant.size() < w.size()) {
    std::string key = joined_hash(main->significant, 0, main->significant.size());
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  return keys;
}

}  // namespace atip::catalog
