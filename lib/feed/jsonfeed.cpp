#include "lib/feed/jsonfeed.hpp"

#include <nlohmann/json.hpp>

#include "lib/feed/extract.hpp"
#include "lib/util/url.hpp"

namespace atip::feed {

namespace {

using nlohmann::json;

std::string get_string(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Person person_of(const json& a) {
  Person p;
  if (a.is_string()) {
    p.name = a.get<std::string>();
  } else if (a.is_object()) {
    p.name = get_string(a, "name");
    p.uri = get_string(a, "url");
  }
  return p;
}

// JSON Feed 1.1 has "authors" (array), 1.0 a single "author" object.
void read_authors(const json& j, std::vector<Person>& out) {
  if (const auto it = j.find("authors"); it != j.end() && it->is_array()) {
    for (const auto& a : *it)
      if (Person p = person_of(a); !p.name.empty() || !p.uri.empty()) out.push_back(std::move(p));
  }
  if (!out.empty()) return;
  if (const auto it = j.find("author"); it != j.end())
    if (Person p = person_of(*it); !p.name.empty() || !p.uri.empty()) out.push_back(std::move(p));
}

Entry read_item(const json& item, const std::string& base) {
  Entry e;
  if (const auto it = item.find("id"); it != item.end()) {
    if (it->is_string())
      e.id = it->get<std::string>();
    else if (it->is_number_integer())
      e.id = std::to_string(it->get<std::int64_t>());
  }
  e.title = get_string(item, "title");
  if (std::string url = get_string(item, "url"); !url.empty())
    e.link = util::resolve_url(base, url);
  set_date(e.published, get_string(item, "date_published"));
  set_date(e.updated, get_string(item, "date_modified"));
  e.summary = get_string(item, "summary");
  e.content = get_string(item, "content_html");
  e.content_type = TextType::Html;
  if (e.content.empty()) {
    e.content = get_string(item, "content_text");
    e.content_type = TextType::Text;
  }
  read_authors(item, e.authors);
  if (const auto it = item.find("tags"); it != item.end() && it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) add_category(e.categories, t.get<std::string>());
  if (const auto it = item.find("attachments"); it != item.end() && it->is_array()) {
    for (const auto& a : *it) {
      if (!a.is_object()) continue;
      const std::string url = get_string(a, "url");
      if (url.empty()) continue;
      std::optional<std::int64_t> len;
      if (const auto s = a.find("size_in_bytes"); s != a.end() && s->is_number_integer())
        len = s->get<std::int64_t>();
      e.enclosures.push_back({util::resolve_url(base, url), get_string(a, "mime_type"), len});
    }
  }
  e.language = get_string(item, "language");
  return e;
}

}  // namespace

bool parse_json_feed(std::string_view utf8, std::string_view base_url, Feed& feed,
                     std::string& error) {
  const json j = json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    error = "malformed JSON";
    return false;
  }
  if (!j.is_object() || !get_string(j, "version").starts_with("https://jsonfeed.org/version/")) {
    error = "not a feed: JSON without a JSON Feed version";
    return false;
  }
  feed.format = Format::JsonFeed;
  const std::string base(base_url);
  feed.title = get_string(j, "title");
  if (std::string home = get_string(j, "home_page_url"); !home.empty())
    feed.link = util::resolve_url(base, home);
  feed.description = get_string(j, "description");
  feed.language = get_string(j, "language");
  if (const auto it = j.find("items"); it != j.end() && it->is_array())
    for (const auto& item : *it)
      if (item.is_object()) feed.entries.push_back(read_item(item, base));
  return true;
}

}  // namespace atip::feed
