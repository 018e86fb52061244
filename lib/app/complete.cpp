#include "lib/app/complete.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <sstream>

#include "lib/app/config.hpp"
#include "lib/app/tags.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

void complete_feeds(Context& ctx, const std::string& db, const std::string& config_file) {
  try {
    std::string path = db;
    if (path.empty()) path = config_file.empty() ? ctx.db_path : load_config(config_file).at("catalogue").value;
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return;
    store::Catalogue cat(path, store::OpenMode::ReadOnly);
    for (const auto& f : cat.feeds()) {
      std::string title = text::terminal_safe(f.title.empty() ? f.url : f.title);
      for (char& c : title)
        if (c == '\t' || c == '\n') c = ' ';
      fmt::print(ctx.out, "{}\t{}\n", f.id, title);
    }
  } catch (const Error&) {
    // An unusable catalogue or config: offer nothing.
  }
}

void complete_tags(Context& ctx, const std::string& family) {
  std::ostringstream tsv;
  Context quiet{"", tsv, ctx.err, ctx.clock};  // no catalogue: the vocabulary alone
  list_tags(quiet, TagsFormat::Tsv);
  std::istringstream lines(tsv.str());
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.substr(0, tab) != family) continue;
    const auto end = line.find('\t', tab + 1);
    fmt::print(ctx.out, "{}\n", line.substr(tab + 1, end - tab - 1));
  }
}

}  // namespace atip::app
