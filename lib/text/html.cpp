#include "lib/text/html.hpp"

#include <array>
#include <cstdint>

#include "lib/text/entities.hpp"
#include "lib/text/utf8.hpp"

namespace atip::text {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// HTML5 maps numeric references 0x80-0x9F to what Windows-1252 puts there, because that is what
// pages meant by them ("&#147;" is a curly quote, not a C1 control).
constexpr std::array<std::uint16_t, 32> kCp1252C1 = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

}  // namespace

std::size_t decode_reference(std::string_view s, std::size_t amp, std::string& out) {
  std::size_t i = amp + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t start = i;
    std::uint32_t cp = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      int v = -1;
      if (is_digit(c))
        v = c - '0';
      else if (hex && lower(c) >= 'a' && lower(c) <= 'f')
        v = lower(c) - 'a' + 10;
      if (v < 0) break;
      if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    if (i == start) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    if (cp >= 0x80 && cp <= 0x9F) cp = kCp1252C1[cp - 0x80];
    if (cp == 0) cp = 0xFFFD;
    append_utf8(out, cp);
    return i - amp;
  }
  const std::size_t start = i;
  while (i < s.size() && is_alnum(s[i]) && i - start < 40) ++i;
  if (i == start) return 0;
  const std::string_view name = s.substr(start, i - start);
  if (i < s.size() && s[i] == ';') {
    if (const std::string_view v = lookup_entity(name); !v.empty()) {
      out.append(v);
      return i + 1 - amp;
    }
  }
  // Without ';' only the legacy names count, and not before '=' or an alphanumeric: that is
  // HTML5's attribute rule, applied everywhere so "?a=1&copy=2" in a URL survives.
  if (const std::size_t len = legacy_entity_prefix(name);
      len > 0 && !(start + len < s.size() && (s[start + len] == '=' || is_alnum(s[start + len])))) {
    out.append(lookup_entity(name.substr(0, len)));
    return 1 + len;
  }
  return 0;
}

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    const std::size_t used = decode_reference(s, amp, out);
    if (used == 0) {
      out.push_back('&');
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
  return sanitize_utf8(out);
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (const char c : s) {
    if (is_space(c)) {
      pending = !out.empty();
    } else {
      if (pending) out.push_back(' ');
      pending = false;
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// The HTML paragraphs_html writes for one byte of plain text, and how many bytes it takes.
std::string_view paragraph_piece(std::string_view plain, std::size_t i, std::size_t& used) {
  used = 1;
  switch (plain[i]) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '\n':
      if (i + 1 < plain.size() && plain[i + 1] == '\n') {
        used = 2;
        return "</p><p>";
      }
      return "<br>";
    default: return plain.substr(i, 1);
  }
}

}  // namespace

bool is_paragraphs_html(std::string_view plain, std::string_view html) {
  if (html.size() < plain.size() + 7 || html.substr(0, 3) != "<p>") return false;
  std::size_t at = 3;
  for (std::size_t i = 0, used = 0; i < plain.size(); i += used) {
    // Runs of bytes written as they are, compared at once: byte by byte, this check was 4% of
    // storing an entry (scripts/bench ingest).
    std::size_t run = i;
    while (run < plain.size() && plain[run] != '&' && plain[run] != '<' && plain[run] != '>' && plain[run] != '\n')
      ++run;
    if (run > i) {
      if (html.compare(at, run - i, plain.substr(i, run - i)) != 0) return false;
      at += run - i;
      used = run - i;
      continue;
    }
    const std::string_view piece = paragraph_piece(plain, i, used);
    if (html.compare(at, piece.size(), piece) != 0) return false;
    at += piece.size();
  }
  return html.substr(at) == "</p>";
}

std::string paragraphs_html(std::string_view plain) {
  std::string out = "<p>";
  out.reserve(plain.size() + plain.size() / 8 + 16);
  for (std::size_t i = 0, used = 0; i < plain.size(); i += used) out += paragraph_piece(plain, i, used);
  out += "</p>";
  return out;
}

}  // namespace atip::text
