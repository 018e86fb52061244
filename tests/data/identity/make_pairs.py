#!/usr/bin/env python3
"""Writes pairs.jsonl, the labelled identity set of issue 5, from stories.py and the
templates below. Each pair is labelled by what it is (a syndicated copy of one article, or
two different events), as a cataloguer would, not by what atip decides.
Run: python3 tests/data/identity/make_pairs.py > tests/data/identity/pairs.jsonl"""
import datetime as dt
import hashlib
import json
import sys
import unicodedata

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from stories import STORIES, ARTICLES  # noqa: E402

PAIRS = []


def entry(lang, title, summary, link, published, doi=None):
    e = {"title": title, "summary": summary, "link": link, "published": published, "language": lang}
    if doi:
        e["doi"] = doi
    return e


def add(a, b, same, why):
    PAIRS.append({"a": a, "b": b, "same": same, "why": why})


def shift(iso, **delta):
    t = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ") + dt.timedelta(**delta)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def token(text):
    return hashlib.sha1(text.encode()).hexdigest()[:22]


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


PUBLISHER = {"elpais.com": "El País", "eltiempo.com": "El Tiempo", "gob.pe": "gob.pe",
             "infobae.com": "infobae", "pagina12.com.ar": "Página 12", "prensalibre.com": "Prensa Libre",
             "biobiochile.cl": "BioBioChile", "nacion.com": "La Nación", "diariolibre.com": "Diario Libre",
             "lostiempos.com": "Los Tiempos", "primicias.ec": "Primicias", "laprensa.hn": "La Prensa de Honduras",
             "abc.com.py": "ABC Color", "milenio.com": "Milenio", "cbc.ca": "CBC News", "unodc.org": "UNODC",
             "dhs.gov": "Homeland Security", "jis.gov.jm": "Jamaica Information Service",
             "justice.gov": "Department of Justice", "ilo.org": "International Labour Organization",
             "newsday.co.tt": "Trinidad and Tobago Newsday", "guyanachronicle.com": "Guyana Chronicle",
             "insightcrime.org": "InSight Crime", "news.un.org": "UN News",
             "breakingbelizenews.com": "Breaking Belize News", "nationnews.com": "Nation News",
             "g1.globo.com": "g1", "agenciabrasil.ebc.com.br": "Agência Brasil", "gov.br": "Gov.br",
             "folha.uol.com.br": "Folha de S.Paulo", "brasildefato.com.br": "Brasil de Fato",
             "metropoles.com": "Metrópoles", "senado.leg.br": "Agência Senado",
             "correiobraziliense.com.br": "Correio Braziliense", "lenouvelliste.com": "Le Nouvelliste",
             "radio-canada.ca": "Radio-Canada.ca", "canada.ca": "Canada.ca",
             "francetvinfo.fr": "Guyane la 1ère", "ledevoir.com": "Le Devoir", "lapresse.ca": "La Presse",
             "apnews.com": "AP News", "prensa.com": "La Prensa Panamá", "gub.uy": "Presidencia",
             "thenassauguardian.com": "The Nassau Guardian", "laprensagrafica.com": "La Prensa Gráfica"}

AGGREGATOR = {"es": ("Yahoo Noticias", "https://es-us.noticias.yahoo.com/"),
              "en": ("MSN", "https://www.msn.com/en-us/news/world/"),
              "pt": ("Terra", "https://www.terra.com.br/noticias/"),
              "fr": ("Yahoo Actualités", "https://fr.news.yahoo.com/")}
SYNDICATOR = {"es": "https://www.swissinfo.ch/spa/", "en": "https://www.yahoo.com/news/",
              "pt": "https://noticias.uol.com.br/ultimas-noticias/", "fr": "https://www.msn.com/fr-ca/actualites/"}


def publisher(link):
    host = link.split("/")[2]
    for h, name in PUBLISHER.items():
        if host.endswith(h):
            return name
    return host


def slug(link):
    parts = [p for p in link.split("?")[0].split("/") if p]
    return parts[-1].split(".")[0]


def syndicated_link(lang, link, n):
    return f"{SYNDICATOR[lang]}{slug(link)}-{n}"


def same_work_pairs():
    for i, (lang, title, summary, link, date) in enumerate(STORIES):
        a = entry(lang, title, summary, link, date)
        pub = publisher(link)
        gnews = f"https://news.google.com/rss/articles/CBMi{token(link)}?oc=5"
        if i % 2 == 0:
            add(a, entry(lang, f"{title} - {pub}", f"{title}  {pub}", gnews, shift(date, hours=2)), True,
                "Google News copy: publisher suffix after ' - ', Google link")
        else:
            name, base = AGGREGATOR[lang]
            add(a, entry(lang, f"{title} | {name}", summary, base + slug(link), shift(date, days=1)), True,
                "aggregator repost with ' | ' suffix")
        k = i % 3
        if k == 0:
            sep = "&" if "?" in link else "?"
            add(a, entry(lang, title, summary, f"{link}{sep}utm_source=rss&utm_medium=rss&utm_campaign={slug(link)[:20]}",
                         shift(date, minutes=30)), True, "same link with utm_* tracking parameters")
        elif k == 1:
            alt = link.replace("https://", "http://").replace("://www.", "://")
            if alt == link:
                alt = link.replace("https://", "http://www.")
            alt = alt.rstrip("/") if alt.endswith("/") else alt + "#comments"
            add(a, entry(lang, f"{title} – {pub}", summary[:120], alt, date), True,
                "http vs https, www, trailing slash or fragment")
        else:
            add(a, entry(lang, title, summary[:90] + " ...",
                         f"https://www.google.com/url?rct=j&sa=t&url={link}&ct=ga&cd=CAEYACoTNjE&usg=AOvVaw3x", None),
                True, "Google Alerts redirect wrapper, undated")
        k = i % 5
        if k == 0:
            add(a, entry(lang, title, summary, syndicated_link(lang, link, 1), shift(date, days=6)), True,
                "repost by another outlet six days later")
        elif k == 1:
            add(a, entry(lang, title.upper(), summary, syndicated_link(lang, link, 2), shift(date, hours=5)), True,
                "title in capitals")
        elif k == 2:
            add(a, entry(lang, strip_accents(title), strip_accents(summary), syndicated_link(lang, link, 3),
                         shift(date, days=1)), True, "accents dropped by the syndicator")
        elif k == 3:
            t = title.replace("'", "\u2019").replace(": ", " \u2014 ").replace("; ", ", ")
            add(a, entry(lang, t, summary, syndicated_link(lang, link, 4), shift(date, hours=9)), True,
                "typographic quotes and dashes")
        else:
            add(a, entry(lang, title, summary, syndicated_link(lang, link, 5), shift(date, days=14)), True,
                "repost two weeks later")
        k = i % 4
        if k == 0:
            add(a, entry("", f"{title} - {pub}", "", syndicated_link(lang, link, 6), None), True,
                "undated copy without language, publisher suffix")
        elif k == 1:
            add(a, entry(lang, title, summary, syndicated_link(lang, link, 7), shift(date, days=-1)), True,
                "syndicated copy published a day earlier (time zones)")
        elif k == 2:
            t = title[0].lower() + title[1:]
            add(a, entry(lang, t + ".", summary, syndicated_link(lang, link, 8), shift(date, days=3)), True,
                "case and final full stop changed")
        else:
            section = {"es": "Internacional", "en": "World News", "pt": "Cotidiano", "fr": "Société"}[lang]
            add(a, entry(lang, f"{title} | {section} | {pub}", summary, syndicated_link(lang, link, 9),
                         shift(date, days=2)), True, "section and publisher segments")


def doi_pairs():
    for i, (lang, title, summary, link, doi, date) in enumerate(ARTICLES):
        a = entry(lang, title, summary, link, date)
        add(a, entry(lang, title, summary, f"https://doi.org/{doi.upper() if i % 2 else doi}", shift(date, days=2)),
            True, "publisher link vs doi.org link")
        short = title.split(":")[0]
        add(a, entry(lang, short, f"{summary} DOI: {doi}.", f"https://www.researchgate.net/publication/{38000000 + i}",
                     shift(date, days=30)), True, "DOI in the abstract, title without subtitle, a month later")
        add(a, entry(lang, title.lower(), summary[:100], f"https://scholar.archive.org/work/{token(doi)}",
                     None, doi=f"doi:{doi}"), True, "dc:identifier doi: value, undated")


def iso(y, m, d, h=12):
    return f"{y:04d}-{m:02d}-{d:02d}T{h:02d}:00:00Z"


# Hand-picked hard cases: (same, why, (lang, title, summary, link, published) twice).
HARD = [
 (True, "ReliefWeb copy without the agency prefix",
  ("en", "UNODC: Child trafficking victims rise sharply in Central America and the Caribbean", "", "https://www.unodc.org/unodc/en/press/releases/2026/February/child-trafficking-victims-rise-central-america.html", "2026-02-18T09:00:00Z"),
  ("en", "Child trafficking victims rise sharply in Central America and the Caribbean", "", "https://reliefweb.int/report/world/child-trafficking-victims-rise-sharply-central-america-and-caribbean", "2026-02-19T10:00:00Z")),
 (True, "number written in words by one outlet, preposition dropped",
  ("es", "Rescatan a 12 víctimas de trata en Chiapas; hay tres detenidos", "", "https://elpais.com/mexico/2026-03-14/rescatan-a-12-victimas-de-trata-en-chiapas.html", "2026-03-14T16:20:00Z"),
  ("es", "Rescatan 12 víctimas de trata en Chiapas; hay 3 detenidos", "", "https://www.swissinfo.ch/spa/rescatan-12-victimas-chiapas/8812345", "2026-03-14T19:00:00Z")),
 (True, "Google News title truncated with an ellipsis",
  ("es", "Colombia desarticula red de explotación sexual que operaba en Medellín y Cartagena", "", "https://www.eltiempo.com/justicia/investigacion/red-de-explotacion-sexual-medellin-cartagena-3312345", "2026-02-03T13:05:00Z"),
  ("es", "Colombia desarticula red de explotación sexual que operaba en Medellín y…", "", "https://news.google.com/rss/articles/CBMiXyZ12345", "2026-02-03T14:00:00Z")),
 (True, "state abbreviated by the syndicator",
  ("pt", "Operação resgata 27 vítimas de trabalho análogo à escravidão em fazenda de Mato Grosso", "", "https://g1.globo.com/mt/mato-grosso/noticia/2026/03/10/operacao-resgata-27-vitimas-de-trabalho-escravo.ghtml", "2026-03-10T13:40:00Z"),
  ("pt", "Operação resgata 27 vítimas de trabalho análogo à escravidão em fazenda de MT", "", "https://www.olharjuridico.com.br/noticias/exibir.asp?id=51234", "2026-03-11T08:00:00Z")),
 (True, "regional prefix dropped by the syndicator",
  ("fr", "Québec : un homme accusé de proxénétisme et de traite de personnes à Laval", "", "https://ici.radio-canada.ca/nouvelle/2101234/laval-accuse-proxenetisme-traite-personnes", "2026-04-12T23:00:00Z"),
  ("fr", "Un homme accusé de proxénétisme et de traite de personnes à Laval", "", "https://www.msn.com/fr-ca/actualites/quebec/un-homme-accuse-de-proxenetisme/ar-BB1kq", "2026-04-13T09:00:00Z")),
 (True, "(VIDEO) appended",
  ("es", "Perú aprueba nueva Política Nacional frente a la Trata de Personas al 2030", "", "https://www.gob.pe/institucion/mininter/noticias/998877-peru-aprueba-nueva-politica-nacional-frente-a-la-trata", "2026-01-22T15:00:00Z"),
  ("es", "Perú aprueba nueva Política Nacional frente a la Trata de Personas al 2030 (VIDEO)", "", "https://www.tvperu.gob.pe/noticias/nacionales/peru-aprueba-politica-trata-video", "2026-01-22T20:00:00Z")),
 (True, "Title Case by the syndicator",
  ("en", "Texas man sentenced to 30 years for sex trafficking of minors", "", "https://www.justice.gov/usao-sdtx/pr/texas-man-sentenced-30-years-sex-trafficking-minors", "2026-04-24T19:00:00Z"),
  ("en", "Texas Man Sentenced to 30 Years for Sex Trafficking of Minors", "", "https://www.yahoo.com/news/texas-man-sentenced-30-years-191500123.html", "2026-04-25T02:00:00Z")),
 (True, "topic prefix dropped and number spelled out",
  ("es", "Tráfico de migrantes: detienen en Tijuana a 'coyote' buscado por la muerte de 9 personas", "", "https://www.milenio.com/policia/trafico-de-migrantes-detienen-en-tijuana-a-coyote", "2026-11-02T07:50:00Z"),
  ("es", "Detienen en Tijuana a 'coyote' buscado por la muerte de nueve personas", "", "https://www.elimparcial.com/tijuana/policiaca/detienen-coyote-muerte-nueve-personas-20261102-0012.html", "2026-11-02T12:00:00Z")),
 (False, "spelled-out number and another state",
  ("es", "Rescatan a 12 víctimas de trata en Chiapas", "", "https://www.eluniversal.com.mx/estados/rescatan-12-victimas-chiapas", "2026-03-14T10:00:00Z"),
  ("es", "Rescatan a doce víctimas de trata en Oaxaca", "", "https://www.eluniversal.com.mx/estados/rescatan-doce-victimas-oaxaca", "2026-03-16T10:00:00Z")),
 (False, "second and third editions of a regional report",
  ("en", "Second regional report on migrant smuggling in the Americas", "", "https://www.oas.org/en/reports/smuggling-second", "2026-05-01T10:00:00Z"),
  ("en", "Third regional report on migrant smuggling in the Americas", "", "https://www.oas.org/en/reports/smuggling-third", "2026-05-15T10:00:00Z")),
 (False, "parts I and II of one seminar",
  ("es", "Seminario internacional sobre trata de personas en las Américas - Parte I", "", "https://www.youtube.com/watch?v=aB3dE5fG7h1", "2026-06-03T15:00:00Z"),
  ("es", "Seminario internacional sobre trata de personas en las Américas - Parte II", "", "https://www.youtube.com/watch?v=Zx9Yw8Vu7t2", "2026-06-03T18:00:00Z")),
 (False, "executive summary and full report",
  ("es", "Informe anual sobre trata de personas - resumen ejecutivo", "", "https://www.gob.mx/segob/documentos/informe-anual-trata-resumen", "2026-07-20T10:00:00Z"),
  ("es", "Informe anual sobre trata de personas", "", "https://www.gob.mx/segob/documentos/informe-anual-trata", "2026-07-20T10:00:00Z")),
 (False, "country chapters of one report",
  ("en", "Trafficking in Persons Report - Mexico", "", "https://www.state.gov/reports/2026-tip-report/mexico/", "2026-06-24T10:00:00Z"),
  ("en", "Trafficking in Persons Report - Brazil", "", "https://www.state.gov/reports/2026-tip-report/brazil/", "2026-06-24T10:00:00Z")),
 (False, "two reports of the Special Rapporteur with one title (HRC and General Assembly)",
  ("en", "Report of the Special Rapporteur on trafficking in persons, especially women and children",
   "Report A/HRC/62/34 to the Human Rights Council, on the protection of victims of trafficking in agricultural supply chains.",
   "https://www.ohchr.org/en/documents/thematic-reports/ahrc6234-report-special-rapporteur", "2026-07-02T10:00:00Z"),
  ("en", "Report of the Special Rapporteur on trafficking in persons, especially women and children",
   "Report A/81/187 to the General Assembly, on trafficking for forced criminality in online scam centres.",
   "https://www.ohchr.org/en/documents/thematic-reports/a81187-report-special-rapporteur", "2026-07-20T10:00:00Z")),
 (False, "recordings of two sessions of one webinar series, same title",
  ("en", "Webinar: Trauma-informed interviewing of trafficking survivors",
   "Recording of session 1, held on 3 March 2026, with prosecutors from Colombia and Peru.",
   "https://www.oas.org/en/webinars/trauma-informed-interviewing-session-1", "2026-03-04T10:00:00Z"),
  ("en", "Webinar: Trauma-informed interviewing of trafficking survivors",
   "Recording of session 2, held on 17 March 2026, with prosecutors from Colombia and Peru.",
   "https://www.oas.org/en/webinars/trauma-informed-interviewing-session-2", "2026-03-18T10:00:00Z")),
 (False, "one alert title used by two police forces in two countries",
  ("es", "Alerta: nueva modalidad de captación mediante falsas ofertas de empleo en redes sociales",
   "La Policía Nacional del Perú advierte que redes criminales ofrecen trabajos de modelaje en Lima para captar a adolescentes.",
   "https://www.gob.pe/institucion/pnp/noticias/alerta-nueva-modalidad-de-captacion", "2026-05-02T10:00:00Z"),
  ("es", "Alerta: nueva modalidad de captación mediante falsas ofertas de empleo en redes sociales",
   "Migración Colombia pide a los viajeros desconfiar de contratos para trabajar en bares de Asia enviados por WhatsApp.",
   "https://www.migracioncolombia.gov.co/noticias/alerta-nueva-modalidad-captacion", "2026-05-12T10:00:00Z")),
 (False, "same headline in two countries on one day",
  ("es", "Desarticulan red de trata que captaba mujeres por Facebook",
   "La Policía de Bolivia aprehendió a cuatro personas en El Alto que ofrecían empleo como niñeras en Argentina.",
   "https://www.opinion.com.bo/articulo/policial/desarticulan-red-trata-captaba-mujeres-facebook/2026", "2026-08-19T10:00:00Z"),
  ("es", "Desarticulan red de trata que captaba mujeres por Facebook",
   "Fiscales de Honduras capturaron en San Pedro Sula a tres hombres que enviaban a jóvenes a bares de Guatemala.",
   "https://www.elheraldo.hn/honduras/desarticulan-red-trata-captaba-mujeres-facebook", "2026-08-19T18:00:00Z")),
 (True, "agency story on two sites, one with a shortened lead",
  ("es", "Desarticulan red de trata que captaba mujeres por Facebook",
   "La Policía de Bolivia aprehendió a cuatro personas en El Alto que ofrecían empleo como niñeras en Argentina, informó el comandante departamental.",
   "https://www.opinion.com.bo/articulo/policial/desarticulan-red-trata-captaba-mujeres-facebook/2026", "2026-08-19T10:00:00Z"),
  ("es", "Desarticulan red de trata que captaba mujeres por Facebook",
   "La Policía de Bolivia aprehendió a cuatro personas en El Alto que ofrecían empleo como niñeras...",
   "https://www.swissinfo.ch/spa/desarticulan-red-de-trata/88123456", "2026-08-19T13:00:00Z")),
 (True, "Google News copy of a short title, summary is title and source",
  ("en", "Jamaica launches human trafficking hotline",
   "The National Task Force Against Trafficking in Persons said the toll-free line will be staffed around the clock.",
   "https://jis.gov.jm/jamaica-launches-human-trafficking-hotline/", "2026-01-29T14:30:00Z"),
  ("en", "Jamaica launches human trafficking hotline - Jamaica Information Service",
   "Jamaica launches human trafficking hotline  Jamaica Information Service",
   "https://news.google.com/rss/articles/CBMiJamaicaHotline01?oc=5", "2026-01-29T16:00:00Z")),
 (False, "news story about a study, citing its DOI, and the study itself",
  ("en", "Study finds debt bondage widespread among Haitian farm workers in the Dominican Republic",
   "Interviews with 60 workers show advance payments and company stores used to control labourers, according to the article (doi:10.1086/729876).",
   "https://www.insightcrime.org/news/study-debt-bondage-haitian-farm-workers/", "2026-11-03T12:00:00Z"),
  ("en", "Debt bondage among Haitian agricultural workers in the Dominican Republic",
   "Drawing on 60 interviews, the article documents advance payments and company stores as mechanisms of control.",
   "https://www.journals.uchicago.edu/doi/10.1086/729876", "2026-11-01T00:00:00Z")),
 (False, "two news stories citing one study",
  ("es", "Estudio revela servidumbre por deudas entre jornaleros haitianos en República Dominicana",
   "La investigación, publicada con el DOI 10.1086/729876, se basa en 60 entrevistas en bateyes del este del país.",
   "https://www.diariolibre.com/actualidad/estudio-servidumbre-deudas-jornaleros-haitianos", "2026-11-04T12:00:00Z"),
  ("es", "Jornaleros haitianos, atrapados por deudas en los bateyes: lo que dice un nuevo estudio",
   "El artículo académico (https://doi.org/10.1086/729876) documenta anticipos salariales y tiendas de la empresa.",
   "https://www.listindiario.com/la-republica/jornaleros-haitianos-atrapados-por-deudas", "2026-11-06T12:00:00Z")),
]


def hard_pairs():
    for same, why, a, b in HARD:
        add(entry(*a), entry(*b), same, why)


if __name__ == "__main__":
    same_work_pairs()
    doi_pairs()
    hard_pairs()
    import different  # noqa: E402
    different.add_all(add, entry, shift, iso)
    for p in PAIRS:
        print(json.dumps(p, ensure_ascii=False))
