// CSL-JSON (Zotero, Mendeley, citeproc, `atip export -f csljson`): an array of items.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "lib/import/fields.hpp"
#include "lib/import/record.hpp"

namespace atip::importer {

namespace {

using json = nlohmann::json;
using detail::trim;

std::string csl_type(const std::string& t) {
  static const std::map<std::string, std::string, std::less<>> types = {
      {"report", "report"}, {"book", "report"}, {"chapter", "report"}, {"thesis", "report"},
      {"pamphlet", "report"}, {"standard", "report"}, {"article-journal", "article"},
      {"article-magazine", "article"}, {"paper-conference", "article"}, {"article", "article"},
      {"article-newspaper", "news"}, {"broadcast", "news"}, {"legislation", "law"}, {"bill", "law"},
      {"treaty", "law"}, {"regulation", "law"}, {"legal_case", "case"}, {"hearing", "case"},
      {"dataset", "data"}};
  const auto it = types.find(t);
  return it == types.end() ? std::string() : it->second;
}

std::string str(const json& item, const char* name) {
  const auto it = item.find(name);
  if (it == item.end()) return {};
  if (it->is_string()) return trim(it->get<std::string>());
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

std::string part(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_string()) return trim(v.get<std::string>());
  return "?";  // makes the date unreadable, so the record is rejected with it
}

// issued: {"date-parts": [[2024, 3, 5]]}, or {"raw": "…"} / {"literal": "…"}, or a string.
std::string csl_date(const json& item) {
  const auto it = item.find("issued");
  if (it == item.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (!it->is_object()) return "?";
  if (const auto parts = it->find("date-parts"); parts != it->end()) {
    if (!parts->is_array() || parts->empty() || !(*parts)[0].is_array() || (*parts)[0].empty()) return "?";
    const json& p = (*parts)[0];
    std::string year = part(p[0]);
    if (p.size() == 1) return year;
    std::string month = part(p[1]);
    if (month.size() == 1) month = "0" + month;
    if (p.size() == 2) return year + "-" + month;
    std::string day = part(p[2]);
    if (day.size() == 1) day = "0" + day;
    return year + "-" + month + "-" + day;
  }
  for (const char* name : {"raw", "literal"})
    if (std::string v = str(*it, name); !v.empty()) return v;
  return {};
}

std::vector<std::string> csl_names(const json& item, const char* role) {
  std::vector<std::string> out;
  const auto it = item.find(role);
  if (it == item.end() || !it->is_array()) return out;
  for (const json& n : *it) {
    if (!n.is_object()) continue;
    if (std::string literal = str(n, "literal"); !literal.empty()) {
      out.push_back(std::move(literal));
      continue;
    }
    std::string family = str(n, "family");
    for (const char* particle : {"non-dropping-particle", "dropping-particle"})
      if (std::string p = str(n, particle); !p.empty()) family = p + " " + family;
    const std::string given = str(n, "given");
    if (family.empty()) family = given;
    else if (!given.empty()) family += ", " + given;
    if (!family.empty()) out.push_back(std::move(family));
  }
  return out;
}

std::vector<std::string> strings(const json& v) {
  std::vector<std::string> out;
  if (v.is_array())
    for (const json& one : v)
      if (one.is_string() && !trim(one.get<std::string>()).empty()) out.push_back(trim(one.get<std::string>()));
  return out;
}

// atip's own `export -f json` and `-f jsonl` items, read as well: link, published (else
// first_seen, as every export dates a work), authors, summary, doi, type, tags, screening.
void read_atip_fields(const json& item, Record& r) {
  if (r.url.empty()) r.url = str(item, "link");
  if (r.date.empty()) r.date = str(item, "published");
  if (r.date.empty() && item.contains("published")) r.date = str(item, "first_seen");
  if (r.authors.empty()) r.authors = strings(item.value("authors", json()));
  if (r.summary.empty()) r.summary = str(item, "summary");
  if (r.doi.empty()) r.doi = str(item, "doi");
  if (r.type.empty()) r.type = detail::atip_type(str(item, "type"));
  if (const auto tags = item.find("tags"); tags != item.end() && tags->is_object()) {
    r.topics = strings(tags->value("topics", json()));
    r.areas = strings(tags->value("areas", json()));
    r.countries = strings(tags->value("countries", json()));
  }
  r.state = str(item, "state");
  if (const auto star = item.find("starred"); star != item.end() && star->is_boolean()) r.starred = star->get<bool>();
}

Record to_record(const json& item, int line) {
  Record r;
  r.line = line;
  r.key = str(item, "id");
  r.title = str(item, "title");
  r.authors = csl_names(item, "author");
  if (r.authors.empty()) r.authors = csl_names(item, "editor");
  r.date = csl_date(item);
  r.url = str(item, "URL");
  r.doi = str(item, "DOI");
  r.language = str(item, "language");
  r.summary = str(item, "abstract");
  r.note = str(item, "note");
  r.publisher = str(item, "publisher");
  if (r.publisher.empty()) r.publisher = str(item, "container-title");
  if (const auto k = item.find("keyword"); k != item.end()) {
    if (k->is_string()) r.keywords = detail::split(k->get<std::string>(), ",;");
    else if (k->is_array())
      for (const json& one : *k)
        if (one.is_string()) r.keywords.push_back(trim(one.get<std::string>()));
  }
  r.type = detail::atip_type(str(item, "genre"));
  if (r.type.empty()) r.type = csl_type(str(item, "type"));
  read_atip_fields(item, r);
  return r;
}

// Where each element of the top-level array starts, found by a scan that knows strings; the
// parser itself keeps no positions.
std::vector<std::size_t> element_starts(std::string_view s) {
  std::vector<std::size_t> out;
  int depth = 0;
  bool in_string = false, expect = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (depth == 1 && expect && c != ']') {
      out.push_back(i);
      expect = false;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth == 1) expect = true;
    } else if (c == ']' || c == '}') --depth;
    else if (c == ',' && depth == 1) expect = true;
  }
  return out;
}

// The deepest nesting of arrays and objects (a bibliography needs five or so).
int max_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// JSON Lines (`atip export -f jsonl`): one object per line, each line read on its own, so a
// broken line is rejected alone. False when the text is not line-oriented JSON at all.
bool read_json_lines(std::string_view bytes, ReadResult& out) {
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || bytes[first] != '{') return false;
  ReadResult lines;
  int number = 0, objects = 0;
  for (std::size_t at = 0; at < bytes.size();) {
    auto end = bytes.find('\n', at);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(at, end - at);
    at = end + 1;
    ++number;
    if (trim(line).empty()) continue;
    json item;
    try {
      item = json::parse(line);
    } catch (const json::exception& e) {
      // Not only parse_error: a number beyond a double's range is an out_of_range (406).
      lines.rejected.push_back({number, "not valid JSON: " + std::string(e.what())});
      continue;
    }
    if (!item.is_object()) {
      lines.rejected.push_back({number, std::string("a ") + item.type_name() + ", not an object"});
      continue;
    }
    ++objects;
    detail::admit(to_record(item, number), lines);
  }
  if (objects < 2) return false;  // one object spread over lines is plain (broken) JSON
  out = std::move(lines);
  return true;
}

}  // namespace

ReadResult read_csljson(std::string_view bytes) {
  ReadResult out;
  const detail::Lines lines(bytes);
  if (max_depth(bytes) > 64) {
    out.rejected.push_back({1, "JSON nested more than 64 levels deep: not a CSL-JSON bibliography"});
    return out;
  }
  json doc;
  try {
    doc = json::parse(bytes);
  } catch (const json::exception& e) {
    if (read_json_lines(bytes, out)) return out;
    // A parse_error knows its byte; a number beyond a double's range (out_of_range 406) does not.
    int line = 1;
    if (const auto* p = dynamic_cast<const json::parse_error*>(&e))
      line = lines.line_of(std::min(p->byte == 0 ? 0 : p->byte - 1, bytes.size()));
    out.rejected.push_back({line, "not valid JSON, so nothing in the file can be read: " + std::string(e.what())});
    return out;
  }
  if (doc.is_object()) {
    detail::admit(to_record(doc, lines.line_of(bytes.find('{'))), out);
    return out;
  }
  if (!doc.is_array()) {
    out.rejected.push_back({1, "CSL-JSON is an array of items; this file holds a single " + std::string(doc.type_name())});
    return out;
  }
  const std::vector<std::size_t> starts = element_starts(bytes);
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const int line = i < starts.size() ? lines.line_of(starts[i]) : 1;
    if (!doc[i].is_object()) {
      out.rejected.push_back({line, "item " + std::to_string(i + 1) + " is a " + doc[i].type_name() + ", not an object"});
      continue;
    }
    detail::admit(to_record(doc[i], line), out);
  }
  return out;
}

}  // namespace atip::importer
