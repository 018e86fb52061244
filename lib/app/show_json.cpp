// `atip show ID --format json`: the document as export and search write it, plus its earlier
// versions, which only show reads.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/app/documents.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/error.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

void show_json(Context& ctx, std::int64_t id) {
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadOnly);
  const auto d = cat.document(id);
  if (!d) throw Error(fmt::format("no document {} in the catalogue", id));
  nlohmann::json doc = exporter::document_json(*d);
  if (!doc.contains("revisions")) {
    nlohmann::json revisions = nlohmann::json::array();
    for (const auto& r : d->revisions)
      revisions.push_back({{"until", util::format_rfc3339(r.changed_at)}, {"title", r.title}});
    doc["revisions"] = revisions;
  }
  ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace atip::app
