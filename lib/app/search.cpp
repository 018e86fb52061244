// `atip search`: ranked full-text search with filters, fitted to a terminal or plain when piped.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>

#include "lib/app/documents.hpp"
#include "lib/export/csv.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace atip::app {

namespace {

// How many of the newest matching documents a search ranks. The rank (lib/store/ranking.hpp)
// costs about 2 µs a match (FTS5 looks up each document's length), and a common word matches tens of thousands of
// documents in a large catalogue: ranking every match would take 100 ms or more. Every match is
// ranked when there are fewer; beyond, the best of the newest thousand — a month or more of a
// busy catalogue — stand for the best, and --sort date or a narrower query reaches the rest.
constexpr int kRankWindow = 1000;

std::string safe(const std::string& s) { return text::terminal_safe(text::collapse_whitespace(s)); }

std::string sources_of(const store::Document& d) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& s : d.sightings) {
    if (std::find(seen.begin(), seen.end(), s.source) != seen.end()) continue;
    seen.push_back(s.source);
    out += (out.empty() ? "" : ", ") + s.source;
  }
  return out;
}

std::size_t char_count(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

// The title cut to `room` characters with matched words in bold. Markers come from the store
// (\x01 … \x02); each piece between them is sanitised on its own so feed text can never
// produce an escape sequence of its own.
std::string highlighted_title(const store::Document& d, std::size_t room, bool color) {
  const std::string& marked = d.title_highlighted.empty() ? d.title : d.title_highlighted;
  std::string out;
  std::size_t used = 0;
  bool bold = false;
  for (std::size_t start = 0; used < room;) {
    std::size_t end = marked.find_first_of("\x01\x02", start);
    if (end == std::string::npos) end = marked.size();
    const std::string piece = text::truncate_chars(text::terminal_safe(marked.substr(start, end - start)), room - used);
    used += char_count(piece);
    out += piece;
    if (end == marked.size() || used >= room) break;
    bold = marked[end] == '\x01';
    if (color) out += bold ? "\x1b[1m" : "\x1b[0m";
    start = end + 1;
  }
  if (color && bold) out += "\x1b[0m";
  return out;
}

void print_table_row(Context& ctx, const store::Document& d) {
  const std::size_t room = static_cast<std::size_t>(std::max(20, ctx.terminal_width - 20));
  fmt::print(ctx.out, "{:>6}  {}  {}\n", d.id, util::format_date(d.date()), highlighted_title(d, room, ctx.color));
  // A work imported from a bibliography may have no link.
  const std::string link = d.link();
  const std::string where = link.empty() ? sources_of(d) : sources_of(d) + " · " + link;
  fmt::print(ctx.out, "{:>6}  {:10}  {}\n", "", d.language, text::truncate_chars(safe(where), room));
}

void print_delimited(Context& ctx, const store::Document& d, bool csv) {
  const std::string fields[] = {std::to_string(d.id), util::format_date(d.date()), d.language,
                                safe(d.title), safe(sources_of(d)), safe(d.link())};
  std::string line;
  for (const auto& f : fields) {
    if (!line.empty()) line += csv ? "," : "\t";
    line += csv ? exporter::csv_field(f) : exporter::tsv_field(f);
  }
  ctx.out << line << (csv ? "\r\n" : "\n");
}

}  // namespace

int search(Context& ctx, const SearchOptions& o) {
  store::Selection sel = to_selection(ctx, o.filters);
  sel.fts_query = search_expression(o.query, o.expand);
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  resolve_filters(cat, o.filters, sel);
  sel.limit = o.limit;
  // A search shows a screenful: the best among the newest matches (see kRankWindow); asking
  // for every match (--limit 0) ranks them all.
  if (o.limit > 0) sel.rank_window = std::max(kRankWindow, o.limit * 50);
  sel.order = o.sort == SearchSort::Date ? store::Selection::Order::DateDesc : store::Selection::Order::Rank;
  const bool table = o.format == SearchFormat::Table && ctx.out_is_terminal;
  sel.highlight = table;
  if (o.format == SearchFormat::Csv) ctx.out << "id,date,language,title,publishers,link\r\n";
  int found = 0;
  nlohmann::json hits = nlohmann::json::array();
  // Only JSON shows tags and editions; the other formats need the sightings alone.
  cat.search(sel, o.format == SearchFormat::Json, [&](const store::Document& d) {
    ++found;
    if (o.format == SearchFormat::Json) {
      nlohmann::json j = exporter::document_json(d);
      j["rank"] = d.rank;
      hits.push_back(std::move(j));
    } else if (table) {
      print_table_row(ctx, d);
    } else {
      print_delimited(ctx, d, o.format == SearchFormat::Csv);
    }
  });
  if (o.format == SearchFormat::Json)
    ctx.out << hits.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else if (found == 0 && table)
    fmt::print(ctx.err, "no documents match '{}'\n", text::terminal_safe(o.query));
  return found;
}

}  // namespace atip::app
