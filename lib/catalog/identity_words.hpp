#pragma once
// Word lists behind the title rules, in English, Spanish, Portuguese and French. All take
// folded words (fold_text: lower case, no accents). Internal to lib/catalog.
#include <string>
#include <string_view>

namespace atip::catalog {

// Function words that may be added or dropped between copies of one title ("a", "de", "the",
// "l") and boilerplate words of syndication ("video", "urgente"). Never a number word.
bool is_stopword(std::string_view word);

// Words that identify WHICH event, issue or period a title is about and must therefore match
// exactly between copies: numbers ("12" -> "12"), number words ("doce", "twelve" -> "12"),
// ordinals ("tercer", "third" -> "#3"), Roman numerals ("xiv" -> "14"), months ("marzo",
// "march" -> "month3") and weekdays. Returns "" for any other word.
std::string marker_of(std::string_view word);

// Folded words or phrases that can close a title as a place or a subtitle, never as a
// publisher: OAS member states, months, "annex", "resumen", "synthese" …
bool is_place_or_subtitle(std::string_view folded_segment);

// Folded names of publishers that often end syndicated titles ("el pais", "un news").
bool is_known_publisher(std::string_view folded_segment);

}  // namespace atip::catalog
