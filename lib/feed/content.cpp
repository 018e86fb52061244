#include "lib/feed/content.hpp"

#include <cstdint>

#include "lib/text/scan.hpp"
#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void append_escaped(std::string& out, std::string_view s, bool attribute) {
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute)
          out += "&quot;";
        else
          out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string_view local_name(std::string_view qualified) {
  const auto colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool is_void_element(std::string_view n) {
  return n == "br" || n == "img" || n == "hr" || n == "input" || n == "meta" || n == "link" ||
         n == "area" || n == "base" || n == "col" || n == "embed" || n == "source" || n == "wbr";
}

void serialize(std::string& out, pugi::xml_node n, int depth) {
  if (depth > 200) return;  // pathological nesting; pugixml's own limit is far higher
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      append_escaped(out, c.value(), false);
    } else if (c.type() == pugi::node_element) {
      const std::string_view name = local_name(c.name());
      out.push_back('<');
      out.append(name);
      for (const pugi::xml_attribute a : c.attributes()) {
        const std::string_view an = a.name();
        if (an == "xmlns" || an.starts_with("xmlns:")) continue;
        out.push_back(' ');
        out.append(local_name(an));
        out += "=\"";
        append_escaped(out, a.value(), true);
        out.push_back('"');
      }
      if (is_void_element(name) && !c.first_child()) {
        out += " />";
        continue;
      }
      out.push_back('>');
      serialize(out, c, depth + 1);
      out += "</";
      out.append(name);
      out.push_back('>');
    }
  }
}

void collect_text(std::string& out, pugi::xml_node n, int depth) {
  if (depth > 200) return;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata)
      out += c.value();
    else if (c.type() == pugi::node_element)
      collect_text(out, c, depth + 1);
  }
}

bool has_element_child(pugi::xml_node n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) return true;
  return false;
}

std::string decode_base64(std::string_view s) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : s) {
    const int v = val(c);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

TextType type_from_attr(std::string_view t, TextType fallback) {
  std::string lower;
  for (const char c : trim(t))
    lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  if (lower.empty()) return fallback;
  if (lower == "html" || lower == "text/html") return TextType::Html;
  if (lower == "xhtml" || lower == "application/xhtml+xml") return TextType::Xhtml;
  if (lower == "text" || lower == "text/plain") return TextType::Text;
  // Other media types (e.g. application/xml) carry markup or data; treat as HTML so text
  // extraction strips it.
  return lower.ends_with("xml") ? TextType::Xhtml : TextType::Text;
}

// RFC 4287 3.1.1 / 4.1.3.3: a MIME type that is neither text/* nor XML means base64 content.
bool is_base64_media_type(std::string_view t) {
  if (t.find('/') == std::string_view::npos) return false;
  std::string lower;
  for (const char c : t) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  return !lower.starts_with("text/") && !lower.ends_with("xml") && lower != "application/xhtml+xml";
}

}  // namespace

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

std::string text_of(pugi::xml_node node) {
  // The common case, one text or CDATA child: one allocation, no concatenation.
  const pugi::xml_node only = node.first_child();
  if (only && !only.next_sibling() &&
      (only.type() == pugi::node_pcdata || only.type() == pugi::node_cdata))
    return std::string(trim(only.value()));
  std::string out;
  collect_text(out, node, 0);
  const std::string_view t = trim(out);
  if (t.size() == out.size()) return out;
  return std::string(t);
}

std::string inner_html(pugi::xml_node node) {
  std::string out;
  serialize(out, node, 0);
  return std::string(trim(out));
}

TypedText atom_text(const Scope& el) {
  const pugi::xml_node node = el.node();
  const std::string_view mode = trim(el.attr("mode"));
  TypedText out;
  const std::string_view type = trim(el.attr("type"));
  out.type = type_from_attr(type, TextType::Text);
  if (mode == "base64" || is_base64_media_type(type)) {
    // Decoded bytes may be anything: the only text of a feed not checked as UTF-8 upstream.
    out.value = text::sanitize_utf8(trim(decode_base64(text_of(node))));
    return out;
  }
  if (out.type == TextType::Xhtml || has_element_child(node)) {
    pugi::xml_node first;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) {
        first = c;
        break;
      }
    const bool wrapped = first && local_name(first.name()) == "div" && out.type == TextType::Xhtml;
    out.value = inner_html(wrapped ? first : node);
    if (out.type == TextType::Text) out.type = TextType::Html;
    return out;
  }
  out.value = text_of(node);
  // Atom 0.3's mode="escaped" means the text is HTML whatever its type says.
  if (mode == "escaped" && out.type == TextType::Text && el.name().ns == Ns::Atom03 &&
      looks_like_html(out.value))
    out.type = TextType::Html;
  return out;
}

TypedText rss_text(const Scope& el, bool html_capable) {
  TypedText out;
  const pugi::xml_node node = el.node();
  if (has_element_child(node)) {
    out.value = inner_html(node);
    out.type = TextType::Html;
    return out;
  }
  out.value = text_of(node);
  const bool markup_chars = text::find_markup(out.value, 0) != std::string::npos;
  if ((html_capable && markup_chars) || (markup_chars && looks_like_html(out.value)))
    out.type = TextType::Html;
  return out;
}

bool looks_like_html(std::string_view s) {
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/') {
      std::size_t k = i + 2;
      while (k < s.size() && alnum(s[k])) ++k;
      if (k > i + 2 && k < s.size() && s[k] == '>') return true;
    } else if (s[i] == '&') {
      std::size_t k = i + 1;
      if (k < s.size() && s[k] == '#') ++k;
      const std::size_t start = k;
      while (k < s.size() && alnum(s[k])) ++k;
      if (k > start && k < s.size() && s[k] == ';') return true;
    } else if (s[i] == '<' && i + 1 < s.size()) {
      // Self-contained tags such as <br/>, <br> or <img ...> count too.
      const std::string_view rest = s.substr(i + 1, 4);
      if (rest.starts_with("br>") || rest.starts_with("br/") || rest.starts_with("br ") ||
          rest.starts_with("img ") || rest.starts_with("p>"))
        return true;
    }
  }
  return false;
}

namespace {

bool is_email_char(char c, bool domain) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || (!domain && (c == '_' || c == '+' || c == '%'));
}

void erase_all(std::string& s, std::string_view what) {
  for (std::size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
}

}  // namespace

Person parse_person(std::string_view raw) {
  Person p;
  const std::string_view t = trim(raw);
  const std::size_t at = t.find('@');
  if (at == std::string_view::npos || at == 0) {
    p.name = std::string(t);
    return p;
  }
  std::size_t b = at, e = at + 1;
  while (b > 0 && is_email_char(t[b - 1], false)) --b;
  while (e < t.size() && is_email_char(t[e], true)) ++e;
  while (e > at + 1 && t[e - 1] == '.') --e;  // "write to a@b.org." keeps the dot out
  if (b == at || e == at + 1) {
    p.name = std::string(t);
    return p;
  }
  p.email = std::string(t.substr(b, e - b));
  // What is left around the address is the name: "a@b (Name)", "Name <a@b>", "Name <mailto:a@b>".
  std::string name = std::string(t.substr(0, b)) + std::string(t.substr(e));
  erase_all(name, "mailto:");
  erase_all(name, "<>");
  erase_all(name, "()");
  std::string_view n = trim(name);
  if (n.size() >= 2 && n.front() == '(' && n.back() == ')') n = trim(n.substr(1, n.size() - 2));
  if (n.size() >= 2 && n.front() == '"' && n.back() == '"') n = n.substr(1, n.size() - 2);
  p.name = std::string(trim(n));
  return p;
}

}  // namespace atip::feed
