"""Different-work pairs of the identity set: near-identical titles of different events,
report series, translations, bulletins, editions a year apart, generic titles, unrelated."""

# (lang, title template, summary template, link template, [(number, place), …])
EVENT_TEMPLATES = [
 ("es", "Rescatan a {n} víctimas de trata en {p}",
  "Elementos de la Fiscalía liberaron a {n} personas que eran explotadas en un inmueble de {p}.",
  "https://www.eluniversal.com.mx/estados/rescatan-{n}-victimas-trata-{s}",
  [(12, "Chiapas"), (15, "Oaxaca"), (12, "Oaxaca"), (15, "Chiapas"), (9, "Puebla"), (11, "Veracruz")]),
 ("es", "Detienen a {n} presuntos tratantes en operativo en {p}",
  "La Guardia Nacional y la fiscalía estatal realizaron cateos simultáneos en {p}; {n} personas quedaron detenidas.",
  "https://www.milenio.com/policia/detienen-{n}-presuntos-tratantes-{s}",
  [(3, "Tlaxcala"), (5, "Tlaxcala"), (3, "Jalisco"), (7, "Nuevo León"), (4, "Quintana Roo")]),
 ("es", "Migración rescata a {n} migrantes abandonados en un tráiler en {p}",
  "Entre los {n} migrantes había niñas y niños no acompañados de Guatemala y Honduras.",
  "https://www.jornada.com.mx/noticia/2026/migracion-rescata-{n}-migrantes-{s}",
  [(130, "Veracruz"), (143, "Veracruz"), (130, "Coahuila"), (98, "Chiapas"), (201, "Tabasco")]),
 ("pt", "Operação resgata {n} trabalhadores em condição análoga à escravidão em {p}",
  "A fiscalização encontrou {n} pessoas em alojamentos precários em {p}.",
  "https://g1.globo.com/economia/noticia/2026/operacao-resgata-{n}-trabalhadores-{s}.ghtml",
  [(27, "Mato Grosso"), (31, "Pará"), (27, "Goiás"), (31, "Mato Grosso"), (56, "Minas Gerais"), (18, "Bahia")]),
 ("pt", "PF prende {n} suspeitos de tráfico de pessoas em {p}",
  "A Polícia Federal cumpriu mandados em {p}; {n} suspeitos foram presos.",
  "https://agenciabrasil.ebc.com.br/justica/noticia/2026/pf-prende-{n}-suspeitos-{s}",
  [(6, "São Paulo"), (8, "São Paulo"), (6, "Fortaleza"), (3, "Manaus")]),
 ("en", "Operation rescues {n} victims of labor trafficking in {p}",
  "Federal and state agents rescued {n} workers from a farm in {p}, officials said.",
  "https://www.example-news.com/2026/operation-rescues-{n}-victims-{s}",
  [(27, "Mato Grosso"), (31, "Pará"), (12, "Georgia"), (14, "Florida")]),
 ("en", "{n} charged in sex trafficking ring operating in {p}",
  "Prosecutors in {p} unsealed an indictment against {n} defendants accused of running a trafficking ring.",
  "https://www.justice.gov/usao/pr/{n}-charged-sex-trafficking-ring-{s}",
  [(6, "Houston"), (9, "Houston"), (6, "Atlanta"), (11, "Phoenix"), (4, "Las Vegas")]),
 ("en", "Border Patrol agents apprehend {n} migrants in smuggling attempt near {p}",
  "Agents found {n} migrants concealed in a tractor-trailer near {p}.",
  "https://www.cbp.gov/newsroom/local-media-release/agents-apprehend-{n}-migrants-{s}",
  [(44, "Laredo"), (52, "Laredo"), (44, "El Paso"), (38, "Del Rio")]),
 ("fr", "Haïti : {n} enfants victimes de traite pris en charge à {p}",
  "Les {n} enfants ont été confiés à l'IBESR après leur interception à {p}.",
  "https://lenouvelliste.com/article/2026/{n}-enfants-victimes-de-traite-{s}",
  [(17, "Ouanaminthe"), (23, "Ouanaminthe"), (17, "Belladère"), (9, "Malpasse")]),
 ("fr", "Québec : {n} accusations de traite de personnes déposées contre un homme de {p}",
  "Le suspect de {p} fait face à {n} chefs d'accusation, dont proxénétisme et traite de personnes.",
  "https://ici.radio-canada.ca/nouvelle/2026/{n}-accusations-traite-{s}",
  [(8, "Laval"), (12, "Laval"), (8, "Gatineau"), (5, "Sherbrooke")]),
]

# Titles that differ only by a place: different events (lang, template, link template, places).
PLACE_TEMPLATES = [
 ("es", "Capacitan a servidores públicos de {p} en la detección de víctimas de trata",
  "https://www.gob.mx/segob/prensa/capacitan-servidores-publicos-{s}", ["Jalisco", "Sonora", "Yucatán", "Guerrero"]),
 ("es", "Instalan comité estatal contra la trata de personas en {p}",
  "https://www.excelsior.com.mx/nacional/instalan-comite-trata-{s}", ["Zacatecas", "Durango", "Campeche"]),
 ("pt", "Polícia Federal deflagra operação contra tráfico internacional de pessoas em {p}",
  "https://agenciabrasil.ebc.com.br/geral/noticia/2026/pf-operacao-trafico-{s}", ["Goiânia", "Recife", "Belém", "Curitiba"]),
 ("en", "IOM opens new migrant resource centre in {p}",
  "https://www.iom.int/news/iom-opens-new-migrant-resource-centre-{s}", ["Tapachula", "Quito", "Boa Vista", "Georgetown"]),
 ("fr", "Démantèlement d'un réseau de passeurs à {p}",
  "https://la1ere.francetvinfo.fr/demantelement-reseau-passeurs-{s}", ["Saint-Laurent-du-Maroni", "Cayenne", "Pointe-à-Pitre"]),
 ("en", "Human trafficking awareness training held for hotel workers in {p}",
  "https://www.loopnews.com/content/trafficking-training-hotel-workers-{s}", ["Montego Bay", "Negril", "Bridgetown", "Nassau"]),
]

# Report series: (lang, title template, link template, years, month).
SERIES = [
 ("en", "Global Report on Trafficking in Persons {y}", "https://www.unodc.org/unodc/en/data-and-analysis/glotip-{y}.html", [2022, 2024, 2026], 12),
 ("en", "Trafficking in Persons Report {y}", "https://www.state.gov/reports/{y}-trafficking-in-persons-report/", [2024, 2025, 2026], 6),
 ("es", "Informe Mundial sobre la Trata de Personas {y}", "https://www.unodc.org/unodc/es/data-and-analysis/glotip-{y}.html", [2024, 2026], 12),
 ("pt", "Relatório Nacional sobre Tráfico de Pessoas: dados de {y}", "https://www.gov.br/mj/pt-br/relatorio-trafico-{y}", [2023, 2024, 2025], 8),
 ("fr", "Rapport annuel {y} sur la traite des personnes au Canada", "https://www.securitepublique.gc.ca/rapport-traite-{y}", [2024, 2025], 3),
 ("es", "Informe anual {y} de la Comisión Intersecretarial contra la Trata de Personas", "https://www.gob.mx/segob/documentos/informe-anual-{y}", [2024, 2025], 7),
 ("en", "Counter Trafficking Data Collaborative annual data update {y}", "https://www.ctdatacollaborative.org/data-update-{y}", [2025, 2026], 9),
]

# Bulletins: (lang, title template, link template, numbers, days between issues)
BULLETINS = [
 ("en", "Weekly bulletin No. {n}", "https://www.iom.int/weekly-bulletin-{n}", [45, 46, 47], 7),
 ("es", "Boletín semanal de movilidad humana N.º {n}", "https://www.r4v.info/es/boletin-{n}", [12, 13, 14], 7),
 ("pt", "Boletim informativo nº {n} do Observatório do Tráfico de Pessoas", "https://www.gov.br/observatorio/boletim-{n}", [8, 9], 14),
 ("fr", "Bulletin d'information n° {n} – Table de concertation sur la traite", "https://www.tcpq.ca/bulletin-{n}", [31, 32], 14),
 ("es", "Boletín Trata de Personas: edición {n}", "https://www.oas.org/boletin-trata-{n}", [3, 4], 10),
]
DATED_BULLETINS = [
 ("es", "Boletín semanal de migración - {d} de marzo de 2026", "https://www.migracion.gob.pa/boletin-{d}-marzo", [3, 10, 17]),
 ("en", "Migration Situation Report: {d} April 2026", "https://reliefweb.int/report/sitrep-{d}-april-2026", [4, 11, 18]),
 ("fr", "Point de situation humanitaire en Haïti – {d} juin 2026", "https://reliefweb.int/report/haiti/point-situation-{d}-juin", [5, 12]),
]
MONTHLY = [
 ("en", "Monthly Migration Update: {m} 2026", ["January", "February", "March"]),
 ("es", "Actualización mensual sobre trata de personas – {m} 2026", ["enero", "febrero", "marzo"]),
 ("pt", "Informe mensal de fiscalização do trabalho escravo – {m} de 2026", ["janeiro", "fevereiro"]),
]

# Same title, published more than a year apart: yearly events and re-editions.
YEARLY = [
 ("en", "World Day against Trafficking in Persons: message from the UNODC Executive Director", 7, 30),
 ("es", "Día Mundial contra la Trata de Personas: mensaje del Secretario General de la OEA", 7, 30),
 ("pt", "Dia Nacional de Enfrentamento ao Tráfico de Pessoas é marcado com ações em todo o país", 7, 30),
 ("fr", "Journée mondiale de la lutte contre la traite d'êtres humains : message du Secrétaire général", 7, 30),
 ("es", "Campaña Corazón Azul contra la trata de personas llega a escuelas de todo el país", 9, 23),
 ("en", "National Human Trafficking Prevention Month: resources for service providers", 1, 2),
 ("en", "Guide for front-line workers on identifying victims of trafficking in persons", 3, 15),
 ("es", "Guía para la identificación de víctimas de trata de personas en fronteras", 5, 4),
 ("pt", "Cartilha sobre tráfico de pessoas para profissionais de saúde", 8, 20),
 ("fr", "Guide d'intervention auprès des victimes de traite des personnes à des fins d'exploitation sexuelle", 2, 22),
]

# Translations: the same work in two languages is two documents (editions).
TRANSLATIONS = [
 (("en", "Global Report on Trafficking in Persons 2026", "https://www.unodc.org/unodc/en/data-and-analysis/glotip.html"),
  ("es", "Informe Mundial sobre la Trata de Personas 2026", "https://www.unodc.org/unodc/es/data-and-analysis/glotip.html")),
 (("en", "IOM launches new counter-trafficking toolkit for the Caribbean", "https://www.iom.int/news/toolkit-caribbean"),
  ("es", "La OIM lanza nueva guía contra la trata para el Caribe", "https://www.iom.int/es/news/guia-caribe")),
 (("en", "IOM launches new counter-trafficking toolkit for the Caribbean", "https://www.iom.int/news/toolkit-caribbean"),
  ("fr", "L'OIM lance une nouvelle boîte à outils contre la traite pour les Caraïbes", "https://www.iom.int/fr/news/boite-outils-caraibes")),
 (("en", "Trafficking in Persons Report 2026: Brazil", "https://www.state.gov/reports/2026-tip-report/brazil/"),
  ("pt", "Relatório sobre Tráfico de Pessoas 2026: Brasil", "https://br.usembassy.gov/pt/relatorio-trafico-de-pessoas-2026/")),
 (("es", "Protocolo de Palermo: 25 años de lucha contra la trata de personas", "https://www.oas.org/es/centro_noticias/palermo-25.asp"),
  ("en", "Palermo Protocol: 25 years of fighting trafficking in persons", "https://www.oas.org/en/media_center/palermo-25.asp")),
 (("es", "CIDH presenta informe sobre movilidad humana en las Américas", "https://www.oas.org/es/cidh/prensa/comunicados/2026/045.asp"),
  ("en", "IACHR presents report on human mobility in the Americas", "https://www.oas.org/en/iachr/media_center/preleases/2026/045.asp")),
 (("en", "Forced labour in the Americas: regional estimates", "https://www.ilo.org/publications/forced-labour-americas"),
  ("es", "Trabajo forzoso en las Américas: estimaciones regionales", "https://www.ilo.org/es/publications/trabajo-forzoso-americas")),
 (("en", "Forced labour in the Americas: regional estimates", "https://www.ilo.org/publications/forced-labour-americas"),
  ("pt", "Trabalho forçado nas Américas: estimativas regionais", "https://www.ilo.org/pt/publications/trabalho-forcado-americas")),
 (("fr", "Stratégie nationale de lutte contre la traite des personnes 2026-2031", "https://www.securitepublique.gc.ca/fr/strategie-traite"),
  ("en", "National Strategy to Combat Human Trafficking 2026-2031", "https://www.publicsafety.gc.ca/en/strategy-trafficking")),
 (("es", "Trata de personas en Centroamérica: diagnóstico regional", "https://www.sica.int/documentos/trata-diagnostico"),
  ("en", "Trafficking in persons in Central America: regional assessment", "https://www.sica.int/documents/trafficking-assessment")),
 (("pt", "Guia de atendimento a vítimas de tráfico de pessoas", "https://www.unodc.org/lpo-brazil/pt/guia-atendimento.html"),
  ("es", "Guía de atención a víctimas de trata de personas", "https://www.unodc.org/ropan/es/guia-atencion.html")),
 (("en", "UNICEF: one in four migrants crossing the Darién is a child", "https://www.unicef.org/press-releases/darien-children"),
  ("es", "UNICEF: uno de cada cuatro migrantes que cruzan el Darién es un niño", "https://www.unicef.org/lac/comunicados-prensa/darien-ninos")),
 (("fr", "Haïti : l'OIM alerte sur la traite des enfants dans les camps de déplacés", "https://news.un.org/fr/story/2026/03/1150001"),
  ("en", "Haiti: IOM warns of child trafficking in displacement camps", "https://news.un.org/en/story/2026/03/1150002")),
 (("es", "Observatorio Latinoamericano sobre Trata y Tráfico de Personas: informe 2026", "https://observatoriolatrata.org/es/informe-2026"),
  ("pt", "Observatório Latino-Americano sobre Tráfico de Pessoas: relatório 2026", "https://observatoriolatrata.org/pt/relatorio-2026")),
 (("en", "Toolkit on migrant smuggling for prosecutors", "https://www.unodc.org/toolkit-smuggling-en"),
  ("fr", "Boîte à outils sur le trafic illicite de migrants pour les procureurs", "https://www.unodc.org/toolkit-smuggling-fr")),
]
# Titles left untranslated on the translated edition: identical text, different language.
SAME_TEXT_TRANSLATIONS = [
 ("CTDC Global Dataset 2026", "https://www.ctdatacollaborative.org/en/global-dataset-2026", "https://www.ctdatacollaborative.org/es/global-dataset-2026", "en", "es"),
 ("Blue Heart Campaign against Human Trafficking: annual highlights 2026", "https://www.unodc.org/blueheart/en/highlights-2026", "https://www.unodc.org/blueheart/es/highlights-2026", "en", "es"),
 ("Palermo Protocol at 25: regional dialogue in the Americas", "https://www.oas.org/en/palermo25-dialogue", "https://www.oas.org/pt/palermo25-dialogue", "en", "pt"),
 ("TRAFCAP: Trafficking and Capacity Building in Latin America", "https://www.trafcap.org/en/about-project", "https://www.trafcap.org/fr/about-project", "en", "fr"),
]

# Same people or case, different stage: different articles.
FOLLOW_UPS = [
 ("es", "Detienen en Monterrey a presunto tratante de mujeres venezolanas", "Vinculan a proceso en Monterrey a presunto tratante de mujeres venezolanas", 4),
 ("es", "Capturan en Bogotá a alias 'El Paisa', señalado de explotación sexual de menores", "Condenan en Bogotá a alias 'El Paisa' por explotación sexual de menores", 12),
 ("pt", "Polícia prende dono de fazenda suspeito de manter trabalhadores em condição análoga à escravidão em Minas", "Justiça solta dono de fazenda suspeito de manter trabalhadores em condição análoga à escravidão em Minas", 6),
 ("en", "Houston massage parlor owner arrested on human trafficking charges", "Houston massage parlor owner indicted on human trafficking charges", 10),
 ("en", "Florida labor contractor pleads guilty to forced labor of Mexican workers", "Florida labor contractor sentenced for forced labor of Mexican workers", 15),
 ("fr", "Laval : un homme arrêté pour traite de personnes et proxénétisme", "Laval : un homme libéré sous conditions après des accusations de traite de personnes", 3),
 ("es", "Guatemala abre juicio contra red de trata que operaba en Escuintla", "Guatemala cierra juicio contra red de trata que operaba en Escuintla", 18),
 ("en", "Canada adds 3 countries to forced labour import ban list", "Canada removes 3 countries from forced labour import ban list", 9),
]

GENERIC = [
 ("es", "Comunicado de prensa", "https://www.fiscalia.gob.ec/comunicado-{k}/"),
 ("en", "Press release", "https://www.ohchr.org/en/press-releases/item-{k}"),
 ("pt", "Nota à imprensa", "https://www.gov.br/mdh/pt-br/nota-{k}"),
 ("fr", "Communiqué de presse", "https://www.canada.ca/fr/communique-{k}.html"),
 ("es", "Nota informativa sobre trata de personas", "https://www.fiscalia.gob.sv/nota-{k}/"),
 ("en", "Statement on World Day against Trafficking", "https://www.state.gov/statement-{k}/"),
]
GENERIC_SUMMARIES = [
 ("La Fiscalía informa la detención de dos personas en Guayaquil por trata con fines de explotación laboral.",
  "La Fiscalía informa que obtuvo sentencia condenatoria contra un ciudadano por tráfico de migrantes en Huaquillas."),
 ("The High Commissioner welcomed the adoption of a new anti-trafficking law in Colombia.",
  "Experts urged the United States to end the detention of migrant children at the border."),
 ("O ministério esclarece informações sobre o atendimento a vítimas resgatadas em Roraima.",
  "O ministério divulga calendário de capacitações da rede de enfrentamento ao tráfico de pessoas."),
 ("Le ministre annonce un financement pour des refuges destinés aux survivantes de la traite.",
  "Le gouvernement dépose un projet de loi sur la protection des travailleurs étrangers temporaires."),
 ("La Fiscalía General de la República de El Salvador rescató a tres adolescentes en San Miguel.",
  "La Fiscalía presentó requerimiento contra cinco personas por trata de personas en Sonsonate."),
 ("Secretary's statement honouring survivors and recognising the work of civil society partners.",
  "Statement by the Ambassador-at-Large on new partnerships with Caribbean governments."),
]

# Articles whose titles are near-identical to another article but carry another DOI.
DOI_NEIGHBOURS = [
 ("en", "Labour trafficking in Brazil's sugarcane sector: evidence from inspection records", "10.1080/23322705.2026.2345671",
  "Corrigendum: Labour trafficking in Brazil's sugarcane sector: evidence from inspection records", "10.1080/23322705.2026.2399001"),
 ("en", "Online recruitment and sexual exploitation of adolescents in the Caribbean", "10.1007/s12117-026-09541-2",
  "Online recruitment and sexual exploitation of adolescents in the Caribbean: a reply to critics", "10.1007/s12117-026-09602-7"),
 ("en", "Measuring forced labour prevalence with network scale-up methods", "10.1111/imig.13401",
  "Measuring forced labour prevalence with network scale-up methods", "10.1111/imig.13555"),
 ("es", "Trata de personas y migración en la frontera sur de México", "10.22201/iij.24487872e.2026.1.18234",
  "Trata de personas y migración en la frontera sur de México", "10.21670/ref.2610099"),
]

UNRELATED_DATE = "2026-06-10T12:00:00Z"


def slugify(s):
    import unicodedata
    s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def add_events(add, entry, shift):
    for t, (lang, title, summary, link, variants) in enumerate(EVENT_TEMPLATES):
        made = [entry(lang, title.format(n=n, p=p), summary.format(n=n, p=p), link.format(n=n, s=slugify(p)),
                      shift("2026-03-02T10:00:00Z", days=t * 3 + i)) for i, (n, p) in enumerate(variants)]
        for i in range(len(made)):
            for j in range(i + 1, len(made)):
                if j - i <= 3 or (i == 0 and j == len(made) - 1):
                    add(made[i], made[j], False, "same press-release template, different number or place")


def add_places(add, entry, shift):
    for t, (lang, title, link, places) in enumerate(PLACE_TEMPLATES):
        made = [entry(lang, title.format(p=p), "", link.format(s=slugify(p)), shift("2026-05-04T09:00:00Z", days=t + i))
                for i, p in enumerate(places)]
        for i in range(len(made)):
            for j in range(i + 1, len(made)):
                add(made[i], made[j], False, "same template, different place")


def add_series(add, entry, iso):
    for lang, title, link, years, month in SERIES:
        made = [entry(lang, title.format(y=y), "", link.format(y=y), iso(y, month, 15)) for y in years]
        for i in range(len(made)):
            for j in range(i + 1, len(made)):
                add(made[i], made[j], False, "report series, different years")
        undated = [dict(m, published=None) for m in made[:2]]
        add(undated[0], undated[1], False, "report series, different years, undated")


def add_bulletins(add, entry, shift, iso):
    for lang, title, link, numbers, gap in BULLETINS:
        made = [entry(lang, title.format(n=n), "", link.format(n=n), shift("2026-02-02T08:00:00Z", days=gap * i))
                for i, n in enumerate(numbers)]
        for i in range(len(made) - 1):
            add(made[i], made[i + 1], False, "bulletin issues with different numbers")
        add(dict(made[0], published=None), dict(made[1], published=None), False, "undated bulletin issues")
    for lang, title, link, days in DATED_BULLETINS:
        made = [entry(lang, title.format(d=d), "", link.format(d=d), iso(2026, 3, d)) for d in days]
        for i in range(len(made) - 1):
            add(made[i], made[i + 1], False, "bulletins of different dates")
    for lang, title, months in MONTHLY:
        made = [entry(lang, title.format(m=m), "", "https://reliefweb.int/report/" + slugify(title.format(m=m)),
                      iso(2026, i + 2, 3)) for i, m in enumerate(months)]
        for i in range(len(made) - 1):
            add(made[i], made[i + 1], False, "monthly updates of different months")


def add_yearly(add, entry, shift, iso):
    for k, (lang, title, month, day) in enumerate(YEARLY):
        s = slugify(title)[:40]
        a = entry(lang, title, "", f"https://www.example.org/{lang}/2025/{s}", iso(2025, month, day))
        b = entry(lang, title, "", f"https://www.example.org/{lang}/2026/{s}", shift(iso(2026, month, day), days=k % 3))
        add(a, b, False, "same title, a year apart: different edition or event")


def add_translations(add, entry, iso):
    for k, ((la, ta, ua), (lb, tb, ub)) in enumerate(TRANSLATIONS):
        a = entry(la, ta, "", ua, iso(2026, 1 + k % 12, 10))
        b = entry(lb, tb, "", ub, iso(2026, 1 + k % 12, 10 + k % 3))
        add(a, b, False, "translation: editions are separate documents")
    for k, (title, ua, ub, la, lb) in enumerate(SAME_TEXT_TRANSLATIONS):
        a = entry(la, title, "", ua, iso(2026, 4 + k, 2))
        b = entry(lb, title, "", ub, iso(2026, 4 + k, 2))
        add(a, b, False, "translated edition whose title was left untranslated")


def add_follow_ups(add, entry, iso):
    for k, (lang, ta, tb, gap) in enumerate(FOLLOW_UPS):
        a = entry(lang, ta, "", f"https://www.example-noticias.com/{slugify(ta)[:50]}", iso(2026, 3 + k % 6, 1))
        b = entry(lang, tb, "", f"https://www.example-noticias.com/{slugify(tb)[:50]}", iso(2026, 3 + k % 6, 1 + gap))
        add(a, b, False, "same case, another stage: a different article")


def add_generic(add, entry, iso):
    for k, ((lang, title, link), (sa, sb)) in enumerate(zip(GENERIC, GENERIC_SUMMARIES)):
        a = entry(lang, title, sa, link.format(k=100 + k), iso(2026, 5, 5 + k, 9))
        b = entry(lang, title, sb, link.format(k=200 + k), iso(2026, 5, 5 + k, 17))
        add(a, b, False, "generic title, different statements on the same day")


def add_doi_neighbours(add, entry, iso):
    for k, (lang, ta, da, tb, db) in enumerate(DOI_NEIGHBOURS):
        a = entry(lang, ta, "", f"https://doi.org/{da}", iso(2026, 9, 1 + k))
        b = entry(lang, tb, "", f"https://doi.org/{db}", iso(2026, 9, 8 + k))
        add(a, b, False, "another article with its own DOI (corrigendum, reply, namesake)")


def add_unrelated(add, entry):
    from stories import STORIES
    by_lang = {}
    for s in STORIES:
        by_lang.setdefault(s[0], []).append(s)
    for lang, items in sorted(by_lang.items()):
        for i in range(0, len(items) - 1, 2):
            a, b = items[i], items[i + 1]
            add(entry(lang, a[1], a[2], a[3], UNRELATED_DATE), entry(lang, b[1], b[2], b[3], UNRELATED_DATE), False,
                "unrelated articles on the same day")


def add_all(add, entry, shift, iso):
    add_events(add, entry, shift)
    add_places(add, entry, shift)
    add_series(add, entry, iso)
    add_bulletins(add, entry, shift, iso)
    add_yearly(add, entry, shift, iso)
    add_translations(add, entry, iso)
    add_follow_ups(add, entry, iso)
    add_generic(add, entry, iso)
    add_doi_neighbours(add, entry, iso)
    add_unrelated(add, entry)
