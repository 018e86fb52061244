#include "lib/app/upgrade_note.hpp"
#include "lib/app/tags.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/app/entries.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

namespace {

constexpr catalog::Family kListed[] = {catalog::Family::topic, catalog::Family::area,
                                       catalog::Family::country, catalog::Family::type};

std::map<std::pair<std::string, std::string>, std::int64_t> document_counts(const std::string& db) {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) return out;
  store::Catalogue cat(db, store::OpenMode::ReadOnly);
  for (const auto& [tag, n] : cat.tag_counts()) out[{tag.kind, tag.value}] = n;
  return out;
}

}  // namespace

void list_tags(Context& ctx, TagsFormat format) {
  const LoadedVocabulary& v = vocabulary();
  const auto counts = document_counts(ctx.db_path);
  std::map<std::pair<std::string, std::string>, int> terms;
  for (const catalog::Term& t : v.vocabulary.terms)
    ++terms[{std::string(catalog::family_name(t.family)), v.vocabulary.values[static_cast<std::size_t>(t.family)][t.value]}];
  nlohmann::json json = nlohmann::json::array();
  if (format == TagsFormat::Table)
    fmt::print(ctx.out, "vocabulary: {}\n{:<8}  {:<26}  {:>6}  {:>9}\n", v.origin, "FAMILY", "VALUE", "TERMS", "DOCUMENTS");
  for (catalog::Family family : kListed) {
    const std::string kind(catalog::family_name(family));
    for (const std::string& value : v.vocabulary.values[static_cast<std::size_t>(family)]) {
      const auto t = terms.find({kind, value});
      const int n_terms = t == terms.end() ? 0 : t->second;
      const auto c = counts.find({kind, value});
      const std::int64_t docs = c == counts.end() ? 0 : c->second;
      if (format == TagsFormat::Json)
        json.push_back({{"family", kind}, {"value", value}, {"terms", n_terms}, {"documents", docs}});
      else if (format == TagsFormat::Tsv)
        fmt::print(ctx.out, "{}\t{}\t{}\t{}\n", kind, value, n_terms, docs);
      else
        fmt::print(ctx.out, "{:<8}  {:<26}  {:>6}  {:>9}\n", kind, value, n_terms, docs);
    }
  }
  if (format == TagsFormat::Json) ctx.out << json.dump(2) << '\n';
}

long retag(Context& ctx) {
  const catalog::Vocabulary& v = vocabulary().vocabulary;
  store::Catalogue cat(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, cat);
  const auto n = cat.retag([&](const store::TaggingInput& in) {
    store::EntryRecord r;
    r.title = in.title;
    r.summary = in.summary;
    tag_record(r, v, in.on_topic, in.language);
    return store::TaggingOutput{r.tags, r.language, r.doc_type, r.relevance};
  });
  if (ctx.out_is_terminal) fmt::print(ctx.out, "re-tagged {} documents with the {} vocabulary\n", n, vocabulary().origin);
  return static_cast<long>(n);
}

}  // namespace atip::app
