#include "lib/export/html_escape.hpp"

#include <fmt/format.h>

#include "lib/export/writer.hpp"
#include "lib/text/utf8.hpp"

namespace atip::exporter {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const std::uint32_t cp = text::next_code_point(text, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x7F && cp < 0xA0))
      continue;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (cp == 0xFFFD && text.substr(start, i - start) != "\xEF\xBF\xBD") out += "\xEF\xBF\xBD";
        else out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string safe_href(const std::string& url) {
  if (!is_http_url(url)) return {};
  std::string encoded;
  for (unsigned char c : url) {
    if (c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\')
      encoded += fmt::format("%{:02X}", c);
    else
      encoded += static_cast<char>(c);
  }
  return xml_escape(encoded);
}

}  // namespace atip::exporter
