#pragma once
// Tagging: what a document is about, where, in which language, what kind of document it is,
// and how relevant it is to the anti-trafficking office. Pure: the same text and vocabulary
// always give the same tags.
//
// Tag values by family (the vocabulary in feeds/vocabulary/ defines them; these are the
// shipped ones):
//   topic    sex_trafficking forced_labour domestic_servitude child_trafficking
//            child_sexual_exploitation sex_tourism child_soldiers forced_begging organ_removal
//            forced_marriage debt_bondage tip_general migrant_smuggling
//            (migrant_smuggling is a different crime; a document may carry it and trafficking)
//   area     prevention protection prosecution partnership (the 4P)
//   country  ISO 3166-1 alpha-2 code of an OAS member state: "MX", "BR", "US" … where the
//            events happen or who acts; a victim's nationality alone does not tag a country
//   type     report law case article news policy training data ("news" when nothing says)
#include <string>
#include <string_view>
#include <vector>

#include "lib/catalog/vocabulary.hpp"

namespace atip::catalog {

// Relevance at or above this is "relevant": search and export show it by default.
inline constexpr double kRelevantThreshold = 0.5;
// A tag value is kept when its score reaches this.
inline constexpr double kTagThreshold = 0.5;


// What the tagger reads. Views: the caller keeps the strings alive during tag().
struct Text {
  std::string_view title;
  std::string_view summary;        // plain text (HTML already removed)
  std::string_view language_hint;  // the feed's declared language ("es", "pt-BR"), may be empty
  bool on_topic = false;           // the feed is marked fully on-topic (a trafficking journal)
};

struct Tag {
  Family family = Family::topic;
  std::string value;
  double score = 0;  // in (0, 1]; 1 = strong, unambiguous evidence
};

struct Tags {
  std::vector<Tag> tags;   // by family (topic, area, country, type), then score descending
  std::string language;    // "en", "es", "pt", "fr" or "other"
  std::string type;        // the best type value, "news" when no signal
  double relevance = 0;    // in [0, 1]
  bool relevant() const { return relevance >= kRelevantThreshold; }
  // The values of one family in the order of `tags`.
  std::vector<std::string> values(Family family) const;
};

// Tags one document. Never throws for any input text (invalid UTF-8 is tolerated).
Tags tag(const Text& doc, const Vocabulary& vocabulary);

}  // namespace atip::catalog
