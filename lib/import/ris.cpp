// RIS: "TY  - " … "ER  - " records. Tolerant of CRLF, of "TY - x" and "TY  -x" spacing, and
// of long values wrapped onto lines without a tag (appended to the value before).
#include <map>
#include <utility>

#include "lib/import/fields.hpp"
#include "lib/import/record.hpp"

namespace atip::importer {

namespace {

using detail::trim;

bool is_tag_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// "AU  - Name" -> ("AU", "Name"); nullopt for a line that is not a tag line.
std::optional<std::pair<std::string, std::string>> tag_line(std::string_view line) {
  if (line.size() < 3 || !is_tag_char(line[0]) || !is_tag_char(line[1]) || line[0] < 'A') return std::nullopt;
  std::size_t i = 2;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size() || line[i] != '-' || i > 5) return std::nullopt;
  return std::pair{std::string(line.substr(0, 2)), trim(line.substr(i + 1))};
}

std::string ris_type(const std::string& ty) {
  static const std::map<std::string, std::string, std::less<>> types = {
      {"RPRT", "report"}, {"BOOK", "report"}, {"EBOOK", "report"}, {"CHAP", "report"},
      {"ECHAP", "report"}, {"EDBOOK", "report"}, {"THES", "report"}, {"GOVDOC", "report"},
      {"PAMP", "report"}, {"STAND", "report"}, {"JOUR", "article"}, {"JFULL", "article"},
      {"EJOUR", "article"}, {"MGZN", "article"}, {"CONF", "article"}, {"CPAPER", "article"},
      {"INPR", "article"}, {"NEWS", "news"}, {"PRESS", "news"}, {"BILL", "law"}, {"STAT", "law"},
      {"LEGAL", "law"}, {"CASE", "case"}, {"HEAR", "case"}, {"DATA", "data"}, {"DBASE", "data"},
      {"AGGR", "data"}};
  const auto it = types.find(ty);
  return it == types.end() ? std::string() : it->second;
}

// A record being read: its tags' values in order.
struct Pending {
  int line = 0;
  std::multimap<std::string, std::string> tags;
  std::string last_tag;

  std::string first(std::initializer_list<const char*> names) const {
    for (const char* n : names)
      if (auto it = tags.find(n); it != tags.end() && !it->second.empty()) return it->second;
    return {};
  }
  std::vector<std::string> all(const char* name) const {
    std::vector<std::string> out;
    for (auto [it, end] = tags.equal_range(name); it != end; ++it)
      if (!it->second.empty()) out.push_back(it->second);
    return out;
  }
};

// The more precise of PY ("2024" or "2024///") and DA ("2024/03/05").
std::string ris_date(const Pending& p) {
  const std::string py = p.first({"PY", "Y1"}), da = p.first({"DA"});
  if (da.empty()) return py;
  if (py.empty()) return da;
  const auto precise = [](const std::string& d) { return detail::normalise_date(d).value_or("").size(); };
  return precise(da) >= precise(py) ? da : py;
}

Record to_record(const Pending& p) {
  Record r;
  r.line = p.line;
  r.key = p.first({"ID"});
  r.title = p.first({"TI", "T1", "CT", "BT"});
  for (const char* tag : {"AU", "A1"})
    for (std::string& a : p.all(tag)) r.authors.push_back(std::move(a));
  if (r.authors.empty())
    for (const char* tag : {"A2", "ED"})
      for (std::string& a : p.all(tag)) r.authors.push_back(std::move(a));
  r.date = ris_date(p);
  for (const std::string& u : p.all("UR"))
    for (const std::string& one : detail::split(u, " ;"))
      if (r.url.empty() && (one.rfind("http://", 0) == 0 || one.rfind("https://", 0) == 0)) r.url = one;
  if (r.url.empty()) r.url = p.first({"L1", "L2", "LK"});
  r.doi = p.first({"DO"});
  r.language = p.first({"LA"});
  r.summary = p.first({"AB", "N2"});
  for (const std::string& k : p.all("KW"))
    for (std::string& one : detail::split(k, ";")) r.keywords.push_back(std::move(one));
  r.publisher = p.first({"PB", "JO", "JF", "T2", "JA"});
  r.note = p.first({"N1"});
  r.type = ris_type(p.first({"TY"}));
  // A report's type of work can say more: "Policy document", "Training material" (atip export).
  if (r.type == "report")
    if (std::string work = detail::atip_type(p.first({"M3"})); work == "policy" || work == "training") r.type = work;
  return r;
}

}  // namespace

ReadResult read_ris(std::string_view bytes) {
  ReadResult out;
  std::optional<Pending> open;
  bool stray_reported = false;
  int number = 0;
  std::size_t at = 0;
  while (at < bytes.size()) {
    auto end = bytes.find_first_of("\r\n", at);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(at, end - at);
    ++number;
    at = end < bytes.size() && bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n' ? end + 2 : end + 1;
    const auto tag = tag_line(line);
    if (!tag) {
      // A wrapped value continues the tag before it; blank lines and text outside records go.
      if (open && !open->last_tag.empty() && !trim(line).empty()) {
        auto it = open->tags.equal_range(open->last_tag).second;
        std::string& value = std::prev(it)->second;
        value += (value.empty() ? "" : " ") + trim(line);
      }
      continue;
    }
    const auto& [name, value] = *tag;
    if (name == "TY") {
      if (open) out.rejected.push_back({open->line, "no 'ER  -' before the next 'TY  -' on line " + std::to_string(number)});
      open = Pending{number, {}, {}};
    } else if (!open) {
      if (!stray_reported && name != "ER")
        out.notes.push_back("line " + std::to_string(number) + ": '" + name + "' outside a record (no 'TY  -' before it); ignored");
      stray_reported = true;
      continue;
    }
    if (name == "ER") {
      detail::admit(to_record(*open), out);
      open.reset();
      continue;
    }
    open->tags.emplace(name, value);
    open->last_tag = name;
  }
  if (open) out.rejected.push_back({open->line, "the record has no 'ER  -' (the file ends inside it)"});
  return out;
}

}  // namespace atip::importer
