// What a URL really serves, fetched without storing: for `feeds check` and for `feeds add`
// given a publisher's page instead of its feed.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <optional>
#include <ostream>

#include "lib/app/feeds.hpp"
#include "lib/app/fetch.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/app/harvest.hpp"
#include "lib/feed/parse.hpp"
#include "lib/html/page_watch.hpp"
#include "lib/net/http.hpp"
#include "lib/oai/oai.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

namespace {

// What to check: a feed, a watched page (read as `fetch` reads it) or an OAI-PMH archive
// (its first ListRecords page).
struct Target {
  std::string url, label;
  std::string kind = "feed";
  html::PageWatch watch{};
  std::string oai_set{};
};

struct Probe {
  net::Response response;
  feed::ParseResult parsed;  // only when the response was a 2xx (for an archive, its records)
  std::string kind = "feed";
  std::optional<oai::Page> page{};  // an archive's first page
  bool usable() const { return response.ok() && parsed.ok; }
};

// An archive's first page as a ParseResult: usable when it is a readable response without
// protocol errors (noRecordsMatch is fine).
feed::ParseResult as_result(const oai::Page& page) {
  feed::ParseResult r;
  r.ok = page.ok && page.failure().empty();
  r.error = !page.ok ? page.error : page.failure();
  for (const oai::Record& rec : page.records)
    if (!rec.deleted) r.feed.entries.push_back(rec.entry);
  r.feed.wellformed = page.ok;
  return r;
}

// Interactive commands: shorter limits than a cron fetch, a person is waiting.
net::Options probe_options() {
  net::Options o;
  o.connect_timeout_s = 10;
  o.total_timeout_s = 30;
  o.low_speed_time_s = 15;
  return o;
}

std::vector<Probe> probe(const std::vector<Target>& targets) {
  std::vector<net::Request> requests;
  std::vector<Probe> probes(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    probes[i].kind = t.kind;
    requests.push_back({static_cast<std::int64_t>(i),
                        t.kind == "oai" ? list_records_url(t.url, t.oai_set, "") : t.url, {}, {}});
  }
  net::CurlClient client(probe_options());
  client.fetch_all(requests, [&](net::Response&& r) {
    const std::size_t i = static_cast<std::size_t>(r.tag);
    Probe& p = probes.at(i);
    const Target& t = targets.at(i);
    const feed::Hints hints{charset_of(r.content_type), r.effective_url};
    if (r.ok() && t.kind == "page") {
      p.parsed = html::watch_page(r.body, hints, t.watch);
    } else if (r.ok() && t.kind == "oai") {
      p.page = oai::parse_list_records(r.body, hints.http_charset);
      p.parsed = as_result(*p.page);
    } else if (r.ok()) {
      p.parsed = feed::parse(r.body, hints);
    }
    p.response = std::move(r);
  });
  return probes;
}

// The root element each format has; the parser reports the format, not the element.
const char* root_of(feed::Format f) {
  switch (f) {
    case feed::Format::Rss10: return "<rdf:RDF>";
    case feed::Format::Atom03:
    case feed::Format::Atom10: return "<feed>";
    case feed::Format::JsonFeed: return "(a JSON object)";
    case feed::Format::Unknown: return "?";
    default: return "<rss>";
  }
}

std::string problem(const Probe& p) {
  const net::Response& r = p.response;
  if (!r.error.empty()) return r.error;
  if (!r.ok()) return http_reason(r.status);
  return p.parsed.error;
}

void report(std::ostream& out, const std::string& label, const Probe& p) {
  const net::Response& r = p.response;
  auto safe = [](const std::string& s) { return text::terminal_safe(s); };
  fmt::print(out, "{}\n", safe(label));
  for (const auto& hop : r.redirects) fmt::print(out, "  redirect: {} to {}\n", hop.status, safe(hop.to));
  if (r.status) fmt::print(out, "  status: {}\n", r.status);
  if (!r.content_type.empty()) fmt::print(out, "  content type: {}\n", safe(r.content_type));
  if (p.usable() && p.kind == "page") {
    fmt::print(out, "  watched page: {} links become entries\n", p.parsed.feed.entries.size());
    for (const auto& w : p.parsed.feed.warnings) fmt::print(out, "  warning: {}\n", safe(w));
    return;
  }
  if (p.usable() && p.page) {
    const auto& more = p.page->resumption;
    fmt::print(out, "  OAI-PMH archive: {} records on the first page{}\n", p.parsed.feed.entries.size(),
               more && more->complete_list_size ? fmt::format(", {} in all", *more->complete_list_size)
                                                : std::string(p.page->more() ? ", more to follow" : ""));
    return;
  }
  if (p.usable()) {
    const feed::Feed& f = p.parsed.feed;
    fmt::print(out, "  format: {}, root element {}, encoding {}, {} entries{}\n", feed::format_name(f.format),
               root_of(f.format), f.encoding.empty() ? "-" : safe(f.encoding), f.entries.size(),
               f.wellformed ? "" : " (recovered from malformed XML)");
    if (!f.title.empty()) fmt::print(out, "  title: {}\n", safe(f.title));
    return;
  }
  fmt::print(out, "  problem: {}\n", safe(problem(p)));
  for (const auto& a : p.parsed.advertised_feeds) fmt::print(out, "  advertises: {}\n", safe(a));
}

}  // namespace

std::string feed_url_for(Context& ctx, const std::string& url) {
  const Probe p = std::move(probe({Target{url, url}}).front());
  if (p.usable()) return url;
  if (!p.response.ok()) {
    fmt::print(ctx.err, "atip: warning: cannot check '{}' now ({}); adding it as given\n",
               text::terminal_safe(url), text::terminal_safe(problem(p)));
    return url;
  }
  const auto& advertised = p.parsed.advertised_feeds;
  if (advertised.empty())
    throw Error(fmt::format("cannot add '{}': {}, and it advertises no feed", url, p.parsed.error));
  if (auto why = unusable_feed_url(advertised.front()))
    throw Error(fmt::format("cannot add '{}': it advertises '{}': {}", url, advertised.front(), *why));
  fmt::print(ctx.err, "atip: '{}' is a page, not a feed; subscribing to the feed it advertises: '{}'\n",
             text::terminal_safe(url), text::terminal_safe(advertised.front()));
  return advertised.front();
}

int check_feeds(Context& ctx, const std::vector<std::string>& targets) {
  std::vector<Target> checks;
  auto of_feed = [](const store::FeedRow& f) {
    Target t{f.url, fmt::format("feed {}: {}", f.id, f.url), f.kind, {f.page_select, f.page_match}, f.oai_set};
    return t;
  };
  {
    store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
    if (targets.empty())
      for (const auto& f : cat.feeds()) checks.push_back(of_feed(f));
    for (const auto& t : targets) {
      if (auto f = cat.find_feed(t)) {
        checks.push_back(of_feed(*f));
      } else if (!unusable_feed_url(t)) {
        checks.push_back(Target{t, t});
      } else {
        throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", t));
      }
    }
  }
  const std::vector<Probe> probes = probe(checks);
  int bad = 0;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    report(ctx.out, checks[i].label, probes[i]);
    bad += !probes[i].usable();
  }
  return bad;
}

}  // namespace atip::app
