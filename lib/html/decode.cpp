#include "lib/html/decode.hpp"

namespace atip::html {

namespace {

constexpr std::size_t kPrescanBytes = 4096;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string meta_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kPrescanBytes));
  for (char& c : head) c = lower(c);
  for (std::size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
    const std::size_t end = head.find('>', p);
    const std::string_view tag = std::string_view(head).substr(p, end == std::string::npos ? std::string::npos : end - p);
    const std::size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t j = i;
    while (j < tag.size() && tag[j] != '"' && tag[j] != '\'' && tag[j] != ';' && tag[j] != ' ' &&
           tag[j] != '/' && tag[j] != '\t' && tag[j] != '\n' && tag[j] != '\r')
      ++j;
    if (j > i) return feed::normalize_charset(tag.substr(i, j - i));
  }
  return {};
}

feed::Decoded decode_page(std::string_view bytes, std::string_view http_charset) {
  std::string chosen = feed::normalize_charset(http_charset);
  if (chosen.empty()) {
    chosen = meta_charset(bytes);
    if (chosen.rfind("utf-16", 0) == 0 || chosen.rfind("utf-32", 0) == 0 || chosen == "ucs-2" ||
        chosen == "ucs-4")
      chosen = "utf-8";
  }
  // The BOM still wins inside decode_to_utf8; an XML declaration (XHTML) is read only when
  // nothing above named a charset.
  return feed::decode_to_utf8(bytes, chosen);
}

}  // namespace atip::html
