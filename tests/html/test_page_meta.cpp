// What atip add reads from a page's <head>, and the charset a page declares.
#include <doctest/doctest.h>

#include "lib/html/decode.hpp"
#include "lib/html/page_meta.hpp"
#include "lib/util/time.hpp"

TEST_CASE("page meta: citation_* first, then Dublin Core, Open Graph and <title>") {
  const auto m = atip::html::read_page_meta(
      "<html lang='pt-BR'><head><title>Página | Site</title>"
      "<meta property='og:title' content='OG title'><meta name='DC.Title' content='DC title'>"
      "<meta name='citation_title' content='  Trabalho   escravo no Pará '>"
      "<meta name='citation_author' content='Silva, João'><meta name='citation_author' content='Souza, Maria'>"
      "<meta name='DC.creator' content='Ignored'>"
      "<meta name='citation_date' content='2026/3/9'>"
      "<meta name='citation_doi' content='doi:10.1234/abc.5'><meta name='DC.identifier' content='ISBN 978-0'>"
      "<meta name='citation_pdf_url' content='../pdf/5.pdf'>"
      "<meta name='citation_publisher' content='Editora'><meta property='og:site_name' content='Site'>"
      "<meta name='description' content='Resumo.'>"
      "<link rel='Canonical' href='/artigo/5'></head><body></body></html>",
      "", "https://revista.example.br/a/b/5");
  CHECK(m.title == "Trabalho escravo no Pará");
  CHECK(m.authors == std::vector<std::string>{"Silva, João", "Souza, Maria"});
  CHECK(m.date_raw == "2026/3/9");
  CHECK(m.date == *atip::util::parse_cli_date("2026-03-09"));
  CHECK(m.identifiers == std::vector<std::string>{"doi:10.1234/abc.5", "ISBN 978-0"});
  CHECK(m.pdf_url == "https://revista.example.br/a/pdf/5.pdf");
  CHECK(m.publisher == "Editora");
  CHECK(m.description == "Resumo.");
  CHECK(m.canonical == "https://revista.example.br/artigo/5");
  CHECK(m.language == "pt-BR");
}

TEST_CASE("page meta: fallbacks, a Latin-1 page, and nothing at all") {
  auto m = atip::html::read_page_meta(
      "<meta http-equiv='content-type' content='text/html; charset=ISO-8859-1'><title>Informe sobre trata en Per\xFA"
      "</title><meta property='og:description' content='Descripci\xF3n'><meta property='article:published_time' "
      "content='2026-06-03T10:00:00-05:00'><link rel=canonical href='javascript:x'>",
      "", "https://e.org/x");
  CHECK(m.encoding == "iso-8859-1");
  CHECK(m.title == "Informe sobre trata en Perú");
  CHECK(m.description == "Descripción");
  CHECK(m.date == *atip::util::parse_cli_date("2026-06-03T15:00:00Z"));
  CHECK(m.canonical.empty());
  CHECK(m.language.empty());
  m = atip::html::read_page_meta("<meta name='citation_date' content='mañana'>", "", "https://e.org/");
  CHECK(m.date_raw == "mañana");
  CHECK_FALSE(m.date.has_value());
  m = atip::html::read_page_meta("", "", "https://e.org/");
  CHECK(m.title.empty());
  CHECK(m.authors.empty());
}

TEST_CASE("page charset: HTTP, then <meta>, then UTF-8 or Windows-1252") {
  using atip::html::decode_page;
  using atip::html::meta_charset;
  CHECK(meta_charset("<meta charset=\"Windows-1252\">") == "windows-1252");
  CHECK(meta_charset("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=latin1'>") == "iso-8859-1");
  CHECK(meta_charset("<meta name=x content=y><p>charset=utf-8</p>").empty());
  CHECK(decode_page("<meta charset=iso-8859-1>\xE9", "").utf8 == "<meta charset=iso-8859-1>\xC3\xA9");
  CHECK(decode_page("<meta charset=iso-8859-1>\xC3\xA9", "utf-8").utf8 == "<meta charset=iso-8859-1>\xC3\xA9");
  CHECK(decode_page("\xEF\xBB\xBF<meta charset=iso-8859-1>\xC3\xA9", "").utf8 == "<meta charset=iso-8859-1>\xC3\xA9");
  const auto undeclared = decode_page("caf\xE9", "");
  CHECK(undeclared.utf8 == "caf\xC3\xA9");
  CHECK(undeclared.encoding == "windows-1252");
}
