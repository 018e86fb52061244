#pragma once
// What the Markdown and HTML digests share: the grouping of works into sections, the
// "updated" mark, the period line and the short summary. Each digest format implements the
// hooks; documents arrive ordered by group (see order_for), so sections stream.
#include <string>
#include <vector>

#include "lib/export/digest_text.hpp"
#include "lib/export/writer.hpp"

namespace atip::exporter {

// The value a work is filed under: its strongest tag of the family, its type or its primary
// publisher; "" when it has none.
std::string group_value(const store::Document& d, GroupBy group_by);
// The section heading for a group value, in the digest's language.
std::string group_label(const std::string& value, GroupBy group_by, std::string_view lang);

// Updated rather than new: revised by its publisher more than a day after publication, or
// changed after atip first stored it (the rule store::DigestCounts counts with).
bool is_updated(const store::Document& d);

// The publishers that carried the work, primary first, each once.
std::vector<std::string> publishers(const store::Document& d);

// The tag values of one family, strongest first.
std::vector<std::string> tag_values(const store::Document& d, const std::string& family);

// "2026-10-01 to 2026-10-31" in the digest's language.
std::string period_text(const DigestInfo& info, const DigestText& text);

// The first one or two sentences of a summary, at most `max_chars` characters.
std::string short_summary(const std::string& summary, std::size_t max_chars = 300);

// Every week from the first to the last with works, the empty ones included, so a chart's
// bars are evenly spaced in time.
std::vector<store::Count> all_weeks(const std::vector<store::Count>& weeks);

class DigestWriter : public Writer {
 public:
  explicit DigestWriter(DigestInfo info);
  void write(const store::Document& d) final;

 protected:
  virtual void section(const std::string& label, const std::string& value) = 0;
  virtual void item(const store::Document& d) = 0;
  const DigestInfo info_;
  const DigestText& text_;
  std::string title_;  // info_.title, or the default title in the digest's language
  long works_ = 0;

 private:
  std::string group_;
};

}  // namespace atip::exporter
