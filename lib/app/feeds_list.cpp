// `atip feeds list`: each feed's health — last attempt and success, HTTP status, failures in a
// row, next attempt, documents stored and new in the last 30 days.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/app/feeds.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

namespace {

constexpr std::int64_t kRecentDays = 30;

std::string when(const std::optional<std::int64_t>& t) {
  return t ? util::format_rfc3339(*t) : std::string("-");
}

// "new", "ok", "failed", "failing (3x)", "disabled".
std::string state_of(const store::FeedRow& f) {
  if (!f.enabled) return "disabled";
  if (!f.last_attempt) return "new";
  if (f.consecutive_failures == 0) return "ok";
  return f.consecutive_failures > 1 ? fmt::format("failing ({}x)", f.consecutive_failures) : "failed";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

nlohmann::json feed_json(const store::FeedRow& f, std::int64_t recent) {
  auto time = [](const std::optional<std::int64_t>& t) {
    return t ? nlohmann::json(util::format_rfc3339(*t)) : nlohmann::json(nullptr);
  };
  return {{"id", f.id},
          {"url", f.url},
          {"title", f.title},
          {"site_url", f.site_url},
          {"language", f.language},
          {"tags", f.tags},
          {"enabled", f.enabled},
          {"state", state_of(f)},
          {"last_attempt", time(f.last_attempt)},
          {"last_success", time(f.last_success)},
          {"http_status", f.http_status ? nlohmann::json(*f.http_status) : nlohmann::json(nullptr)},
          {"last_error", f.last_error},
          {"consecutive_failures", f.consecutive_failures},
          {"next_attempt", time(f.next_attempt_after)},
          {"note", f.note},
          {"documents", f.documents},
          {"new_30_days", recent},
          {"kind", f.kind},
          {"page_select", f.page_select},
          {"page_match", f.page_match},
          {"oai_set", f.oai_set},
          {"harvested_until", f.harvested_until.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.harvested_until)}};
}

void print_table_row(std::ostream& out, const store::FeedRow& f, std::int64_t recent) {
  const std::string status = f.http_status ? std::to_string(*f.http_status) : "-";
  fmt::print(out, "{:>4}  {:<13}  {:>4}  {:>5}  {:>5}  {:<20}  {}\n", f.id, state_of(f), status,
             f.documents, recent, when(f.last_success),
             text::terminal_safe(f.title.empty() ? f.url : f.title));
  fmt::print(out, "{:>4}  {}\n", "", text::terminal_safe(f.url));
  if (f.kind == "page")
    fmt::print(out, "{:>4}  watched page{}{}\n", "",
               f.page_select.empty() ? "" : ", items: " + text::terminal_safe(f.page_select),
               f.page_match.empty() ? "" : ", links matching: " + text::terminal_safe(f.page_match));
  if (f.kind == "oai")
    fmt::print(out, "{:>4}  OAI-PMH archive{}, {}\n", "",
               f.oai_set.empty() ? "" : ", set " + text::terminal_safe(f.oai_set),
               f.harvested_until.empty() ? "not harvested in full yet"
                                         : "harvested up to " + text::terminal_safe(f.harvested_until));
  if (f.last_attempt && f.last_attempt != f.last_success)
    fmt::print(out, "{:>4}  last attempt {}\n", "", when(f.last_attempt));
  if (f.next_attempt_after) fmt::print(out, "{:>4}  next attempt after {}\n", "", when(f.next_attempt_after));
  if (!f.tags.empty()) fmt::print(out, "{:>4}  tags: {}\n", "", text::terminal_safe(join(f.tags, ", ")));
  if (!f.last_error.empty())
    fmt::print(out, "{:>4}  last error: {}\n", "", text::terminal_safe(f.last_error));
  if (!f.note.empty()) fmt::print(out, "{:>4}  note: {}\n", "", text::terminal_safe(f.note));
}

}  // namespace

void list_feeds(Context& ctx, ListFormat format) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  const auto feeds = cat.feeds();
  std::map<std::int64_t, std::int64_t> recent;
  for (const auto& [id, n] : cat.feed_new_documents(ctx.clock.now() - kRecentDays * 86400)) recent[id] = n;
  if (format == ListFormat::Json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& f : feeds) all.push_back(feed_json(f, recent[f.id]));
    ctx.out << all.dump(2) << '\n';
    return;
  }
  if (format == ListFormat::Tsv) {
    // Stable columns for scripts; times in RFC 3339 UTC, "-" for never.
    for (const auto& f : feeds)
      fmt::print(ctx.out, "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", f.id, state_of(f),
                 f.http_status ? std::to_string(*f.http_status) : "-", f.consecutive_failures,
                 f.documents, recent[f.id], when(f.last_attempt), when(f.last_success),
                 when(f.next_attempt_after), text::terminal_safe(f.url), text::terminal_safe(f.title),
                 f.kind);
    return;
  }
  fmt::print(ctx.out, "{:>4}  {:<13}  {:>4}  {:>5}  {:>5}  {:<20}  {}\n", "ID", "STATE", "HTTP", "DOCS",
             "NEW30", "LAST SUCCESS", "FEED");
  for (const auto& f : feeds) print_table_row(ctx.out, f, recent[f.id]);
}

}  // namespace atip::app
