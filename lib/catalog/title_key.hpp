#pragma once
// Title keys: the normalised form under which syndicated copies of one title compare equal
// (identity rule 4 of issue 5). Pure functions of UTF-8 text; no locale, no I/O.
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

// Lower-cases and removes the accents of Latin letters (U+00C0–U+017F: "Tráfico" -> "trafico",
// "Œuvre" -> "oeuvre", "ß" -> "ss"), drops combining marks, and turns punctuation and symbols
// (ASCII, typographic quotes and dashes, «», ¿¡, emoji) into spaces. Letters of other scripts
// are kept as they are. Invalid UTF-8 is tolerated (read as U+FFFD, then dropped).
std::string fold_text(std::string_view text);

// The words of fold_text(text) in order. Numbers are always words of their own ("No.45" ->
// "no", "45"; "covid-19" -> "covid", "19"), and thousands separators are joined ("1,200" and
// "1.200" -> "1200") so that the same figure written in two conventions compares equal.
std::vector<std::string> fold_words(std::string_view text);

// `title` without trailing segments that name a publisher: "Rescatan a 12 víctimas - El País"
// -> "Rescatan a 12 víctimas". A segment after " - ", " | ", " – ", " — " or " · " is
// removed only when it looks like a name (at most five capitalised words or a domain; no
// free-standing number, though "G1" or "la 1ère" are fine; no month, Roman numeral, country,
// state, province or subtitle word such as "Annex" or "Resumen") or is a known publisher, and
// at least three words stay before it; at most two segments go ("| Section | Publisher").
// Never removes a subtitle written in lower case ("Informe anual - resumen ejecutivo").
// Known limit: a Title Case subtitle of unlisted words ("- Country Briefing") looks like a
// name and goes; same_work() compensates for pages of one site.
std::string_view strip_publisher_suffix(std::string_view title);

// fold_words(strip_publisher_suffix(title)) joined with single spaces. Two titles with the
// same key differ at most in case, accents, punctuation, spacing and publisher suffix.
std::string title_key(std::string_view title);

}  // namespace atip::catalog
