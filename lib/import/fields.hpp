#pragma once
// What the four readers share: trimming, line numbers, dates, document types, and the final
// check that admits a record whole or rejects it with a reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/import/record.hpp"

namespace atip::importer::detail {

std::string trim(std::string_view s);
std::string lower_ascii(std::string_view s);
// Lower case, accents of Latin letters removed, runs of non-alphanumerics as one space:
// "Título do documento" -> "titulo do documento". For matching names of types and columns.
std::string fold(std::string_view s);
// Splits on any of `separators`, trimming and dropping empty pieces.
std::vector<std::string> split(std::string_view s, std::string_view separators);

// Line numbers of byte offsets in one text (LF, CRLF and lone CR all end a line).
class Lines {
 public:
  explicit Lines(std::string_view text);
  int line_of(std::size_t offset) const;  // 1-based

 private:
  std::vector<std::size_t> starts_;
};

// A date as the catalogue reads it: "YYYY-MM-DD", "YYYY-MM" or "YYYY" from ISO dates, RIS's
// "YYYY/MM/DD/other", timestamps, ranges (the start) and the textual dates lib/feed reads
// ("3 de junio de 2007", "March 5, 2024"). "" for no date ("", "n.d.", "s.f.", "forthcoming");
// nullopt when the text is a date nobody could read.
std::optional<std::string> normalise_date(std::string_view text);
// "January", "jan", "enero", "janvier", "3" -> 3; 0 when not a month.
int month_number(std::string_view text);

// An atip document type (report, article, news, law, case, data, policy, training) for a type
// word in English, Spanish, Portuguese or French ("informe", "Policy document", "ley"); "" when
// the word names none.
std::string atip_type(std::string_view word);

// Checks and normalises a finished record (title present, date and DOI readable) and appends
// it to `out.records`, or appends the reason it is rejected to `out.rejected`.
void admit(Record record, ReadResult& out);

}  // namespace atip::importer::detail
