#include "lib/feed/recover.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace atip::feed {

namespace {

bool is_name_char(char c) {
  return !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/' || c == '\0');
}

// The elements open at `end`: a forward scan that knows comments, CDATA, PIs and the DOCTYPE.
std::vector<std::string_view> open_elements(std::string_view s, std::size_t end) {
  std::vector<std::string_view> stack;
  std::size_t i = 0;
  auto skip_to = [&](std::string_view term, std::size_t from) {
    const std::size_t p = s.find(term, from);
    return p == std::string_view::npos ? end : p + term.size();
  };
  while ((i = s.find('<', i)) != std::string_view::npos && i < end) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("<!--")) {
      i = skip_to("-->", i + 4);
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      i = skip_to("]]>", i + 9);
      continue;
    }
    if (rest.starts_with("<?")) {
      i = skip_to("?>", i + 2);
      continue;
    }
    if (rest.starts_with("<!")) {
      i = skip_to(">", i + 2);
      continue;
    }
    const bool closing = rest.starts_with("</");
    std::size_t k = i + (closing ? 2 : 1);
    const std::size_t name_start = k;
    while (k < s.size() && is_name_char(s[k])) ++k;
    const std::string_view name = s.substr(name_start, k - name_start);
    const std::size_t gt = std::min(s.find('>', k), s.size());
    if (gt >= end) break;
    if (closing) {
      const auto it = std::find(stack.rbegin(), stack.rend(), name);
      if (it != stack.rend()) stack.erase(std::next(it).base(), stack.end());
    } else if (!name.empty() && s[gt - 1] != '/') {
      stack.push_back(name);
    }
    i = gt + 1;
  }
  return stack;
}

std::string closers(const std::vector<std::string_view>& stack, std::size_t down_to) {
  std::string out;
  for (std::size_t k = stack.size(); k > down_to; --k)
    out.append("</").append(stack[k - 1]).append(">");
  return out;
}

// Cuts the buffer before the incomplete construct at `lt` and closes everything still open.
bool truncate_and_close(std::string& xml, std::size_t lt) {
  const auto stack = open_elements(xml, lt);
  const std::string tail = closers(stack, 0);
  if (tail.empty() && lt == xml.size()) return false;
  xml.resize(lt);
  xml += tail;
  return true;
}

bool fix_end_tag(std::string& xml, std::size_t offset) {
  // pugixml reports a document that ends with elements still open as a mismatch near the end;
  // then the last '<' before the offset is not an end tag, or one that closed fine before it.
  const std::size_t lt = xml.rfind('<', offset);
  if (lt == std::string::npos || lt + 1 >= xml.size() || xml[lt + 1] != '/')
    return truncate_and_close(xml, xml.size());
  const std::size_t gt = xml.find('>', lt);
  if (gt == std::string::npos) return truncate_and_close(xml, lt);
  if (gt < offset) return truncate_and_close(xml, xml.size());
  std::size_t k = lt + 2;
  while (k < gt && is_name_char(xml[k])) ++k;
  const std::string name = xml.substr(lt + 2, k - lt - 2);
  const auto stack = open_elements(xml, lt);
  const auto it = std::find(stack.rbegin(), stack.rend(), name);
  const auto depth = static_cast<std::size_t>(stack.rend() - it);  // index + 1 of the match
  if (it != stack.rend() && depth < stack.size()) {
    xml.insert(lt, closers(stack, depth));
  } else {
    std::fill(xml.begin() + static_cast<std::ptrdiff_t>(lt),
              xml.begin() + static_cast<std::ptrdiff_t>(gt) + 1, ' ');
  }
  return true;
}

}  // namespace

bool repair(std::string& xml, const pugi::xml_parse_result& error) {
  const std::size_t offset =
      std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(error.offset, 0)), xml.size());
  switch (error.status) {
    case pugi::status_end_element_mismatch:
      if (offset >= xml.size()) return truncate_and_close(xml, xml.size());
      return fix_end_tag(xml, offset);
    case pugi::status_unrecognized_tag:
    case pugi::status_bad_start_element:
    case pugi::status_bad_attribute:
    case pugi::status_bad_end_element: {
      const std::size_t lt = xml.rfind('<', offset);
      if (lt == std::string::npos) return false;
      if (xml.find('>', lt) == std::string::npos) return truncate_and_close(xml, lt);
      if (error.status == pugi::status_bad_attribute ||
          error.status == pugi::status_bad_end_element) {
        // Broken attribute syntax or end tag: drop the tag, keep the text around it.
        const std::size_t gt = xml.find('>', lt);
        std::fill(xml.begin() + static_cast<std::ptrdiff_t>(lt),
                  xml.begin() + static_cast<std::ptrdiff_t>(gt) + 1, ' ');
        return true;
      }
      xml.replace(lt, 1, "&lt;");
      return true;
    }
    case pugi::status_bad_pcdata:
    case pugi::status_bad_cdata:
    case pugi::status_bad_comment:
    case pugi::status_bad_pi:
    case pugi::status_bad_doctype: {
      const std::size_t lt = xml.rfind('<', offset);
      return lt != std::string::npos && truncate_and_close(xml, lt);
    }
    default:
      return false;
  }
}

std::string describe(const pugi::xml_parse_result& error) {
  switch (error.status) {
    case pugi::status_end_element_mismatch:
      return "mismatched end tag";
    case pugi::status_unrecognized_tag:
      return "unrecognised markup";
    case pugi::status_bad_start_element:
      return "malformed start tag";
    case pugi::status_bad_end_element:
      return "malformed end tag";
    case pugi::status_bad_attribute:
      return "malformed attribute";
    case pugi::status_bad_pcdata:
      return "malformed text";
    case pugi::status_bad_cdata:
      return "unterminated CDATA section";
    case pugi::status_bad_comment:
      return "unterminated comment";
    case pugi::status_bad_pi:
      return "malformed processing instruction";
    case pugi::status_bad_doctype:
      return "malformed DOCTYPE";
    case pugi::status_no_document_element:
      return "no root element";
    default:
      return error.description();
  }
}

}  // namespace atip::feed
