#pragma once
// The Dublin Core values of one oai_dc record, and how they become a Record (internal to
// lib/oai; parse.cpp collects, fill_record maps).
#include <string>
#include <string_view>
#include <vector>

#include "lib/oai/oai.hpp"

namespace atip::oai {

struct DcFields {
  std::vector<std::string> title, creator, contributor, subject, description, publisher, date,
      type, format, identifier, language, relation, rights;
  // `local`: the element's lower-case local name ("title", "creator" …); others are ignored.
  void add(std::string_view local, std::string value);
};

// Title, link, DOI-bearing identifiers, dates, people, language and type into `r.entry` and
// `r`; the header fields (identifier, datestamp) are the caller's.
void fill_record(const DcFields& dc, Record& r);

// The landing page among a record's dc:identifier values: the first http(s) URL that is not a
// DOI resolver, else a DOI's resolver URL, else a Handle's ("hdl:1234/5"); "" when none.
std::string landing_url(const std::vector<std::string>& identifiers);

}  // namespace atip::oai
