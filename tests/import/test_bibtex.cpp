#include <doctest/doctest.h>

#include "lib/import/latex.hpp"
#include "tests/import/import_test_util.hpp"

using namespace atip;
using namespace atip::testing;
using Lines = std::vector<int>;

TEST_CASE("importer::latex_to_text: accents, escapes, dashes and atip's own escapes") {
  CHECK(importer::latex_to_text(R"({\'e}t\'{e} {\~n} \c{c} \c c {\"u} \"{\i} {\'\i} \v{s} \ss{} \o)") ==
        "été ñ ç ç ü ï í š ß ø");
  CHECK(importer::latex_to_text(R"(\& \% \_ \# \$ \{x\})") == "& % _ # $ {x}");
  CHECK(importer::latex_to_text("a -- b --- c ``quoted'' d~e") == "a – b — c “quoted” d e");
  CHECK(importer::latex_to_text(R"(\textbackslash{} \textbraceleft{}x\textbraceright{} \textasciitilde{} \textasciicircum{})") ==
        "\\ {x} ~ ^");
  CHECK(importer::latex_to_text(R"(\emph{Nested {braces {deeply}}} \textbf {bold} $x^2$)") ==
        "Nested braces deeply bold x^2");
  CHECK(importer::latex_to_text(R"(\href{https://x.org}{the link} \unknowncommand{kept})") == "the link kept");
  // An accent on a letter with no precomposed form gets the combining mark.
  CHECK(importer::latex_to_text(R"(\'{x})") == "x\xCC\x81");
  // Dangling and odd input: never a crash, never invalid UTF-8.
  for (const char* odd : {"\\", "{", "}}}", "\\'", "\\c", "\\'{", "\xff\xfe", "\\\"{\xc3"}) {
    CAPTURE(odd);
    CHECK_NOTHROW(importer::latex_to_text(odd));
  }
}

TEST_CASE("importer::read_bibtex: a hand-edited library, every record at its line") {
  const auto r = importer::read(importer::Format::Bibtex, import_fixture("zotero_nasty.bib"));
  CHECK(record_lines(r) == Lines{8, 21, 30, 39, 48, 68});
  CHECK(rejected_lines(r) == Lines{44, 53, 58, 62, 67});

  const auto& iom = record_at(r, 8);
  CHECK(iom.key == "iom2023");
  CHECK(iom.title == "Counter-Trafficking in the Americas: 50% of cases & rising — a review");
  CHECK(iom.authors == std::vector<std::string>{"International Organization for Migration (IOM)"});
  CHECK(iom.publisher == "International Organization for Migration – Organization of American States");
  CHECK(iom.date == "2023-09");
  CHECK(iom.url == "https://www.iom.int/sites/g/files/report_2023.pdf?utm_source=x");
  CHECK(iom.language == "english");
  CHECK(iom.type == "report");
  CHECK(iom.keywords == std::vector<std::string>{"forced_labour", "trafficking"});
  CHECK(iom.summary ==
        "Covers the Übersicht of Çeará, São Paulo and Bogotá: nested braces deeply and a backslash \\ with "
        "_under_ and #hash.");

  const auto& garcia = record_at(r, 21);
  CHECK(garcia.title == "Trata de personas en Ámbitos “rurales” del Perú");
  CHECK(garcia.authors == std::vector<std::string>{"García Márquez, Gabriel", "de la Cruz, Ana", "van der Berg Jr, Piet"});
  CHECK(garcia.date == "2021-06-15");
  CHECK(garcia.doi == "10.1080/abc.2021.55");
  CHECK(garcia.publisher == "Revista Latinoamericana");
  CHECK(garcia.type == "article");

  const auto& ecpat = record_at(r, 30);  // parenthesised entry, URL in howpublished
  CHECK(ecpat.url == "https://ecpat.org/es/informe-2022/");
  CHECK(ecpat.date == "2022-11");
  CHECK(ecpat.note == "Consultado en 2024 Versión en español");
  CHECK(ecpat.type.empty());  // @online: the tagger decides
  CHECK(record_at(r, 39).type == "law");
  CHECK(record_at(r, 48).date.empty());
  CHECK(record_at(r, 68).date == "1999");

  CHECK(rejection_at(r, 44).find("never closed") != std::string::npos);
  CHECK(rejection_at(r, 53) == "date 'sometime' is not a date");
  CHECK(rejection_at(r, 58) == "undefined @string 'missingmacro' on line 59");
  CHECK(rejection_at(r, 62) == "no title");
  CHECK(rejection_at(r, 67) == "DOI 'not-a-doi' is not a DOI");
}

TEST_CASE("importer::read_bibtex: a missing comma or brace costs one entry, not the rest") {
  const auto r = importer::read_bibtex(
      "@article{a,\n  title = {First}\n  year = 2020\n}\n"  // no comma after the title
      "@article{b, title = {Second}, year = 2021}\n"
      "@article{c, title = {Third}, year = 2022,\n"  // never closed: the file ends
  );
  CHECK(record_lines(r) == Lines{5});
  CHECK(rejected_lines(r) == Lines{1, 6});
  CHECK(rejection_at(r, 1) == "expected ',' or '}' after field 'title' on line 3");
  CHECK(rejection_at(r, 6) == "the entry is never closed");
}

TEST_CASE("importer::read_bibtex: empty, blank and comment-only files hold nothing") {
  for (const char* text : {"", "\n\n", "% just a comment\n", "@comment{x}", "@", "@@@", "@article", "text @ text"}) {
    CAPTURE(text);
    const auto r = importer::read_bibtex(text);
    CHECK(r.records.empty());
    CHECK(r.rejected.empty());
  }
}

TEST_CASE("importer::read_bibtex: truncated anywhere, it never crashes and never half-imports") {
  const std::string full = import_fixture("zotero_nasty.bib");
  for (std::size_t n = 0; n < full.size(); n += 7) {
    const auto r = importer::read_bibtex(std::string_view(full).substr(0, n));
    for (const auto& rec : r.records) CHECK(!rec.title.empty());
    CHECK(r.records.size() <= 6);
  }
}

TEST_CASE("importer::read_bibtex: months, quotes with braces, concatenation, corporate names") {
  const auto r = importer::read_bibtex(
      "@string{pre = \"Informe \"}\n"
      "@report{k, title = pre # {sobre } # \"trata {\"}con{\"} comillas\", year = {2020}, month = {4},\n"
      "  author = {{Ministerio de Justicia y Derechos Humanos} and Lula da Silva, Luiz Inácio and Ana Pérez}}\n"
      "@article{m, title={T}, year=2020, month=dec}\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].title == "Informe sobre trata \"con\" comillas");
  CHECK(r.records[0].date == "2020-04");
  CHECK(r.records[0].authors ==
        std::vector<std::string>{"Ministerio de Justicia y Derechos Humanos", "Lula da Silva, Luiz Inácio", "Pérez, Ana"});
  CHECK(r.records[1].date == "2020-12");
}
