// Page watching on the saved pages of tests/data/pages (written for the project): the exact
// entries of each, with and without --select / --match, and hostile pages.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "lib/html/page_watch.hpp"
#include "lib/html/page_words.hpp"
#include "lib/util/time.hpp"

namespace {

using atip::html::PageWatch;
using atip::html::watch_page;

std::string page(const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR) + "/tests/data/pages/" + name, std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::int64_t day(const char* date) { return *atip::util::parse_cli_date(date); }

std::vector<std::string> links(const atip::feed::ParseResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.feed.entries) out.push_back(e.link);
  return out;
}

const char* const kPress = "https://www.seguridad.example.gob/prensa";
const char* const kGrid = "https://observatory.example.org/publications";
const char* const kArchive = "https://www.exemplo.gov.br/noticias/";

}  // namespace

TEST_CASE("page watch: a Spanish press-release listing in ISO-8859-1 declared by <meta>") {
  const auto r = watch_page(page("press_releases_es.html"), {"", kPress}, {});
  REQUIRE(r.ok);
  CHECK(r.feed.encoding == "iso-8859-1");
  CHECK(r.feed.title == "Sala de prensa | Ministerio de Seguridad de Ejemplo");
  CHECK(r.feed.language == "es");
  CHECK(r.feed.link == kPress);
  CHECK(r.feed.warnings.empty());
  // <main> only: header, nav, aside and footer links are chrome; "Siguiente »" (?page=2),
  // "#cabecera", javascript: and mailto: are never entries; "Leer más" repeats its heading's link.
  REQUIRE(r.feed.entries.size() == 4);
  const auto& e = r.feed.entries;
  CHECK(e[0].title == "Rescatan a 14 víctimas de trata laboral en Misiones");
  CHECK(e[0].link == "https://www.seguridad.example.gob/prensa/2026/06/03/rescate-victimas-trata-misiones");
  CHECK(e[0].published.time == day("2026-06-03"));
  CHECK(e[0].published.raw == "3 de junio de 2026");
  CHECK(e[0].summary == "La Policía Federal desarticuló una red que captaba trabajadores rurales con falsas ofertas de empleo.");
  // The link as published (with its tracking parameter); its key is the canonical URL.
  CHECK(e[1].title == "Nuevo protocolo de identificación de víctimas en pasos fronterizos");
  CHECK(e[1].link == "https://www.seguridad.example.gob/prensa/2026/05/28/protocolo-frontera?utm_source=home");
  CHECK(e[1].key == "seguridad.example.gob/prensa/2026/05/28/protocolo-frontera");
  CHECK(e[1].published.time == day("2026-05-28"));
  // A relative link, a date inside a sentence, and the date line kept out of the summary.
  CHECK(e[2].title == "Capacitación a 200 inspectores de trabajo sobre explotación laboral");
  CHECK(e[2].link == "https://www.seguridad.example.gob/prensa/2026/05/15/capacitacion-inspectores.html");
  CHECK(e[2].published.time == day("2026-05-15"));
  CHECK(e[2].summary == "Los cursos se dictaron en Salta, Jujuy y Tucumán junto a la OIT.");
  // No date on the page: none is made up (the catalogue uses first-seen).
  CHECK(e[3].title == "La línea 145 atiende las 24 horas");
  CHECK_FALSE(e[3].published.time.has_value());
  CHECK(e[3].summary == "Denuncias anónimas y gratuitas desde todo el país.");
  for (const auto& entry : e) CHECK(entry.key == entry.id);
}

TEST_CASE("page watch: the press listing with --select and --match") {
  const std::string bytes = page("press_releases_es.html");
  auto r = watch_page(bytes, {"", kPress}, {"ul.comunicados h3 > a", ""});
  REQUIRE(r.ok);
  CHECK(links(r) == std::vector<std::string>{
                        "https://www.seguridad.example.gob/prensa/2026/06/03/rescate-victimas-trata-misiones",
                        "https://www.seguridad.example.gob/prensa/2026/05/28/protocolo-frontera?utm_source=home",
                        "https://www.seguridad.example.gob/prensa/2026/05/15/capacitacion-inspectores.html",
                        "https://www.seguridad.example.gob/prensa/sin-fecha/linea-145"});
  // Selected links still find their item: dates and summaries as without --select.
  CHECK(r.feed.entries[0].published.time == day("2026-06-03"));
  CHECK(r.feed.entries[3].summary == "Denuncias anónimas y gratuitas desde todo el país.");
  // A glob over the whole page (chrome included): only this year's releases.
  r = watch_page(bytes, {"", kPress}, {"", "*/prensa/2026/*"});
  REQUIRE(r.ok);
  CHECK(r.feed.entries.size() == 3);
  // A substring, combined with a selector.
  r = watch_page(bytes, {"", kPress}, {"li.comunicado", "sin-fecha"});
  REQUIRE(r.ok);
  CHECK(links(r) == std::vector<std::string>{"https://www.seguridad.example.gob/prensa/sin-fecha/linea-145"});
  // The aside is reachable when chosen.
  r = watch_page(bytes, {"", kPress}, {"aside", ""});
  REQUIRE(r.ok);
  CHECK(links(r) == std::vector<std::string>{"https://www.argentina.example.gob/trata"});
  CHECK(r.feed.entries[0].title == "Programa Nacional de Rescate");
}

TEST_CASE("page watch: a publications grid with image links, Read more and PDFs") {
  const std::string bytes = page("publications_grid.html");
  for (const PageWatch& w : {PageWatch{}, PageWatch{".publications .card", ""}, PageWatch{"div.card", ""}}) {
    CAPTURE(w.select);
    const auto r = watch_page(bytes, {"", kGrid}, w);
    REQUIRE(r.ok);
    CHECK(r.feed.title == "Publications — Hemispheric Anti-Slavery Observatory");
    REQUIRE(r.feed.entries.size() == 4);
    const auto& e = r.feed.entries;
    // The image link comes first; the heading's words name it, not "Read more".
    CHECK(e[0].link == "https://observatory.example.org/publications/forced-labour-fishing-2026");
    CHECK(e[0].title == "Forced Labour at Sea: Fishing Fleets of the South Atlantic");
    CHECK(e[0].published.time == day("2026-05-14"));
    CHECK(e[0].published.raw == "2026-05-14");
    CHECK(e[0].summary == "A survey of 312 crew members on distant-water vessels, with recommendations for flag and port states.");
    // "Download PDF (2.1 MB)" is named by the card's heading.
    CHECK(e[1].link == "https://observatory.example.org/media/reports/forced-labour-at-sea.pdf");
    CHECK(e[1].title == "Forced Labour at Sea: Fishing Fleets of the South Atlantic");
    // No heading: the image's alt text; <time datetime> with an offset.
    CHECK(e[2].link == "https://observatory.example.org/publications/child-trafficking-tourism");
    CHECK(e[2].title == "Child Trafficking and Tourism in the Caribbean");
    CHECK(e[2].published.time == day("2026-04-02T14:00:00Z"));
    // A card whose only link is "Download PDF": its title element, a date in its text.
    CHECK(e[3].link == "https://cdn.observatory.example.org/files/Annual-Report-2025.PDF");
    CHECK(e[3].title == "Annual Report 2025");
    CHECK(e[3].published.time == day("2026-03-03"));
  }
  // Only the PDFs, case-insensitively.
  const auto r = watch_page(bytes, {"", kGrid}, {"", "*.pdf"});
  REQUIRE(r.ok);
  CHECK(links(r) == std::vector<std::string>{"https://observatory.example.org/media/reports/forced-labour-at-sea.pdf",
                                             "https://cdn.observatory.example.org/files/Annual-Report-2025.PDF"});
}

TEST_CASE("page watch: page 1 of a paginated archive, with <base href>") {
  const auto r = watch_page(page("archive_page1.html"), {"", kArchive}, {});
  REQUIRE(r.ok);
  CHECK(r.feed.language == "pt-BR");
  // Pagination numbers, "Próxima »", rel=next, #fragments and ftp: are not entries; the
  // "#comentarios" link is the same document as its heading.
  REQUIRE(r.feed.entries.size() == 3);
  const auto& e = r.feed.entries;
  CHECK(e[0].link == "https://www.exemplo.gov.br/noticias/2026/03/operacao-resgata-trabalhadores/");
  CHECK(e[0].title == "Operação resgata 31 trabalhadores em condição análoga à escravidão");
  CHECK(e[0].published.time == day("2026-03-12"));
  CHECK(e[0].summary == "Auditores-fiscais encontraram alojamentos precários em carvoarias no interior do estado.");
  CHECK(e[1].link == "https://www.exemplo.gov.br/noticias/2026/02/campanha-coracao-azul/");
  CHECK(e[1].published.time == day("2026-02-27"));
  CHECK(e[1].summary == "Material em português, espanhol e crioulo haitiano será distribuído em rodoviárias.");
  CHECK(e[2].link == "https://www.exemplo.gov.br/publicacoes/relatorio-2025.pdf");
  CHECK(e[2].title == "Relatório anual de enfrentamento ao tráfico de pessoas 2025");
  CHECK(e[2].published.time == day("2026-02-01"));
  CHECK(e[2].summary.empty());
  // The same page fetched again gives the same keys: the same links are not new next time.
  const auto again = watch_page(page("archive_page1.html"), {"", kArchive}, {});
  REQUIRE(again.feed.entries.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(again.feed.entries[i].key == e[i].key);
}

TEST_CASE("page watch: a layout change is a failure a person sees") {
  const std::string bytes = page("press_releases_es.html");
  auto r = watch_page(bytes, {"", kPress}, {"div.listado-noticias", ""});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "the selector 'div.listado-noticias' matches nothing on the page; has the publisher changed its layout?");
  r = watch_page(bytes, {"", kPress}, {"", "*/noticias/*"});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "no link on the page matches '*/noticias/*'; has the publisher changed its layout?");
  r = watch_page(bytes, {"", kPress}, {"h1", ""});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "the part of the page the selector 'h1' matches has no links to documents");
  r = watch_page(bytes, {"", kPress}, {"ul >", ""});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "bad selector 'ul >': the selector ends with a combinator");
}

TEST_CASE("page watch: hostile and broken pages") {
  SUBCASE("nothing, no body, no links") {
    CHECK(watch_page("", {"", kPress}, {}).error == "the page is empty");
    CHECK(watch_page("  \n ", {"", kPress}, {}).error == "the page is empty");
    CHECK(watch_page("<html><head><title>x</title></head></html>", {"", kPress}, {}).error == "the page has no links");
    CHECK(watch_page("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", {"", kPress}, {}).error == "not an HTML page: binary data");
  }
  SUBCASE("only javascript:, mailto:, fragments and navigation") {
    const auto r = watch_page(
        "<body><a href='javascript:alert(1)'>Informe</a><a href='mailto:a@b.org'>Escríbanos</a>"
        "<a href='#arriba'>Arriba</a><a href='  JavaScript:void(0)'>Otro</a><a href='/p?page=2'>2</a>"
        "<a href='/x' rel='next'>Más noticias</a><a href='data:text/html,hi'>Data</a></body>",
        {"", kPress}, {});
    CHECK_FALSE(r.ok);
    CHECK(r.error == "the page has no links to documents");
  }
  SUBCASE("broken HTML still gives its links, in the order a browser sees them") {
    const auto r = watch_page(
        "<ul><li><b><a href=/a>Informe <i>anual</b> 2025</a><li><a href='/b'>Segundo informe<p>"
        "<table><tr><td><a href=\"/c\">Tercer informe</table></ul><a href=\"/d\">Cuarto &amp; último",
        {"", "http://example.org/x/"}, {});
    REQUIRE(r.ok);
    CHECK(links(r) == std::vector<std::string>{"http://example.org/a", "http://example.org/b", "http://example.org/c",
                                               "http://example.org/d"});
    // HTML5's adoption agency splits the misnested link in two, as browsers do: " 2025" is a
    // second <a> to the same URL whose text alone looks like a page number.
    CHECK(r.feed.entries[0].title == "Informe anual");
    CHECK(r.feed.entries[3].title == "Cuarto & último");
  }
  SUBCASE("a huge page is read up to 10 MiB, its entries capped at 2000") {
    std::string big = "<!DOCTYPE html><body><ul>";
    for (int i = 0; big.size() < 11u * 1024 * 1024; ++i)
      big += "<li><a href='/doc/" + std::to_string(i) + "'>Documento número " + std::to_string(i) + "</a></li>";
    const auto r = watch_page(big, {"", "https://example.org/"}, {});
    REQUIRE(r.ok);
    CHECK(r.feed.entries.size() == 2000);
    CHECK(r.feed.entries[1999].link == "https://example.org/doc/1999");
    REQUIRE(r.feed.warnings.size() == 2);
    CHECK(r.feed.warnings[0] == "the page is larger than 10 MiB; only the first 10 MiB were read");
    CHECK(r.feed.warnings[1] == "the page has more than 2000 links; only the first 2000 are kept");
  }
  SUBCASE("nesting a hundred thousand deep is cut where browsers would have stopped long before") {
    std::string deep = "<ul><li><a href='/first'>Informe inicial</a></li></ul>";
    for (int i = 0; i < 3000; ++i) deep += "<li><p>";  // optional end tags: no nesting
    for (int i = 0; i < 100000; ++i) deep += "<div class='item'>";
    deep += "<a href='/deep'>Hondo</a>";
    const auto r = watch_page(deep, {"", "https://example.org/"}, {});
    CAPTURE(r.error);
    REQUIRE(r.ok);
    CHECK(links(r) == std::vector<std::string>{"https://example.org/first"});
    CHECK(r.feed.warnings == std::vector<std::string>{
                                 "the page nests its elements more than 2048 deep; only what comes before was read"});
    // Under the limit, a deep page is read whole; selectors stay linear in its depth.
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += "<div class='item'>";
    nested += "<a href='/deep'>Hondo</a>";
    const auto d = watch_page(nested, {"", "https://example.org/"}, {"div div div a", ""});
    REQUIRE(d.ok);
    CHECK(d.feed.warnings.empty());
    CHECK(links(d) == std::vector<std::string>{"https://example.org/deep"});
  }
  SUBCASE("undeclared Windows-1252 bytes and a lying UTF-16 meta") {
    auto r = watch_page("<body><a href='/a'>Informe sobre \x93trata\x94 en Per\xFA</a>", {"", "https://e.org/"}, {});
    REQUIRE(r.ok);
    CHECK(r.feed.entries[0].title == "Informe sobre \u201ctrata\u201d en Perú");
    r = watch_page("<meta charset='utf-16'><body><a href='/a'>Tráfico</a>", {"", "https://e.org/"}, {});
    REQUIRE(r.ok);
    CHECK(r.feed.entries[0].title == "Tráfico");
    // The HTTP charset wins over <meta>.
    r = watch_page("<meta charset='utf-8'><body><a href='/a'>Tr\xE1" "fico</a>", {"iso-8859-1", "https://e.org/"}, {});
    REQUIRE(r.ok);
    CHECK(r.feed.entries[0].title == "Tráfico");
  }
}

TEST_CASE("page watch: URL patterns") {
  using atip::html::url_matches;
  CHECK(url_matches("*.pdf", "https://e.org/a/B.PDF"));
  CHECK_FALSE(url_matches("*.pdf", "https://e.org/a.pdf?x=1"));
  CHECK(url_matches("*.pdf*", "https://e.org/a.pdf?x=1"));
  CHECK(url_matches("https://e.org/*/2026/*", "https://e.org/news/2026/06/x"));
  CHECK_FALSE(url_matches("https://e.org/*/2026/*", "https://other.org/news/2026/06/x"));
  CHECK(url_matches("/publicaciones/", "https://e.org/es/publicaciones/informe"));
  CHECK_FALSE(url_matches("/publicaciones/", "https://e.org/es/noticias/informe"));
  CHECK(url_matches("**a**", "https://e.org/a"));
  // A pathological glob stays linear.
  CHECK_FALSE(url_matches("*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST_CASE("page watch: a card wrapped in one link, and a Bootstrap row of columns") {
  const auto r = watch_page(
      "<main><div class='row'>"
      "<div class='col-md-6'><a href='/informe-1'><div class='card'><h3>Informe uno</h3><p>12 de enero de 2026. "
      "Texto del primero.</p></div></a></div>"
      "<div class='col-md-6'><h3><a href='/informe-2'>Informe dos</a></h3><p>Texto del segundo.</p></div>"
      "</div></main>",
      {"", "https://e.org/"}, {});
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 2);
  CHECK(r.feed.entries[0].title == "Informe uno");
  CHECK(r.feed.entries[0].published.time == day("2026-01-12"));
  CHECK(r.feed.entries[0].summary == "Texto del primero.");
  // No item around the second link (.row is a line of columns, not an item): no date borrowed.
  CHECK(r.feed.entries[1].title == "Informe dos");
  CHECK_FALSE(r.feed.entries[1].published.time.has_value());
  CHECK(r.feed.entries[1].summary.empty());
}

TEST_CASE("page watch: an article's own <header> is content, the page's is chrome") {
  const auto r = watch_page(
      "<body><header><a href='/'>Inicio</a><a href='/contacto'>Contacto</a></header>"
      "<article><header><h2><a href='/noticia-1'>Primera noticia sobre trata</a></h2>"
      "<time datetime='2026-07-01'>1 jul</time></header><p>Resumen uno.</p>"
      "<footer><a href='/etiqueta/trata' rel='tag'>trata</a> <a href='/informe-2026'>Informe 2026</a></footer></article>"
      "<footer><a href='/privacidad'>Privacidad</a></footer></body>",
      {"", "https://e.org/"}, {});
  REQUIRE(r.ok);
  // A tag's archive (rel=tag) is no document; the article's footer is not its summary.
  CHECK(links(r) == std::vector<std::string>{"https://e.org/noticia-1", "https://e.org/informe-2026"});
  CHECK(r.feed.entries[0].published.time == day("2026-07-01"));
  CHECK(r.feed.entries[0].summary == "Resumen uno.");
}

TEST_CASE("page watch: link words that name no document") {
  using atip::html::is_generic_link_text;
  using atip::html::is_navigation_text;
  for (const char* nav : {"Siguiente »", "« Anterior", "Next", "2", "Página 3", "…", "»", "Próxima página",
                          "Ver más noticias", "More news", "Todas las publicaciones", "Voir tous les articles",
                          "Older posts", "Suivant"})
    CHECK_MESSAGE(is_navigation_text(nav), nav);
  for (const char* doc : {"Informe anual 2025", "Next steps against trafficking", "Más de 200 víctimas rescatadas",
                          "Todas las víctimas tienen derechos", "Leer más", "Informe inicial"})
    CHECK_FALSE_MESSAGE(is_navigation_text(doc), doc);
  for (const char* generic : {"Read more", "Leer más", "Ver más", "Saiba mais", "En savoir plus", "Lire la suite",
                              "Download PDF (2.1 MB)", "Descargar", "aquí"})
    CHECK_MESSAGE(is_generic_link_text(generic), generic);
  for (const char* title : {"Informe anual 2025", "Ver más allá de la frontera", "2025"})
    CHECK_FALSE_MESSAGE(is_generic_link_text(title), title);
}

TEST_CASE("page watch: dates written in the four languages") {
  using atip::html::find_date;
  std::string found;
  CHECK(find_date("Publié le 1er juin 2026 par la rédaction", &found) == day("2026-06-01"));
  CHECK(found == "1er juin 2026");
  CHECK(find_date("Publicado em 12 de março de 2026 às 10h") == day("2026-03-12"));
  CHECK(find_date("lunes, 3 de junio de 2026") == day("2026-06-03"));
  CHECK(find_date("Posted June 3rd, 2026") == day("2026-06-03"));
  CHECK(find_date("Updated 2026-06-03T10:00") == day("2026-06-03T10:00:00Z"));
  CHECK(find_date("1º de maio de 2026") == day("2026-05-01"));
  // Nothing that is not a whole date: a year, a month and a year, a numeric day/month.
  CHECK_FALSE(find_date("Informe 2025").has_value());
  CHECK_FALSE(find_date("junio de 2026").has_value());
  CHECK_FALSE(find_date("03/06/2026").has_value());
  CHECK_FALSE(find_date("").has_value());
}
