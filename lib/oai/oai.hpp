#pragma once
// OAI-PMH 2.0 ListRecords responses (metadataPrefix=oai_dc) as plain data: the records of one
// page, the resumption token that leads to the next, and the protocol's error elements. Pure:
// no I/O, no clock; the harvest loop (lib/app/harvest) does the requests. The bytes are
// untrusted: decoded and made XML-safe as lib/feed does (charset sniffing, HTML entities, no
// DTD, no external entities, no entity expansion beyond lib/feed's cap) and never throws.
// Unlike a feed, an ill-formed page is refused rather than repaired: a repaired page could
// carry a cut resumption token or lose records without anyone noticing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/feed/feed.hpp"

namespace atip::oai {

struct Record {
  std::string identifier;         // header <identifier>: unique within the repository
  std::string datestamp;          // header <datestamp>, verbatim
  std::vector<std::string> sets;  // header <setSpec>s
  bool deleted = false;           // header status="deleted": the record is gone, no metadata
  // The oai_dc metadata as a feed entry: id and key are the identifier; title, link (the
  // landing page, else the DOI resolver), published (the earliest dc:date), updated (the
  // datestamp), authors (dc:creator, else dc:contributor), summary (the first dc:description),
  // categories (dc:subject), language (two letters), relations and identifiers.
  feed::Entry entry;
  std::string doc_type;  // atip's document type from dc:type ("article", "report" …), or ""
  std::vector<std::string> types, publishers, rights, formats;  // verbatim, for the curious
};

struct Resumption {
  std::string token;  // empty: this page ends the list
  std::optional<std::int64_t> complete_list_size, cursor;
};

// An <error code="…"> element. noRecordsMatch is one too, though it only means "nothing".
struct ProtocolError {
  std::string code;
  std::string message;
};

struct Page {
  bool ok = false;    // false: not a readable OAI-PMH response; `error` says why in one line
  std::string error;
  std::string response_date;  // <responseDate>, verbatim
  std::optional<std::int64_t> response_time;
  std::vector<Record> records;  // document order
  std::optional<Resumption> resumption;  // when the page had a <resumptionToken> element
  std::vector<ProtocolError> errors;
  std::vector<std::string> warnings;  // records skipped, values cut (a few, with positions)

  // True when another page follows (a non-empty resumption token).
  bool more() const { return resumption && !resumption->token.empty(); }
  // The errors other than noRecordsMatch as one line ("badResumptionToken: expired"), "" when
  // there are none. noRecordsMatch alone is an empty list, not a failure.
  std::string failure() const;
};

Page parse_list_records(std::string_view bytes, std::string_view http_charset = {});

// The <repositoryName> of an Identify response, whitespace collapsed; "" when the bytes are
// no readable Identify response or name no repository.
std::string repository_name(std::string_view bytes, std::string_view http_charset = {});

// dc:language values to ISO 639-1: "en", "eng", "English", "pt-BR", "por", "Português",
// "spa", "Español", "fre", "fra", "français" … "" when the value names no known language.
std::string language_code(std::string_view value);

// atip's document type for a dc:type value, when it is obvious: "article" (journal article,
// preprint, review, conference paper), "report" (report, working paper, thesis, book,
// study), "data" (dataset), "policy" (policy brief), "law" (legislation), "training"
// (course, learning object), "news". Plain vocabularies (DCMI "Text"), COAR and
// info:eu-repo/semantics URIs and Spanish, Portuguese and French words are understood.
// "" when the value says nothing atip can use.
std::string document_type(std::string_view dc_type);

// The day of an OAI-PMH date ("2026-11-18T10:00:00Z" -> "2026-11-18"): the from= granularity
// every repository accepts. "" when `date` does not start with a valid YYYY-MM-DD.
std::string day_of(std::string_view date);

}  // namespace atip::oai
