// What a URL really serves, fetched without storing: for `feeds check` and for `feeds add`
// given a publisher's page instead of its feed.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <ostream>

#include "lib/app/feeds.hpp"
#include "lib/app/fetch.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/feed/parse.hpp"
#include "lib/net/http.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

namespace {

struct Probe {
  net::Response response;
  feed::ParseResult parsed;  // only when the response was a 2xx
  bool usable() const { return response.ok() && parsed.ok; }
};

// Interactive commands: shorter limits than a cron fetch, a person is waiting.
net::Options probe_options() {
  net::Options o;
  o.connect_timeout_s = 10;
  o.total_timeout_s = 30;
  o.low_speed_time_s = 15;
  return o;
}

std::vector<Probe> probe(const std::vector<std::string>& urls) {
  std::vector<net::Request> requests;
  for (std::size_t i = 0; i < urls.size(); ++i) requests.push_back({static_cast<std::int64_t>(i), urls[i], {}, {}});
  std::vector<Probe> probes(urls.size());
  net::CurlClient client(probe_options());
  client.fetch_all(requests, [&probes](net::Response&& r) {
    Probe& p = probes.at(static_cast<std::size_t>(r.tag));
    if (r.ok()) p.parsed = feed::parse(r.body, {charset_of(r.content_type), r.effective_url});
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
  const Probe p = std::move(probe({url}).front());
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
  std::vector<std::string> urls, labels;
  {
    store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
    if (targets.empty())
      for (const auto& f : cat.feeds()) {
        urls.push_back(f.url);
        labels.push_back(fmt::format("feed {}: {}", f.id, f.url));
      }
    for (const auto& t : targets) {
      if (auto f = cat.find_feed(t)) {
        urls.push_back(f->url);
        labels.push_back(fmt::format("feed {}: {}", f->id, f->url));
      } else if (!unusable_feed_url(t)) {
        urls.push_back(t);
        labels.push_back(t);
      } else {
        throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')", t));
      }
    }
  }
  const std::vector<Probe> probes = probe(urls);
  int bad = 0;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    report(ctx.out, labels[i], probes[i]);
    bad += !probes[i].usable();
  }
  return bad;
}

}  // namespace atip::app
