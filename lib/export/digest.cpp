#include "lib/export/digest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

std::vector<std::string> tag_values(const store::Document& d, const std::string& family) {
  std::vector<std::string> out;
  for (const auto& t : d.tags)
    if (t.kind == family) out.push_back(t.value);
  return out;
}

std::string group_value(const store::Document& d, GroupBy group_by) {
  switch (group_by) {
    case GroupBy::Type: return d.doc_type;
    case GroupBy::Feed: return d.sightings.empty() ? std::string() : d.sightings.front().source;
    case GroupBy::Topic:
    case GroupBy::Country: {
      // Tags arrive strongest first within a family, as the store's ORDER BY groups them.
      const std::string kind = group_kind(group_by);
      for (const auto& t : d.tags)
        if (t.kind == kind) return t.value;
      return {};
    }
  }
  return {};
}

std::string group_label(const std::string& value, GroupBy group_by, std::string_view lang) {
  if (value.empty()) return std::string(digest_text(lang)->no_group);
  if (group_by == GroupBy::Feed) return value;
  return tag_label(group_kind(group_by), value, lang);
}

bool is_updated(const store::Document& d) {
  return d.last_changed > d.first_seen || (d.updated && *d.updated > d.date() + 86400);
}

std::vector<std::string> publishers(const store::Document& d) {
  std::vector<std::string> out;
  // An imported bibliography or a hand entry says how the office got a work, not who published
  // it: the digest's readers see only publishers (feeds, watched pages, archives).
  for (const auto& s : d.sightings)
    if (!s.source.empty() && s.origin != "import" && s.origin != "hand" &&
        std::find(out.begin(), out.end(), s.source) == out.end())
      out.push_back(s.source);
  return out;
}

std::string period_text(const DigestInfo& info, const DigestText& t) {
  if (info.since && info.until)
    return fmt::format(fmt::runtime(t.range), util::format_date(*info.since), util::format_date(*info.until));
  if (info.since) return fmt::format(fmt::runtime(t.since), util::format_date(*info.since));
  if (info.until) return fmt::format(fmt::runtime(t.until), util::format_date(*info.until));
  return std::string(t.everything);
}

std::string short_summary(const std::string& summary, std::size_t max_chars) {
  std::size_t end = 0;
  for (int sentences = 0; sentences < 2;) {
    const std::size_t dot = summary.find_first_of(".!?", end);
    if (dot == std::string::npos) {
      end = summary.size();
      break;
    }
    end = dot + 1;
    if (end >= summary.size() || summary[end] == ' ' || summary[end] == '\n') ++sentences;
  }
  return text::truncate_chars(summary.substr(0, end), max_chars);
}

std::vector<store::Count> all_weeks(const std::vector<store::Count>& weeks) {
  std::vector<store::Count> out;
  if (weeks.empty()) return out;
  auto first = util::parse_cli_date(weeks.front().key), last = util::parse_cli_date(weeks.back().key);
  if (!first || !last) return weeks;
  std::size_t next = 0;
  // A long period is capped so the chart stays readable: at most about two years of weeks.
  for (store::Time t = *first; t <= *last && out.size() < 110; t += 7 * 86400) {
    const std::string key = util::format_date(t);
    std::int64_t n = 0;
    if (next < weeks.size() && weeks[next].key == key) n = weeks[next++].documents;
    out.push_back({key, n});
  }
  return out;
}

DigestWriter::DigestWriter(DigestInfo info)
    : info_(std::move(info)),
      text_(digest_text(info_.lang) ? *digest_text(info_.lang) : *digest_text("en")),
      title_(info_.title.empty() ? std::string(text_.default_title) : info_.title) {}

void DigestWriter::write(const store::Document& d) {
  const std::string value = group_value(d, info_.group_by);
  if (works_ == 0 || value != group_) {
    section(group_label(value, info_.group_by, info_.lang), value);
    group_ = value;
  }
  ++works_;
  item(d);
}

}  // namespace atip::exporter
