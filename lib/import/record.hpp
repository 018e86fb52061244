#pragma once
// Bibliographies read into neutral records: BibTeX/biblatex, RIS, CSL-JSON and CSV/TSV with a
// header row. Pure functions of the file's bytes (untrusted): no catalogue, no clock, no I/O.
// A record is returned whole or not at all; every malformed one is reported with the line it
// starts on and skipped, and no input makes a reader throw.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atip::importer {

// One work as a bibliography describes it. Text is UTF-8, LaTeX and markup decoded, trimmed.
struct Record {
  int line = 0;                      // 1-based line where the record starts in the file
  std::string key;                   // the file's own id (citation key, RIS ID, CSL id), if any
  std::string title;
  std::vector<std::string> authors;  // "Family, Given", or a name to keep whole (an institution)
  std::string date;                  // "YYYY-MM-DD", "YYYY-MM", "YYYY", or other text as written
  std::string url, doi, language;    // language: as written ("es", "spanish", "pt-BR")
  std::string summary;               // plain text, or HTML (CSL-JSON abstracts may hold JATS)
  std::string note;
  std::string publisher;             // institution, organisation, journal or publisher
  std::string type;                  // an atip document type (report, article, news, law, case,
                                     // data, policy, training), "" when the file does not say
  std::vector<std::string> keywords;           // free keywords (may name topics or countries)
  std::vector<std::string> topics, areas, countries;  // explicit tag columns (CSV)
  // Screening columns of atip's own CSV export.
  std::string state;
  std::optional<bool> starred;
};

struct Problem {
  int line = 0;
  std::string message;  // "no title", "unterminated entry", …
};

struct ReadResult {
  std::vector<Record> records;     // in file order
  std::vector<Problem> rejected;   // malformed records, skipped, in file order
  std::vector<std::string> notes;  // about the file as a whole ("column 'isbn' ignored")
};

enum class Format { Bibtex, Ris, CslJson, Csv };

// "bibtex", "ris", "csljson", "csv" (tsv is csv with tabs, sniffed).
std::string_view format_name(Format f);
std::optional<Format> parse_format(std::string_view name);  // also "bib", "json", "tsv"
// From the file name's extension (.bib .bibtex .ris .json .csljson .csv .tsv .txt is not one).
std::optional<Format> format_from_name(std::string_view file_name);
// From the content: "@type{", "TY  - ", a JSON array, else a header row; nullopt for text
// that is none of them.
std::optional<Format> sniff_format(std::string_view bytes);

// The file's text as UTF-8. A UTF-8 or UTF-16 byte order mark is honoured (and dropped); text
// that is not valid UTF-8 is read as Windows-1252, which spreadsheets write in the office's
// locales, and `note` says so.
struct Decoded {
  std::string text;
  std::string note;
};
Decoded decode(std::string_view bytes);

ReadResult read_bibtex(std::string_view bytes);
ReadResult read_ris(std::string_view bytes);
ReadResult read_csljson(std::string_view bytes);
ReadResult read_csv(std::string_view bytes);
// Dispatches on `format`, after decode() (whose note joins the result's notes).
ReadResult read(Format format, std::string_view bytes);

}  // namespace atip::importer
