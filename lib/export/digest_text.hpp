#pragma once
// The digest's own words in the four languages of the office, as data: headings, labels and
// the names of topics, 4P areas, document types, languages and countries.
#include <string>
#include <string_view>

namespace atip::exporter {

struct DigestText {
  std::string_view default_title, period, range, since, until, everything, generated;
  std::string_view in_numbers, new_works, updated_works, by_topic, by_country, by_language, per_week;
  std::string_view carried_by, updated_mark, language, type, countries, date;
  std::string_view no_group, no_works, works_suffix, week_of, untitled;
};

// The words for "en", "es", "pt" or "fr"; nothing for another language.
const DigestText* digest_text(std::string_view lang);

// The label of a tag value in `lang`: family "topic", "area", "type", "country" (ISO code) or
// "language" (ISO 639-1). Unknown values come back as they are, underscores made spaces.
std::string tag_label(std::string_view family, std::string_view value, std::string_view lang);

}  // namespace atip::exporter
