#include "lib/feed/sniff.hpp"

#include <algorithm>
#include <cctype>

#include "lib/text/html.hpp"
#include "lib/util/url.hpp"

namespace atip::feed {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Attributes of the tag whose name ends at s[i]; stops at '>'.
struct Attrs {
  std::string rel, type, href;
};

std::size_t read_attrs(std::string_view s, std::size_t i, Attrs& a) {
  while (i < s.size() && s[i] != '>') {
    while (i < s.size() && (is_ws(s[i]) || s[i] == '/')) ++i;
    const std::size_t ns = i;
    while (i < s.size() && !is_ws(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    const std::string name = lower_copy(s.substr(ns, i - ns));
    while (i < s.size() && is_ws(s[i])) ++i;
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_ws(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const char q = s[i++];
        const std::size_t end = std::min(s.find(q, i), s.size());
        value = s.substr(i, end - i);
        i = end + 1;
      } else {
        const std::size_t vs = i;
        while (i < s.size() && !is_ws(s[i]) && s[i] != '>') ++i;
        value = s.substr(vs, i - vs);
      }
    }
    if (name == "rel")
      a.rel = lower_copy(value);
    else if (name == "type")
      a.type = lower_copy(value);
    else if (name == "href")
      a.href = text::decode_entities(value);
    if (name.empty() && i < s.size() && s[i] != '>') ++i;  // stray character: move on
  }
  return i;
}

bool has_token(std::string_view list, std::string_view token) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_ws(list[i])) ++i;
    const std::size_t start = i;
    while (i < list.size() && !is_ws(list[i])) ++i;
    if (list.substr(start, i - start) == token) return true;
  }
  return false;
}

}  // namespace

bool is_blank(std::string_view bytes) noexcept {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return is_ws(c) || c == '\v'; });
}

bool looks_binary(std::string_view raw, std::string_view decoded) noexcept {
  using namespace std::string_view_literals;
  // Literals with embedded NULs need the sv suffix to keep their length.
  static constexpr std::string_view kMagic[] = {"\x89PNG"sv,
                                                "GIF87a"sv,
                                                "GIF89a"sv,
                                                "\xFF\xD8\xFF"sv,
                                                "%PDF-"sv,
                                                "\x1F\x8B"sv,
                                                "PK\x03\x04"sv,
                                                "RIFF"sv,
                                                "\x00\x00\x01\x00"sv,
                                                "OggS"sv,
                                                "ID3"sv,
                                                "\x7F"
                                                "ELF"sv};
  for (const auto m : kMagic)
    if (raw.starts_with(m)) return true;
  return decoded.find('\0') != std::string_view::npos;
}

bool looks_like_html_page(std::string_view s) noexcept {
  bool html_doctype = false;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ws(s[i])) ++i;
    const std::string_view rest = s.substr(i);
    std::string_view terminator;
    if (rest.starts_with("<!--"))
      terminator = "-->";
    else if (rest.starts_with("<?"))
      terminator = "?>";
    else if (istarts_with(rest, "<!doctype"))
      terminator = ">";
    if (terminator.empty()) {
      // The first element decides; an HTML doctype in front of <rss> (seen in the wild) does
      // not make a page.
      if (istarts_with(rest, "<rss") || istarts_with(rest, "<feed") ||
          istarts_with(rest, "<rdf:") || istarts_with(rest, "<channel"))
        return false;
      return html_doctype ||
             (istarts_with(rest, "<html") &&
              (rest.size() == 5 || !std::isalnum(static_cast<unsigned char>(rest[5]))));
    }
    if (istarts_with(rest, "<!doctype html")) html_doctype = true;
    const std::size_t end = s.find(terminator, i + 2);
    if (end == std::string_view::npos) return html_doctype;
    i = end + terminator.size();
  }
  return html_doctype;
}

std::vector<std::string> advertised_feeds(std::string_view s, std::string_view base_url) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    ++i;
    if (!istarts_with(s.substr(i), "link") || i + 4 >= s.size() ||
        !(is_ws(s[i + 4]) || s[i + 4] == '/')) {
      continue;
    }
    Attrs a;
    i = read_attrs(s, i + 4, a);
    const bool feed_type = a.type == "application/rss+xml" || a.type == "application/atom+xml" ||
                           a.type == "application/feed+json" || a.type == "application/rdf+xml";
    if (!has_token(a.rel, "alternate") || !feed_type || a.href.empty()) continue;
    std::string url = util::resolve_url(base_url, a.href);
    if (std::find(out.begin(), out.end(), url) == out.end()) out.push_back(std::move(url));
  }
  return out;
}

}  // namespace atip::feed
