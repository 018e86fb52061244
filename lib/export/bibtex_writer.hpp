#pragma once
// BibTeX for biblatex and biber: @report (reports, policies, training material, with the
// publisher as institution), @article, @online (news and web pages), @legislation,
// @jurisdiction (court cases) and @dataset; date, url, urldate, doi, langid, keywords and
// abstract. Text is UTF-8 with LaTeX's special characters escaped.
#include <string>

#include "lib/export/citation.hpp"
#include "lib/export/writer.hpp"

namespace atip::exporter {

// Escapes text for a brace-delimited BibTeX field: \ { } & % # _ $ ^ ~ become LaTeX commands
// (braces as \textbraceleft{}, so the field's braces stay balanced), line breaks spaces.
std::string bibtex_escape(std::string_view text);

class BibtexWriter final : public Writer {
 public:
  explicit BibtexWriter(std::ostream& out) : out_(out) {}
  void write(const store::Document& d) override;

 private:
  std::ostream& out_;
  CitationKeys keys_;
};

}  // namespace atip::exporter
