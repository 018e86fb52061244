#include "lib/export/json_writer.hpp"

#include <fmt/format.h>

#include <ostream>

#include "lib/export/json_text.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

nlohmann::json time_or_null(const std::optional<store::Time>& t) {
  return t ? nlohmann::json(util::format_rfc3339(*t)) : nlohmann::json(nullptr);
}

nlohmann::json authors_array(const std::string& joined) {
  nlohmann::json out = nlohmann::json::array();
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t sep = joined.find("; ", start);
    if (sep == std::string::npos) sep = joined.size();
    out.push_back(joined.substr(start, sep - start));
    start = sep + 2;
  }
  return out;
}

}  // namespace

std::string dump_safe(const nlohmann::json& j) {
  const std::string raw = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    // DEL and C1 controls; U+2028/2029 (E2 80 A8/A9), U+202A-202E (E2 80 AA-AE), U+2066-2069 (E2 81 A6-A9); they
    // can only occur inside strings, where a \u escape means the same character.
    const auto b0 = static_cast<unsigned char>(raw[i]);
    if (b0 == 0x7F) {  // DEL, which JSON allows raw
      out += "\\u007f";
      continue;
    }
    if (b0 == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) < 0xA0) {  // C1 controls
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(raw[i + 1]));
      ++i;
      continue;
    }
    if (b0 == 0xE2 && i + 2 < raw.size()) {
      const auto b1 = static_cast<unsigned char>(raw[i + 1]), b2 = static_cast<unsigned char>(raw[i + 2]);
      if ((b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
        out += fmt::format("\\u{:04x}", ((0xE2 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
        i += 2;
        continue;
      }
    }
    out += raw[i];
  }
  return out;
}

nlohmann::json document_json(const store::Document& d) {
  nlohmann::json sightings = nlohmann::json::array();
  for (const auto& s : d.sightings)
    sightings.push_back({{"source", s.source},
                         {"feed_id", s.feed_id ? nlohmann::json(*s.feed_id) : nlohmann::json(nullptr)},
                         {"entry_key", s.entry_key},
                         {"link", s.link},
                         {"origin", s.origin},
                         {"published", time_or_null(s.published)},
                         {"first_seen", util::format_rfc3339(s.first_seen)}});
  nlohmann::json editions = nlohmann::json::array();
  for (const auto& e : d.editions)
    editions.push_back({{"id", e.id}, {"language", e.language}, {"title", e.title}});
  nlohmann::json tags = {{"topics", nlohmann::json::array()}, {"areas", nlohmann::json::array()},
                         {"countries", nlohmann::json::array()}, {"types", nlohmann::json::array()}};
  for (const auto& t : d.tags) {
    const char* family = t.kind == "topic"     ? "topics"
                         : t.kind == "area"    ? "areas"
                         : t.kind == "country" ? "countries"
                         : t.kind == "type"    ? "types"
                                               : nullptr;
    if (family) tags[family].push_back(t.value);
  }
  return {{"id", d.id},
          {"title", d.title},
          {"link", d.source_link()},
          {"canonical_url", d.canonical_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.canonical_url)},
          {"published", time_or_null(d.published)},
          {"updated", time_or_null(d.updated)},
          {"first_seen", util::format_rfc3339(d.first_seen)},
          {"last_changed", util::format_rfc3339(d.last_changed)},
          {"language", d.language},
          {"type", d.doc_type},
          {"doi", d.doi.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.doi)},
          {"relevance", d.relevance},
          {"tags", tags},
          {"authors", authors_array(d.authors)},
          {"summary", d.summary},
          {"summary_html", d.summary_html},
          {"state", d.state},
          {"starred", d.starred},
          {"note", d.note},
          {"sightings", sightings},
          {"editions", editions}};
}

namespace {

void time_text(std::string& out, std::string_view key, const std::optional<store::Time>& t) {
  append_json_key(out, key);
  if (t) append_json_string(out, util::format_rfc3339(*t));
  else out += "null";
}

// As nlohmann prints a double: the shortest form that reads back, with ".0" on whole numbers.
std::string number_text(double v) {
  std::string n = fmt::format("{}", v);
  if (n.find_first_of(".eni") == std::string::npos) n += ".0";
  return n;
}

void string_array(std::string& out, const std::vector<std::string_view>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, values[i]);
  }
  out += ']';
}

}  // namespace

// Keys in nlohmann's order (sorted), so both paths give the same bytes.
std::string document_text(const store::Document& d) {
  std::string o;
  o.reserve(512 + d.summary.size() + d.summary_html.size());
  o += '{';
  append_json_key(o, "authors", true);
  std::vector<std::string_view> authors;
  for (std::size_t start = 0; start < d.authors.size();) {
    std::size_t sep = d.authors.find("; ", start);
    if (sep == std::string::npos) sep = d.authors.size();
    authors.push_back(std::string_view(d.authors).substr(start, sep - start));
    start = sep + 2;
  }
  string_array(o, authors);
  append_json_key(o, "canonical_url");
  if (d.canonical_url.empty()) o += "null";
  else append_json_string(o, d.canonical_url);
  append_json_key(o, "doi");
  if (d.doi.empty()) o += "null";
  else append_json_string(o, d.doi);
  append_json_key(o, "editions");
  o += '[';
  for (std::size_t i = 0; i < d.editions.size(); ++i) {
    const auto& e = d.editions[i];
    o += i ? ",{" : "{";
    append_json_key(o, "id", true);
    o += std::to_string(e.id);
    append_json_key(o, "language");
    append_json_string(o, e.language);
    append_json_key(o, "title");
    append_json_string(o, e.title);
    o += '}';
  }
  o += ']';
  time_text(o, "first_seen", d.first_seen);
  append_json_key(o, "id");
  o += std::to_string(d.id);
  append_json_key(o, "language");
  append_json_string(o, d.language);
  time_text(o, "last_changed", d.last_changed);
  append_json_key(o, "link");
  append_json_string(o, d.source_link());
  append_json_key(o, "note");
  append_json_string(o, d.note);
  time_text(o, "published", d.published);
  append_json_key(o, "relevance");
  o += number_text(d.relevance);
  append_json_key(o, "sightings");
  o += '[';
  for (std::size_t i = 0; i < d.sightings.size(); ++i) {
    const auto& s = d.sightings[i];
    o += i ? ",{" : "{";
    append_json_key(o, "entry_key", true);
    append_json_string(o, s.entry_key);
    append_json_key(o, "feed_id");
    o += s.feed_id ? std::to_string(*s.feed_id) : "null";
    time_text(o, "first_seen", s.first_seen);
    append_json_key(o, "link");
    append_json_string(o, s.link);
    append_json_key(o, "origin");
    append_json_string(o, s.origin);
    time_text(o, "published", s.published);
    append_json_key(o, "source");
    append_json_string(o, s.source);
    o += '}';
  }
  o += ']';
  append_json_key(o, "starred");
  o += d.starred ? "true" : "false";
  append_json_key(o, "state");
  append_json_string(o, d.state);
  append_json_key(o, "summary");
  append_json_string(o, d.summary);
  append_json_key(o, "summary_html");
  append_json_string(o, d.summary_html);
  append_json_key(o, "tags");
  o += '{';
  bool first = true;
  for (const auto& [family, kind] : {std::pair{"areas", "area"}, {"countries", "country"}, {"topics", "topic"}, {"types", "type"}}) {
    append_json_key(o, family, first);
    first = false;
    std::vector<std::string_view> values;
    for (const auto& t : d.tags)
      if (t.kind == kind) values.push_back(t.value);
    string_array(o, values);
  }
  o += '}';
  append_json_key(o, "title");
  append_json_string(o, d.title);
  append_json_key(o, "type");
  append_json_string(o, d.doc_type);
  time_text(o, "updated", d.updated);
  o += '}';
  return o;
}

void JsonWriter::begin() {
  if (!lines_) out_ << '[';
}

void JsonWriter::write(const store::Document& d) {
  if (!lines_) out_ << (first_ ? "\n  " : ",\n  ");
  out_ << document_text(d);
  if (lines_) out_ << '\n';
  first_ = false;
}

void JsonWriter::end() {
  if (!lines_) out_ << (first_ ? "]\n" : "\n]\n");
}

}  // namespace atip::exporter
