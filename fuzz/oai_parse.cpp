// libFuzzer target: oai::parse_list_records (OAI-PMH ListRecords pages from a repository) and
// oai::repository_name (Identify), with and without an HTTP charset. Any crash, leak or UB is a bug; so is a page that claims more
// pages with an empty token, and so is a string handed on for storage that is not valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/require_utf8.hpp"
#include "lib/oai/oai.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static constexpr const char* charsets[] = {"", "utf-8", "iso-8859-1", "utf-16", "bogus"};
  const char* charset = size > 0 ? charsets[data[0] % 5] : "";
  const atip::oai::Page p = atip::oai::parse_list_records(bytes, charset);
  if (p.ok) {
    if (p.more() && p.resumption->token.empty()) std::abort();
    for (const auto& r : p.records) {
      if (r.identifier.empty() || r.entry.key != r.identifier) std::abort();
      atip::fuzz::require_utf8(r.entry);
      for (const std::string* v : {&r.identifier, &r.datestamp, &r.doc_type})
        atip::fuzz::require_utf8(*v, "a record's header");
      for (const auto* values : {&r.sets, &r.types, &r.publishers, &r.rights, &r.formats})
        for (const auto& v : *values) atip::fuzz::require_utf8(v, "a record's value");
    }
    for (const auto& w : p.warnings) atip::fuzz::require_utf8(w, "a warning");
    if (p.resumption) atip::fuzz::require_utf8(p.resumption->token, "the resumption token");
    (void)p.failure();
    (void)atip::oai::day_of(p.response_date);
  }
  if (!p.ok) atip::fuzz::require_utf8(p.error, "the error");
  atip::fuzz::require_utf8(atip::oai::repository_name(bytes, charset), "the repository's name");
  return 0;
}
