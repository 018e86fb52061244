#pragma once
// Export writers: each format is a small Writer fed the selected documents one by one, so an
// export streams whatever the size of the catalogue. Every string from a feed is escaped for
// the format it is written in.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "lib/store/catalogue.hpp"

namespace atip::exporter {

enum class Format { Markdown, Json };

// "md" / "markdown", "json"; nothing for an unknown name.
std::optional<Format> parse_format(const std::string& name);

struct DigestInfo {
  std::string title = "Trafficking in persons: literature digest";
  std::optional<store::Time> since, until;
  store::Time generated_at = 0;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin() {}
  virtual void write(const store::Document& document) = 0;
  virtual void end() {}
};

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, const DigestInfo& info);

// The order a format wants its documents in (the Markdown digest groups by publisher).
store::Selection::Order order_for(Format format);

}  // namespace atip::exporter
