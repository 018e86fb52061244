#pragma once
// What an HTML page says about the document it presents, for `atip add`: Highwire Press
// citation_* tags (Google Scholar's, used by journals, repositories and report sites), Dublin
// Core (DC.* and DCTERMS.*), Open Graph, <meta name=description>, <link rel=canonical>,
// <html lang> and <title>. Pure: bytes in, values out. Values are plain UTF-8, trimmed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atip::html {

struct PageMeta {
  std::string title;        // citation_title > DC.title > og:title > <title>
  std::vector<std::string> authors;  // every citation_author, else every DC.creator
  std::string date_raw;     // citation_publication_date > citation_date > DC.date > article:published_time
  std::optional<std::int64_t> date;  // date_raw read (also "2026/06/03"); none when unreadable
  std::string language;     // citation_language > DC.language > <html lang>, as written
  std::string publisher;    // citation_publisher > citation_technical_report_institution > DC.publisher > og:site_name
  std::string description;  // og:description > description > DC.description
  std::string canonical;    // <link rel=canonical>, absolute; "" when none or not http(s)
  std::string pdf_url;      // citation_pdf_url, absolute
  // citation_doi, DC.identifier values, in page order: the catalogue finds DOIs among them.
  std::vector<std::string> identifiers;
  std::string encoding;     // the charset the bytes were read in
};

PageMeta read_page_meta(std::string_view bytes, std::string_view http_charset, const std::string& page_url);

}  // namespace atip::html
