#pragma once
// Document identity beyond the feed's own keys: when two entries from different feeds (or
// one feed, later) are the same work. Pure decisions over plain values; the store looks up
// candidates and calls these. Rules, in order (issue 5, DESIGN.md "Identity"):
//   1. same feed + entry key   -> same entry          (store; keys: identity_entry_keys.hpp)
//   2. same canonical URL      -> same work           (canonical_url.hpp)
//   3. same DOI                -> same work; two different DOIs -> different works. A DOI
//      read from free text may be a citation ("the study, doi:10.…, found"), so it merges
//      only when one title is the other with or without a subtitle, and never separates.
//   4. near-identical title within kTitleWindowSeconds, same language -> same work; within
//      kCandidateWindowSeconds, also a title with or without its subtitle, when the
//      summaries' leads agree
// A wrong merge hides a work, a missed merge shows it twice, so rule 4 is conservative:
// the titles may differ only by case, accents, punctuation, publisher suffix, function words
// and, in titles of five significant words or more, one or two words added before or after
// the rest (never inside, never substituted or reordered, and never a differing number, number
// word, ordinal, Roman numeral or month). Translations are never the same work (see
// likely_editions).
//
// How the store uses it, for an entry that matched neither rule 1 nor rule 2:
//   - DOI: keep document.doi (indexed) and whether it came from free text. The entry's DOI
//     is entry_doi(link, dc:identifier / prism:doi values, summary) (doi.hpp). Call
//     same_work() on the documents with that DOI; if none passes, go on (a document with
//     another, non-cited DOI never merges below).
//   - Title: keep candidate_keys(title) of every document in an indexed side table
//     (key, document_id), 1 to 4 rows per document. Select the documents sharing any of the
//     entry's keys (none when the entry has no keys) whose published date is within
//     kCandidateWindowSeconds of the entry's, or either date unknown; build a Candidate from each
//     (title, summary, canonical_url, published, language, doi) and call same_work(); prefer
//     the nearest in date among those that pass. A key is shared by a few documents at most,
//     so this is a handful of rows, not a scan.
//   - Otherwise a new document; then likely_editions() against documents whose URL is among
//     the entry's alternates (or vice versa) links them as editions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

inline constexpr std::int64_t kTitleWindowSeconds = 21 * 24 * 3600;
// How far apart two dates may be for rule 4 when the summaries' leads agree: a journal article
// that a scholarly index or a newsletter carries a month after the journal keeps its abstract,
// and its title or the title without its subtitle. The store looks up title candidates this
// far (kCandidateWindowSeconds), and same_work() applies the narrower window otherwise.
inline constexpr std::int64_t kCandidateWindowSeconds = 90 * 24 * 3600;

// One entry or document as identity sees it. All text UTF-8.
struct Candidate {
  std::string title;
  std::string summary;                    // plain text
  std::string url;                        // canonical_url() of the link; "" when none
  std::optional<std::int64_t> published;  // UTC seconds
  std::string language;                   // "en", "es-MX" …; "" when unknown
  std::string doi;                        // normalised (find_doi); "" when none
  bool doi_from_text = false;             // found only in the summary, which may cite another
                                          // work; false when from the link or an identifier
  std::vector<std::string> alternates;    // canonical URLs of declared translations
                                          // (hreflang alternates, dc:relation)
};

// Jaccard similarity, in [0, 1], of the sets of significant words of two titles after
// title_key (function words removed, plurals folded, numbers kept). 0 when either has none.
double title_similarity(std::string_view a, std::string_view b);

// True when `a` and `b` are the same work by rules 2–4 above. Symmetric. By title (rule 4):
// undated candidates merge only when their significant words are identical and at least five;
// titles of three or four significant words also need agreeing summaries; shorter titles never
// merge ("Comunicado de prensa"). Summaries whose own words (beyond the title) clearly differ,
// or whose numbers and dates conflict, keep even identical titles apart; so do two pages of
// one site whose titles end in different segments (subtitles, not publisher names).
bool same_work(const Candidate& a, const Candidate& b);

// True when two works in different languages are declared or evidently editions of one
// another: one lists the other among its alternates, their URLs or DOIs differ only by a
// language code ("/en/" vs "/es/", "?lang=pt", "….en" vs "….es"). Title similarity alone
// never suffices. False for the same language or an unknown one.
bool likely_editions(const Candidate& a, const Candidate& b);

// Index keys (16 hex digits each, at most four) under which a document can be found by a
// near-identical title: the first is the key of the whole normalised title, the others of the
// title without its first or last significant word or without its kicker ("Tráfico de
// migrantes: …"), so that a copy with one such part more or less still shares a key. Empty for
// titles too short to merge on (fewer than three significant words). Stable across releases
// unless the word lists change (then the side table must be rebuilt).
std::vector<std::string> candidate_keys(std::string_view title);

}  // namespace atip::catalog
