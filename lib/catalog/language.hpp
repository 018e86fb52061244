#pragma once
// Language identification for short texts (a title and a summary): "en", "es", "pt", "fr" or
// "other". Scores function words and spelling that separate the four languages (ñ, ã/õ, ç,
// "ção", "não", "de la", "les", "the") and falls back on the feed's declared language only
// when the text says too little.
#include <string_view>

#include "lib/catalog/fold.hpp"

namespace atip::catalog {

// `hint` is the feed's language (any case, "es-MX" and "pt_BR" accepted) or empty. Returns a
// static string: "en", "es", "pt", "fr" or "other".
std::string_view identify_language(std::string_view text, std::string_view hint = {});

// The same on an already tokenised text (tokenize() of title and summary), as the tagger
// uses it.
std::string_view identify_language(const TokenizedText& text, std::string_view hint);

}  // namespace atip::catalog
