#pragma once
// The Markdown digest: title and period, then one section per publisher (the first feed that
// carried each work), newest first, each work with its link, date, language, the other
// publishers that carried it and a short summary.
#include <set>
#include <string>

#include "lib/export/writer.hpp"

namespace atip::exporter {

// Escapes text so Markdown shows it literally (no emphasis, links, HTML or headings).
std::string markdown_escape(const std::string& text);

// The first one or two sentences of a summary, at most `max_chars` characters.
std::string short_summary(const std::string& summary, std::size_t max_chars = 300);

class MarkdownWriter final : public Writer {
 public:
  MarkdownWriter(std::ostream& out, DigestInfo info) : out_(out), info_(std::move(info)) {}
  void begin() override;
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  DigestInfo info_;
  std::string section_;
  std::set<std::string> publishers_;
  long works_ = 0;
};

}  // namespace atip::exporter
