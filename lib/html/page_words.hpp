#pragma once
// What a link's words say about it on a listing page (internal to page watching and atip add).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atip::html {

// "Read more", "Leer más", "Ver más", "Saiba mais", "En savoir plus", "Download PDF (2 MB)",
// "aquí": words that do not name the document, in en/es/pt/fr.
bool is_generic_link_text(std::string_view text);

// "Next", "Siguiente »", "« Anterior", "2", "Page 3", "…", "»": pagination, not a document.
bool is_navigation_text(std::string_view text);

// The first date written in `text` ("Publicado el 3 de junio de 2026 …" -> 2026-06-03): a day,
// a month name and a year in es/pt/fr/en order, or an ISO date. `found` gets the words read.
std::optional<std::int64_t> find_date(std::string_view text, std::string* found = nullptr);

}  // namespace atip::html
