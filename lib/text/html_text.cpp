// html_to_text: one linear pass over the input, no regex, no DOM. Broken markup degrades to
// text rather than failing: an unterminated tag or comment swallows the rest, as browsers do.
#include <algorithm>
#include <string>

#include "lib/text/entities.hpp"
#include "lib/text/html.hpp"
#include "lib/text/scan.hpp"
#include "lib/text/utf8.hpp"

namespace atip::text {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (const auto n : names)
    if (n == name) return true;
  return false;
}

// 2: a paragraph break (blank line); 1: a line break; 0: inline.
int block_breaks(std::string_view n) {
  if (one_of(n, {"p",       "ul",      "ol",     "dl",      "h1",         "h2",  "h3",
                 "h4",      "h5",      "h6",     "table",   "blockquote", "pre", "hr",
                 "section", "article", "header", "footer",  "aside",      "nav", "figure",
                 "address", "main",    "form",   "fieldset"}))
    return 2;
  if (one_of(n, {"br", "div", "li", "dt", "dd", "tr", "figcaption", "thead", "tbody", "tfoot",
                 "caption"}))
    return 1;
  return 0;
}

bool is_cell(std::string_view n) { return n == "td" || n == "th" || n == "img"; }

// Elements whose content is never text for a reader.
bool is_dropped(std::string_view n) {
  return one_of(n, {"script", "style", "head", "title", "noscript", "template"});
}

// Index just past the '>' closing the tag that starts at `lt`, honouring quoted attribute
// values; s.size() when unterminated.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // A quote only opens a value after '='; stray quotes in broken tags are ignored.
      if (i > 0 && (s[i - 1] == '=' || s[i - 1] == ' ')) quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Skips to just past "</name ...>", case-insensitively; s.size() when absent.
std::size_t skip_element_content(std::string_view s, std::size_t i, std::string_view name) {
  while (true) {
    const std::size_t lt = s.find("</", i);
    if (lt == std::string_view::npos) return s.size();
    std::size_t k = 0;
    while (k < name.size() && lt + 2 + k < s.size() && lower(s[lt + 2 + k]) == name[k]) ++k;
    if (k == name.size() && (lt + 2 + k >= s.size() || !is_name_char(s[lt + 2 + k])))
      return tag_end(s, lt + 2);
    i = lt + 2;
  }
}

// Whitespace runs become one space; block elements ask for one line break (br, li, tr, dd) or a
// paragraph break (p, headings, lists, tables), emitted only before the next text, so breaks
// never pile up or trail and spaces around them vanish.
class TextBuilder {
 public:
  void text(std::string_view t) {
    for (const char c : t) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
      } else {
        flush();
        out_.push_back(c);
      }
    }
  }
  void raw_char(std::string_view utf8) {
    if (utf8.size() == 1) return text(utf8);
    if (utf8 == "\xC2\xA0") {  // NBSP reads as a space in plain text
      space_ = true;
      return;
    }
    flush();
    out_.append(utf8);
  }
  void space() { space_ = true; }
  void line_break(int n) { newlines_ = std::max(newlines_, n); }
  std::string finish() { return std::move(out_); }

 private:
  void flush() {
    if (!out_.empty()) {
      if (newlines_ > 0)
        out_.append(static_cast<std::size_t>(newlines_), '\n');
      else if (space_)
        out_.push_back(' ');
    }
    space_ = false;
    newlines_ = 0;
  }
  std::string out_;
  bool space_ = false;
  int newlines_ = 0;
};

// Handles the markup starting at s[lt] == '<'; returns the index after it, or lt when the '<'
// is literal text ("a < b").
std::size_t markup(std::string_view s, std::size_t lt, TextBuilder& tb) {
  std::size_t i = lt + 1;
  if (i >= s.size()) return lt;
  if (s.compare(i, 3, "!--") == 0) {
    const std::size_t end = s.find("-->", i + 3);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  if (s[i] == '!' || s[i] == '?') return tag_end(s, i);
  const bool closing = s[i] == '/';
  if (closing) ++i;
  if (i >= s.size() || !is_alpha(s[i])) return lt;
  char buf[16];
  std::size_t n = 0;
  while (i < s.size() && is_name_char(s[i])) {
    if (n < sizeof buf) buf[n] = lower(s[i]);
    ++n, ++i;
  }
  const std::string_view name(buf, n < sizeof buf ? n : 0);
  std::size_t end = tag_end(s, i);
  if (!closing && is_dropped(name) && !(end >= 2 && s[end - 2] == '/'))
    return skip_element_content(s, end, name);
  if (const int breaks = block_breaks(name); breaks > 0)
    tb.line_break(breaks);
  else if (is_cell(name))
    tb.space();
  return end;
}

}  // namespace

std::string html_to_text(std::string_view s) {
  TextBuilder tb;
  std::string scratch;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t next = find_markup(s, i);
    if (next == std::string_view::npos) {
      tb.text(s.substr(i));
      break;
    }
    tb.text(s.substr(i, next - i));
    if (s[next] == '<') {
      const std::size_t after = markup(s, next, tb);
      if (after == next) {
        tb.text("<");
        i = next + 1;
      } else {
        i = after;
      }
    } else {
      scratch.clear();
      const std::size_t used = decode_reference(s, next, scratch);
      if (used == 0) {
        tb.text("&");
        i = next + 1;
      } else {
        tb.raw_char(scratch);
        i = next + used;
      }
    }
  }
  return sanitize_utf8(tb.finish());
}

}  // namespace atip::text
