#pragma once
// DOIs: the identifier under which a journal article or report is the same work whatever
// site links it (identity rule 3 of issue 5). Pure; no network.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

// The first DOI in `text`, normalised: lower-cased (DOIs are case-insensitive), percent-
// decoded, without trailing punctuation (".", ",", ";", ":", quotes, an unbalanced ")" or
// "]") or a trailing publisher view segment ("/full", "/abstract", "/pdf", "/epdf").
// Accepts resolver links ("https://doi.org/10.1080/x", "dx.doi.org", "doi:10.…",
// "info:doi/10.…"), publisher URLs with the DOI in the path (".../doi/full/10.1177/x") and
// free text ("… DOI 10.1080/x."); the DOI proper is "10." + a registrant code of four to nine
// digits (optionally dotted) + "/" + a suffix. nullopt when there is none. Several DOIs
// in one text: the first wins (an abstract citing another article gives a wrong DOI only
// when it does not lead with its own; feeds put their own DOI in the link or identifier).
std::optional<std::string> find_doi(std::string_view text);

// An entry's own DOI, for identity.hpp's Candidate: the first DOI of its link, then of its
// identifiers (dc:identifier, prism:doi, in feed order), then of its summary. `from_text` is
// true when only the summary had one (it may cite another work). Empty `doi` when none.
struct EntryDoi {
  std::string doi;
  bool from_text = false;
};
EntryDoi entry_doi(std::string_view link, const std::vector<std::string>& identifiers,
                   std::string_view summary);

}  // namespace atip::catalog
