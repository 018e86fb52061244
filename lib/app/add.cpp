#include "lib/app/upgrade_note.hpp"
#include "lib/app/add.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/app/config.hpp"
#include "lib/app/entries.hpp"
#include "lib/app/fetch.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/catalog/canonical_url.hpp"
#include "lib/catalog/doi.hpp"
#include "lib/catalog/identity.hpp"
#include "lib/feed/identity.hpp"
#include "lib/feed/sniff.hpp"
#include "lib/html/decode.hpp"
#include "lib/html/page_meta.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/time.hpp"
#include "lib/util/url.hpp"

namespace atip::app {

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_http_url(const std::string& url) {
  const std::string l = lower(url.substr(0, 8));
  return (l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0) && !catalog::canonical_url(url).empty();
}

std::string host_of(const std::string& canonical) { return canonical.substr(0, canonical.find('/')); }

// "es-AR" -> "es".
std::string primary_language(const std::string& tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out.size() >= 2 && out.size() <= 3 ? out : std::string();
}

const std::vector<std::string>& family_values(catalog::Family f) {
  return vocabulary().vocabulary.values[static_cast<std::size_t>(f)];
}

std::string one_of(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

void check_options(const AddOptions& o) {
  if (!is_http_url(o.url))
    throw Error(fmt::format("'{}' is not an http(s) URL", o.url), kExitUsage);
  if (o.date && !util::parse_cli_date(*o.date))
    throw Error(fmt::format("--date '{}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", *o.date), kExitUsage);
  if (o.type) {
    const auto& types = family_values(catalog::Family::type);
    if (std::find(types.begin(), types.end(), *o.type) == types.end())
      throw Error(fmt::format("--type '{}' is not a document type of the vocabulary ({})", *o.type, one_of(types)),
                  kExitUsage);
  }
  const auto& countries = family_values(catalog::Family::country);
  for (const std::string& c : o.countries) {
    std::string upper = c;
    for (char& ch : upper)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (std::find(countries.begin(), countries.end(), upper) == countries.end())
      throw Error(fmt::format("--country '{}' is not a country code of the vocabulary (see 'atip tags')", c), kExitUsage);
  }
  if (o.lang && primary_language(*o.lang).empty())
    throw Error(fmt::format("--lang '{}' is not a language code (en, es, pt, fr …)", *o.lang), kExitUsage);
  if (o.title && text::collapse_whitespace(*o.title).empty()) throw Error("--title is empty", kExitUsage);
}

struct Fetched {
  net::Response response;
  std::optional<html::PageMeta> meta;  // when the URL served an HTML page
  std::string unread;                  // why nothing was read from it
};

Fetched fetch_page(net::HttpClient& http, const std::string& url) {
  Fetched f;
  http.fetch_all({{0, url, {}, {}}}, [&](net::Response&& r) { f.response = std::move(r); });
  const net::Response& r = f.response;
  if (!r.error.empty()) {
    f.unread = r.error;
  } else if (!r.ok()) {
    f.unread = http_reason(r.status);
  } else {
    const std::string type = lower(r.content_type.substr(0, r.content_type.find(';')));
    const bool html = type.find("html") != std::string::npos ||
                      ((type.empty() || type == "text/plain") &&
                       feed::looks_like_html_page(html::decode_page(r.body, charset_of(r.content_type)).utf8));
    if (html)
      f.meta = html::read_page_meta(r.body, charset_of(r.content_type), r.effective_url.empty() ? url : r.effective_url);
    else
      f.unread = fmt::format("it serves {}, not an HTML page", type.empty() ? "no content type" : type);
  }
  return f;
}

store::EntryRecord build_record(const AddOptions& o, const Fetched& f, AddResult& result) {
  const html::PageMeta meta = f.meta.value_or(html::PageMeta{});
  store::EntryRecord r;
  r.link = o.url;
  const std::string effective = f.response.effective_url.empty() ? o.url : f.response.effective_url;
  r.canonical_url = catalog::canonical_url(effective);
  // A page's canonical link names the address its own site files it under; one pointing to
  // another site or to a home page is a CMS mistake and is not followed.
  if (!meta.canonical.empty()) {
    const std::string c = catalog::canonical_url(meta.canonical);
    if (!c.empty() && host_of(c) == host_of(r.canonical_url) && c.find('/') != std::string::npos) r.canonical_url = c;
  }
  r.entry_key = r.canonical_url;
  // Options may carry any bytes; everything stored is valid UTF-8.
  r.title = text::terminal_safe(text::collapse_whitespace(text::sanitize_utf8(o.title ? *o.title : meta.title)));
  if (r.title.empty())
    throw Error(f.meta ? "the page gives no title: give one with --title"
                       : fmt::format("cannot read a title from {} ({}): give one with --title", o.url, f.unread));
  r.summary = text::terminal_safe(meta.description);
  const std::vector<std::string>& authors = o.authors.empty() ? meta.authors : o.authors;
  for (const std::string& a : authors) {
    const std::string name = text::terminal_safe(text::collapse_whitespace(text::sanitize_utf8(a)));
    if (!name.empty()) r.authors += (r.authors.empty() ? "" : "; ") + name;
  }
  if (o.date) {
    r.published = util::parse_cli_date(*o.date);
  } else {
    r.published = meta.date;
    if (!meta.date_raw.empty() && !meta.date)
      result.warnings.push_back(fmt::format("the page's date '{}' cannot be read; give one with --date", meta.date_raw));
  }
  std::vector<std::string> identifiers = meta.identifiers;
  identifiers.push_back(effective);
  const catalog::EntryDoi doi = catalog::entry_doi(r.link, identifiers, r.summary);
  r.doi = doi.doi;
  r.doi_from_text = doi.from_text;
  r.title_keys = catalog::candidate_keys(r.title);
  const std::string language_hint = o.lang ? *o.lang : meta.language;
  tag_record(r, vocabulary().vocabulary, /*on_topic=*/false, language_hint);
  // What the person said wins over what the tagger guessed.
  if (o.lang) r.language = primary_language(*o.lang);
  if (o.type) r.doc_type = *o.type;
  for (std::string c : o.countries) {
    for (char& ch : c)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    auto it = std::find_if(r.tags.begin(), r.tags.end(),
                           [&](const store::TagRecord& t) { return t.kind == "country" && t.value == c; });
    if (it == r.tags.end()) r.tags.push_back({"country", c, 1});
    else it->score = 1;
  }
  feed::Entry e;
  e.title = r.title;
  e.summary = r.summary;
  e.link = r.link;
  r.content_hash = feed::entry_content_hash(e);
  return r;
}

const char* outcome_name(store::EntryOutcome::Kind k) {
  switch (k) {
    case store::EntryOutcome::Kind::NewDocument: return "new_document";
    case store::EntryOutcome::Kind::NewSighting: return "new_sighting";
    case store::EntryOutcome::Kind::Updated: return "updated";
    case store::EntryOutcome::Kind::Unchanged: return "unchanged";
  }
  return "unchanged";
}

// The fetch.* settings in force (config file, environment), for the one request.
net::Options net_options(const Context& ctx) {
  net::Options o;
  // A person is waiting: shorter limits than a cron fetch unless configured.
  o.connect_timeout_s = 10;
  o.total_timeout_s = 30;
  o.low_speed_time_s = 15;
  if (!ctx.config) return o;
  auto number = [&](const char* key, auto& into) {
    const std::string& v = ctx.config->at(key).value;
    if (ctx.config->at(key).source == SettingSource::Default || v.empty()) return;
    std::remove_reference_t<decltype(into)> n{};
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec == std::errc() && end == v.data() + v.size() && n > 0) into = n;
  };
  number("fetch.connect-timeout", o.connect_timeout_s);
  number("fetch.timeout", o.total_timeout_s);
  number("fetch.low-speed-time", o.low_speed_time_s);
  number("fetch.max-size", o.max_body_bytes);
  const Setting& ua = ctx.config->at("fetch.user-agent");
  if (ua.source != SettingSource::Default && !ua.value.empty()) o.user_agent = ua.value;
  return o;
}

}  // namespace

AddResult add_document(store::Catalogue& catalogue, net::HttpClient& http, const AddOptions& o, store::Time now) {
  check_options(o);
  AddResult result;
  const Fetched fetched = fetch_page(http, o.url);
  if (!fetched.meta) {
    if (!o.title)
      throw Error(fmt::format("cannot read a title from {} ({}): give one with --title", o.url, fetched.unread));
    // An unreachable page is catalogued from the options; a PDF simply has nothing to read.
    if (!fetched.response.ok())
      result.warnings.push_back(fmt::format("could not read the page ({}); catalogued from the options given", fetched.unread));
  }
  result.record = build_record(o, fetched, result);
  const auto outcomes = catalogue.ingest_unowned("hand", "hand entry", {result.record}, now, same_work_decision());
  if (outcomes.size() != 1) throw Error("the catalogue did not store the document");
  result.outcome = outcomes.front();
  if (o.note) catalogue.mark({result.outcome.document_id}, store::Mark{std::nullopt, std::nullopt, *o.note});
  return result;
}

int add_command(Context& ctx, const AddOptions& o) {
  if (o.format != "text" && o.format != "json")
    throw Error(fmt::format("--format '{}' is not one of text, json", o.format), kExitUsage);
  require_catalogue(ctx.db_path);
  check_options(o);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  net::CurlClient client(net_options(ctx));
  const AddResult r = add_document(cat, client, o, ctx.clock.now());
  for (const std::string& w : r.warnings) fmt::print(ctx.err, "atip: warning: {}\n", text::terminal_safe(w));
  const std::int64_t id = r.outcome.document_id;
  if (o.format == "json") {
    nlohmann::json j = {{"id", id}, {"title", r.record.title}, {"link", r.record.link},
                        {"outcome", outcome_name(r.outcome.kind)}, {"warnings", r.warnings}};
    ctx.out << j.dump(2) << '\n';
    return 0;
  }
  const std::string title = text::terminal_safe(r.record.title);
  switch (r.outcome.kind) {
    case store::EntryOutcome::Kind::NewDocument:
      fmt::print(ctx.out, "added document {}: {}\n", id, title);
      break;
    case store::EntryOutcome::Kind::NewSighting:
      fmt::print(ctx.out, "already catalogued as document {}; added a sighting: {}\n", id, title);
      break;
    case store::EntryOutcome::Kind::Updated:
      fmt::print(ctx.out, "already added by hand as document {}; updated it: {}\n", id, title);
      break;
    case store::EntryOutcome::Kind::Unchanged:
      fmt::print(ctx.out, "already added by hand as document {}: {}\n", id, title);
      break;
  }
  return 0;
}

}  // namespace atip::app
