// libFuzzer target: the bibliography readers of `atip import` (BibTeX, RIS, CSL-JSON, CSV) on
// any bytes, each format in turn, plus the format sniffer. The readers promise that no input
// makes them throw (lib/import/record.hpp), so an exception is a bug here; so is any crash,
// leak or UB, and any string of a record, problem or note that is not valid UTF-8, since
// records are stored and problems printed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/require_utf8.hpp"
#include "lib/import/record.hpp"

using atip::fuzz::require_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)atip::importer::sniff_format(bytes);
  using atip::importer::Format;
  for (const Format f : {Format::Bibtex, Format::Ris, Format::CslJson, Format::Csv}) {
    const atip::importer::ReadResult r = atip::importer::read(f, bytes);
    for (const auto& rec : r.records) {
      for (const std::string* s : {&rec.key, &rec.title, &rec.date, &rec.url, &rec.doi, &rec.language,
                                   &rec.summary, &rec.note, &rec.publisher, &rec.type, &rec.state})
        require_utf8(*s, "a record's field");
      for (const auto* values : {&rec.authors, &rec.keywords, &rec.topics, &rec.areas, &rec.countries})
        for (const auto& v : *values) require_utf8(v, "a record's list value");
    }
    for (const auto& p : r.rejected) require_utf8(p.message, "a problem");
    for (const auto& n : r.notes) require_utf8(n, "a note");
  }
  return 0;
}
