#include <doctest/doctest.h>

#include "lib/catalog/doi.hpp"

using atip::catalog::find_doi;

TEST_CASE("catalog::find_doi: resolver links, doi: and info:doi prefixes give the bare DOI") {
  CHECK(find_doi("https://doi.org/10.1080/23322705.2026.2345671") ==
        "10.1080/23322705.2026.2345671");
  CHECK(find_doi("http://dx.doi.org/10.1177/01979183261234567") == "10.1177/01979183261234567");
  CHECK(find_doi("doi:10.1111/IMIG.13401") == "10.1111/imig.13401");
  CHECK(find_doi("info:doi/10.1590/1980-85852503880007014") == "10.1590/1980-85852503880007014");
  CHECK(find_doi("10.3917/migra.204.0077") == "10.3917/migra.204.0077");
}

TEST_CASE("catalog::find_doi: publisher URLs lose their view segment, query and fragment") {
  CHECK(find_doi(
            "https://www.tandfonline.com/doi/full/10.1080/23322705.2026.2345671?src=recsys#abs") ==
        "10.1080/23322705.2026.2345671");
  CHECK(find_doi("https://onlinelibrary.wiley.com/doi/10.1111/imig.13401/abstract") ==
        "10.1111/imig.13401");
  CHECK(
      find_doi("https://www.emerald.com/insight/content/doi/10.1108/JHT-03-2026-0041/full/html") ==
      "10.1108/jht-03-2026-0041");
  CHECK(find_doi("https://doi.org/10.1080%2F23322705.2026.2345671") ==
        "10.1080/23322705.2026.2345671");
}

TEST_CASE(
    "catalog::find_doi: free text loses trailing punctuation but keeps balanced parentheses") {
  CHECK(find_doi("Published online. DOI: 10.1007/s12117-026-09541-2.") ==
        "10.1007/s12117-026-09541-2");
  CHECK(find_doi("(see https://doi.org/10.1016/S0140-6736(20)30000-1)") ==
        "10.1016/s0140-6736(20)30000-1");
  CHECK(find_doi("«10.18601/16577558.n40.05»;") == "10.18601/16577558.n40.05");
}

TEST_CASE("catalog::find_doi: text without a DOI has none") {
  CHECK_FALSE(find_doi(""));
  CHECK_FALSE(find_doi("Version 10.2 of the guidelines, 2010.1234/5"));
  CHECK_FALSE(find_doi("10.12/abc"));  // registrant codes have four digits or more
  CHECK_FALSE(find_doi("https://www.unodc.org/unodc/en/press/2026/10.html"));
  CHECK_FALSE(find_doi("10.1234/"));
}

TEST_CASE("catalog::entry_doi: link first, then identifiers, then the summary as a citation") {
  using atip::catalog::entry_doi;
  const auto from_link = entry_doi("https://doi.org/10.1086/729876", {"doi:10.1/x"}, "");
  CHECK(from_link.doi == "10.1086/729876");
  CHECK_FALSE(from_link.from_text);
  const auto from_id = entry_doi("https://journal.example/a/1", {"urn:x", "doi:10.1086/729876"},
                                 "cites 10.1016/j.worlddev.2026.106612");
  CHECK(from_id.doi == "10.1086/729876");
  CHECK_FALSE(from_id.from_text);
  const auto from_text = entry_doi("https://news.example/a", {}, "the study (doi:10.1086/729876)");
  CHECK(from_text.doi == "10.1086/729876");
  CHECK(from_text.from_text);
  CHECK(entry_doi("https://news.example/a", {}, "no identifier").doi.empty());
}
