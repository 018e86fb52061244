#include "lib/export/writer.hpp"

#include "lib/export/json_writer.hpp"
#include "lib/export/markdown_writer.hpp"

namespace atip::exporter {

std::optional<Format> parse_format(const std::string& name) {
  if (name == "md" || name == "markdown") return Format::Markdown;
  if (name == "json") return Format::Json;
  return std::nullopt;
}

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, const DigestInfo& info) {
  switch (format) {
    case Format::Markdown: return std::make_unique<MarkdownWriter>(out, info);
    case Format::Json: return std::make_unique<JsonWriter>(out);
  }
  return nullptr;
}

store::Selection::Order order_for(Format format) {
  return format == Format::Markdown ? store::Selection::Order::SourceThenDate
                                    : store::Selection::Order::DateDesc;
}

}  // namespace atip::exporter
