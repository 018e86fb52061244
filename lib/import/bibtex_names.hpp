#pragma once
// BibTeX name lists ("Last, First and {Institution} and First von Last"), for the reader.
#include <string>
#include <vector>

namespace atip::importer::detail {

bool is_bibtex_space(char c);
// Each name as "Family, Given" (particles and Jr. with the family), or whole when braced
// ("{World Health Organization}") or a single word; "others" is dropped. LaTeX decoded.
std::vector<std::string> bibtex_names(const std::string& raw);

}  // namespace atip::importer::detail
