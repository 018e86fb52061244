#include "lib/export/markdown_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

bool is_http_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

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

std::string period(const DigestInfo& info) {
  if (info.since && info.until)
    return fmt::format("{} to {}", util::format_date(*info.since), util::format_date(*info.until));
  if (info.since) return fmt::format("since {}", util::format_date(*info.since));
  if (info.until) return fmt::format("until {}", util::format_date(*info.until));
  return "all catalogued works";
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

std::string short_summary(const std::string& summary, std::size_t max_chars) {
  std::size_t end = 0;
  for (int sentences = 0; sentences < 2;) {
    const std::size_t dot = summary.find_first_of(".!?", end);
    if (dot == std::string::npos) {
      end = summary.size();
      break;
    }
    end = dot + 1;
    if (end >= summary.size() || summary[end] == ' ' || summary[end] == '\n') ++sentences;
  }
  return text::truncate_chars(summary.substr(0, end), max_chars);
}

void MarkdownWriter::begin() {
  fmt::print(out_, "# {}\n\n", markdown_escape(info_.title));
  fmt::print(out_, "Period: {}. Generated {} by atip.\n", period(info_),
             util::format_date(info_.generated_at));
}

void MarkdownWriter::write(const store::Document& d) {
  const std::string publisher = d.sightings.empty() ? "Added by hand" : d.sightings.front().source;
  if (works_ == 0 || publisher != section_) {
    fmt::print(out_, "\n## {}\n\n", markdown_escape(publisher));
    section_ = publisher;
  }
  for (const auto& s : d.sightings) publishers_.insert(s.source);
  ++works_;

  const std::string title = markdown_escape(d.title.empty() ? "(untitled)" : d.title);
  const std::string link = d.link();
  if (is_http_url(link))
    fmt::print(out_, "- **[{}](<{}>)**", title, link_destination(link));
  else
    fmt::print(out_, "- **{}**", title);
  fmt::print(out_, " — {}", util::format_date(d.date()));
  if (!d.language.empty()) fmt::print(out_, " · {}", markdown_escape(d.language));
  out_ << '\n';
  std::set<std::string> seen{publisher};
  std::string others;
  for (const auto& s : d.sightings)
    if (seen.insert(s.source).second) others += (others.empty() ? "" : ", ") + s.source;
  if (!others.empty()) fmt::print(out_, "  Also carried by: {}\n", markdown_escape(others));
  const std::string summary = short_summary(d.summary);
  if (!summary.empty()) fmt::print(out_, "  {}\n", markdown_escape(summary));
}

void MarkdownWriter::end() {
  if (works_ == 0) out_ << "\nNo works in this period.\n";
  else
    fmt::print(out_, "\n---\n{} work{} from {} publisher{}.\n", works_, works_ == 1 ? "" : "s",
               publishers_.size(), publishers_.size() == 1 ? "" : "s");
}

}  // namespace atip::exporter
