// The labelled identity set of issue 5 (tests/data/identity/pairs.jsonl): every pair is
// decided by the full rule chain after rule 1, exactly as the store applies it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "lib/catalog/canonical_url.hpp"
#include "lib/catalog/doi.hpp"
#include "lib/catalog/identity.hpp"

namespace {

using atip::catalog::Candidate;

// "2026-03-14T16:20:00Z" -> UTC seconds (days-from-civil, no time zone involved).
std::int64_t utc_seconds(const std::string& iso) {
  const int y0 = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)),
            d = std::stoi(iso.substr(8, 2));
  const int y = m <= 2 ? y0 - 1 : y0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  return days * 86400 + std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60 +
         std::stoi(iso.substr(17, 2));
}

// What the store knows of an entry: the canonical link, and the DOI from the link, the
// dc:identifier / prism:doi value, or the summary, in that order.
Candidate candidate(const nlohmann::json& j) {
  Candidate c;
  c.title = j.value("title", "");
  c.summary = j.value("summary", "");
  const std::string link = j.value("link", "");
  c.url = atip::catalog::canonical_url(link);
  if (j.contains("published") && j["published"].is_string())
    c.published = utc_seconds(j["published"].get<std::string>());
  c.language = j.value("language", "");
  std::vector<std::string> identifiers;
  if (j.contains("doi")) identifiers.push_back(j["doi"].get<std::string>());
  const atip::catalog::EntryDoi doi = atip::catalog::entry_doi(link, identifiers, c.summary);
  c.doi = doi.doi;
  c.doi_from_text = doi.from_text;
  return c;
}

// The store finds title candidates only through candidate_keys() (identity.hpp), so a pair
// merged by title must share a key, or the merge would never happen in a real catalogue.
bool findable(const Candidate& a, const Candidate& b) {
  if ((!a.url.empty() && a.url == b.url) || (!a.doi.empty() && a.doi == b.doi)) return true;
  const std::vector<std::string> ka = atip::catalog::candidate_keys(a.title);
  for (const std::string& k : atip::catalog::candidate_keys(b.title))
    if (std::find(ka.begin(), ka.end(), k) != ka.end()) return true;
  return false;
}

}  // namespace

TEST_CASE(
    "catalog::same_work: the labelled identity set keeps precision >= 0.99 and recall >= 0.95") {
  std::ifstream in(std::string(ATIP_SOURCE_DIR) + "/tests/data/identity/pairs.jsonl");
  REQUIRE(in.good());
  int true_pos = 0, false_pos = 0, false_neg = 0, total = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json pair = nlohmann::json::parse(line);
    const Candidate a = candidate(pair["a"]), b = candidate(pair["b"]);
    const bool decided = atip::catalog::same_work(a, b);
    CHECK_MESSAGE(atip::catalog::same_work(b, a) == decided, "asymmetric: " << a.title);
    CHECK_MESSAGE((!decided || findable(a, b)), "merged but not findable by key: " << a.title);
    const bool same = pair["same"].get<bool>();
    ++total;
    if (decided && same) ++true_pos;
    if (decided && !same) {
      ++false_pos;
      MESSAGE("wrong merge: '" << a.title << "' / '" << b.title << "' (" << pair["why"] << ")");
    }
    if (!decided && same) {
      ++false_neg;
      MESSAGE("missed merge: '" << a.title << "' / '" << b.title << "' (" << pair["why"] << ")");
    }
  }
  REQUIRE(total >= 300);
  const double precision =
      true_pos + false_pos == 0 ? 1.0 : 1.0 * true_pos / (true_pos + false_pos);
  const double recall = true_pos + false_neg == 0 ? 1.0 : 1.0 * true_pos / (true_pos + false_neg);
  MESSAGE("identity set: " << total << " pairs, precision " << precision << ", recall " << recall
                           << " (" << false_pos << " wrong merges, " << false_neg << " missed)");
  CHECK(precision >= 0.99);
  CHECK(recall >= 0.95);
}
