#pragma once
// The HTML digest: one self-contained page (inline CSS, no script, no external request, a
// Content-Security-Policy that forbids both) readable on a phone and printable, with the
// Markdown digest's content and inline SVG charts of works per topic, country and week.
// Every string from a feed is escaped; links are http(s) only.
#include <string>

#include "lib/export/digest.hpp"

namespace atip::exporter {

class HtmlWriter final : public DigestWriter {
 public:
  HtmlWriter(std::ostream& out, DigestInfo info) : DigestWriter(std::move(info)), out_(out) {}
  void begin() override;
  void end() override;

 private:
  void section(const std::string& label, const std::string& value) override;
  void item(const store::Document& d) override;
  std::ostream& out_;
  bool open_ = false;
};

}  // namespace atip::exporter
