#pragma once
// The Markdown digest: title and period, the counts (new and updated works, by topic, by
// country, by language), then one section per group (--group-by), each work with its linked
// title, date, language, countries, type, the publishers that carried it, an "updated" mark
// and the first sentences of its summary.
#include <string>

#include "lib/export/digest.hpp"

namespace atip::exporter {

// Escapes text so Markdown shows it literally (no emphasis, links, HTML or headings).
std::string markdown_escape(const std::string& text);

class MarkdownWriter final : public DigestWriter {
 public:
  MarkdownWriter(std::ostream& out, DigestInfo info) : DigestWriter(std::move(info)), out_(out) {}
  void begin() override;
  void end() override;

 private:
  void section(const std::string& label, const std::string& value) override;
  void item(const store::Document& d) override;
  void counts(std::string_view heading, const std::vector<store::Count>& counts, std::string_view family);
  std::ostream& out_;
};

}  // namespace atip::exporter
