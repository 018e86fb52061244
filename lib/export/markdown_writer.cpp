#include "lib/export/markdown_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

// A URL inside <…> may not hold spaces, angle brackets or line breaks; percent-encode them.
std::string link_destination(const std::string& url) {
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == '<' || c == '>' || c == 0x7f)
      out += fmt::format("%{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

std::string joined_labels(const std::vector<std::string>& values, std::string_view family, std::string_view lang) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + tag_label(family, v, lang);
  return out;
}

}  // namespace

std::string markdown_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      // Brackets are escaped so no link can form, which makes ( ) and ! harmless.
      case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
      case '<': case '>': case '#': case '+': case '~': case '&': case '|':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return text::terminal_safe(out);
}

void MarkdownWriter::begin() {
  fmt::print(out_, "# {}\n\n", markdown_escape(title_));
  fmt::print(out_, "{}: {}. {}.\n", text_.period, period_text(info_, text_),
             fmt::format(fmt::runtime(text_.generated), util::format_date(info_.generated_at)));
  const auto& c = info_.counts;
  fmt::print(out_, "\n## {}\n\n- {}: {}\n- {}: {}\n", text_.in_numbers, text_.new_works, c.works - c.updated,
             text_.updated_works, c.updated);
  counts(text_.by_topic, info_.by_topic, "topic");
  counts(text_.by_country, info_.by_country, "country");
  counts(text_.by_language, info_.by_language, "language");
}

void MarkdownWriter::counts(std::string_view heading, const std::vector<store::Count>& counts, std::string_view family) {
  if (counts.empty()) return;
  std::string line;
  for (const auto& c : counts)
    line += fmt::format("{}{} ({})", line.empty() ? "" : ", ",
                        markdown_escape(c.key.empty() ? std::string(text_.no_group) : tag_label(family, c.key, info_.lang)),
                        c.documents);
  fmt::print(out_, "- {}: {}\n", heading, line);
}

void MarkdownWriter::section(const std::string& label, const std::string&) {
  fmt::print(out_, "\n## {}\n\n", markdown_escape(label));
}

void MarkdownWriter::item(const store::Document& d) {
  const std::string title = markdown_escape(d.title.empty() ? std::string(text_.untitled) : d.title);
  const std::string link = d.link();
  if (is_http_url(link))
    fmt::print(out_, "- **[{}](<{}>)**", title, link_destination(link));
  else
    fmt::print(out_, "- **{}**", title);
  fmt::print(out_, " — {}", util::format_date(d.date()));
  if (!d.language.empty()) fmt::print(out_, " · {}", markdown_escape(tag_label("language", d.language, info_.lang)));
  const auto countries = tag_values(d, "country");
  if (!countries.empty()) fmt::print(out_, " · {}", markdown_escape(joined_labels(countries, "country", info_.lang)));
  if (!d.doc_type.empty()) fmt::print(out_, " · {}", markdown_escape(tag_label("type", d.doc_type, info_.lang)));
  if (is_updated(d)) fmt::print(out_, " · *{}*", text_.updated_mark);
  out_ << '\n';
  std::string carried;
  for (const auto& p : publishers(d)) carried += (carried.empty() ? "" : ", ") + p;
  if (!carried.empty()) fmt::print(out_, "  {}: {}\n", text_.carried_by, markdown_escape(carried));
  const std::string summary = short_summary(d.summary);
  if (!summary.empty()) fmt::print(out_, "  {}\n", markdown_escape(summary));
}

void MarkdownWriter::end() {
  if (works_ == 0) fmt::print(out_, "\n{}\n", text_.no_works);
}

}  // namespace atip::exporter
