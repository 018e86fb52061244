#pragma once
// Escaping for HTML and XML text and attribute values, shared by the HTML digest, the Atom
// feed and the SVG charts.
#include <string>
#include <string_view>

namespace atip::exporter {

// Text or a double- or single-quoted attribute value: & < > " ' become references, and
// characters XML 1.0 forbids (C0 controls but tab and newline, U+FFFE/U+FFFF, lone bytes of
// invalid UTF-8) are dropped, so the output is well-formed whatever the feed sent.
std::string xml_escape(std::string_view text);

// An http(s) link ready for an href: escaped as an attribute, spaces and quotes
// percent-encoded; "" for any other scheme (javascript:, data:, …), which writers drop.
std::string safe_href(const std::string& url);

}  // namespace atip::exporter
