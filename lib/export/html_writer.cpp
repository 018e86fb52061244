#include "lib/export/html_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "lib/export/html_escape.hpp"
#include "lib/export/svg_chart.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

// Print and phone first: one readable column, system fonts, links shown in print.
constexpr const char* kStyle = R"(
:root{color-scheme:light;--ink:#1d2327;--muted:#5b6570;--accent:#0b5394;--bar:#3c78b4}
*{box-sizing:border-box}
body{margin:0 auto;max-width:50rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2rem}
.period{color:var(--muted);margin:0}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
.totals strong{font-size:1.4rem;display:block}
figure{margin:1rem 0}
figcaption{font-weight:600;margin-bottom:.25rem}
svg.chart{width:100%;height:auto;font-size:15px}
svg.chart rect{fill:var(--bar)}
svg.chart text{fill:var(--ink)}
svg.chart line{stroke:var(--muted)}
ul.works{list-style:none;padding:0}
ul.works li{margin:0 0 1rem;padding-bottom:.75rem;border-bottom:1px solid #e3e6e8;overflow-wrap:anywhere}
.title{font-weight:600}
a{color:var(--accent)}
.meta,.carried{color:var(--muted);font-size:.9rem;margin:.1rem 0}
.updated{background:#fff2cc;color:#6b4e00;border-radius:.2rem;padding:0 .3rem;font-size:.8rem}
.summary{margin:.25rem 0 0}
.count{color:var(--muted);font-weight:normal;font-size:1rem}
@media (max-width:40rem){body{font-size:15px;padding:.6rem}h1{font-size:1.35rem}}
@media print{body{max-width:none;font-size:11pt;padding:0}a{color:inherit;text-decoration:none}
 .title a[href]::after{content:" <" attr(href) ">";font-weight:normal;font-size:8pt;color:#555}
 h2{break-after:avoid}ul.works li{break-inside:avoid}figure{break-inside:avoid}}
)";

std::string esc(const std::string& s) { return xml_escape(s); }

ChartRows labelled(const std::vector<store::Count>& counts, std::string_view family, const DigestText& t,
                   std::string_view lang) {
  ChartRows rows;
  for (const auto& c : counts)
    rows.emplace_back(c.key.empty() ? std::string(t.no_group) : tag_label(family, c.key, lang), c.documents);
  return rows;
}

}  // namespace

void HtmlWriter::begin() {
  fmt::print(out_,
             "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
             "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"atip\">\n"
             "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n"
             "<p class=\"period\">{}: {}. {}.</p>\n</header>\n",
             info_.lang, esc(title_), kStyle, esc(title_), text_.period, esc(period_text(info_, text_)),
             fmt::format(fmt::runtime(text_.generated), util::format_date(info_.generated_at)));
  const auto& c = info_.counts;
  fmt::print(out_,
             "<section class=\"numbers\">\n<h2>{}</h2>\n<ul class=\"totals\">\n"
             "<li><strong>{}</strong>{}</li>\n<li><strong>{}</strong>{}</li>\n",
             text_.in_numbers, c.works - c.updated, text_.new_works, c.updated, text_.updated_works);
  for (const auto& l : info_.by_language)
    fmt::print(out_, "<li><strong>{}</strong>{} · {}</li>\n", l.documents, text_.language,
               esc(l.key.empty() ? std::string(text_.no_group) : tag_label("language", l.key, info_.lang)));
  out_ << "</ul>\n";
  const std::string others(text_.no_group);
  if (!info_.by_topic.empty())
    fmt::print(out_, "<figure>\n<figcaption>{}</figcaption>\n{}</figure>\n", text_.by_topic,
               bar_chart(labelled(info_.by_topic, "topic", text_, info_.lang), std::string(text_.by_topic), others));
  if (!info_.by_country.empty())
    fmt::print(out_, "<figure>\n<figcaption>{}</figcaption>\n{}</figure>\n", text_.by_country,
               bar_chart(labelled(info_.by_country, "country", text_, info_.lang), std::string(text_.by_country), others));
  if (!info_.counts.weeks.empty()) {
    ChartRows weeks;
    for (const auto& w : all_weeks(info_.counts.weeks)) weeks.emplace_back(w.key, w.documents);
    fmt::print(out_, "<figure>\n<figcaption>{}</figcaption>\n{}</figure>\n", text_.per_week,
               column_chart(weeks, std::string(text_.per_week)));
  }
  out_ << "</section>\n<main>\n";
}

void HtmlWriter::section(const std::string& label, const std::string&) {
  if (open_) out_ << "</ul>\n</section>\n";
  fmt::print(out_, "<section>\n<h2>{}</h2>\n<ul class=\"works\">\n", esc(label));
  open_ = true;
}

void HtmlWriter::item(const store::Document& d) {
  const std::string title = esc(d.title.empty() ? std::string(text_.untitled) : d.title);
  const std::string href = safe_href(d.link());
  out_ << "<li>\n<div class=\"title\">";
  if (!href.empty())
    fmt::print(out_, "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", href, title);
  else
    out_ << title;
  if (is_updated(d)) fmt::print(out_, " <span class=\"updated\">{}</span>", text_.updated_mark);
  out_ << "</div>\n";
  std::string meta = fmt::format("<time datetime=\"{0}\">{0}</time>", util::format_date(d.date()));
  if (!d.language.empty()) meta += " · " + esc(tag_label("language", d.language, info_.lang));
  std::string countries;
  for (const auto& c : tag_values(d, "country")) countries += (countries.empty() ? "" : ", ") + tag_label("country", c, info_.lang);
  if (!countries.empty()) meta += " · " + esc(countries);
  if (!d.doc_type.empty()) meta += " · " + esc(tag_label("type", d.doc_type, info_.lang));
  fmt::print(out_, "<p class=\"meta\">{}</p>\n", meta);
  std::string carried;
  for (const auto& p : publishers(d)) carried += (carried.empty() ? "" : ", ") + p;
  if (!carried.empty()) fmt::print(out_, "<p class=\"carried\">{}: {}</p>\n", text_.carried_by, esc(carried));
  const std::string summary = short_summary(d.summary);
  if (!summary.empty()) fmt::print(out_, "<p class=\"summary\">{}</p>\n", esc(summary));
  out_ << "</li>\n";
}

void HtmlWriter::end() {
  if (open_) out_ << "</ul>\n</section>\n";
  if (works_ == 0) fmt::print(out_, "<p>{}</p>\n", text_.no_works);
  out_ << "</main>\n</body>\n</html>\n";
}

}  // namespace atip::exporter
