#pragma once
// Shared by the tagger tests: the shipped vocabulary, loaded once, and short ways to ask what a
// text is tagged with.
#include <algorithm>
#include <string>
#include <vector>

#include "lib/catalog/tagger.hpp"

namespace atip::catalog::testing {

inline const Vocabulary& shipped_vocabulary() {
  static const Vocabulary v = load_vocabulary(std::string(ATIP_SOURCE_DIR) + "/feeds/vocabulary");
  return v;
}

inline Tags tag_text(const std::string& title, const std::string& summary = "",
                     const std::string& hint = "") {
  return tag(Text{title, summary, hint, false}, shipped_vocabulary());
}

inline bool has(const Tags& tags, Family family, const std::string& value) {
  const auto values = tags.values(family);
  return std::find(values.begin(), values.end(), value) != values.end();
}

inline std::vector<std::string> countries(const std::string& title,
                                          const std::string& summary = "") {
  auto v = tag_text(title, summary).values(Family::country);
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace atip::catalog::testing
