#include "lib/app/expand.hpp"

#include <map>
#include <memory>
#include <set>

#include "lib/catalog/fold.hpp"

namespace atip::app {

namespace {

bool unambiguous(const catalog::Term& t) {
  return !t.case_sensitive && !t.capitalised && !t.demonym && t.with.empty() && t.without.empty() &&
         t.prev.empty() && t.next.empty() && t.not_prev.empty() && t.not_next.empty() &&
         t.need.empty() && t.unless.empty();
}

using Key = std::pair<catalog::Family, std::uint16_t>;

}  // namespace

query::Expander vocabulary_expander(const catalog::Vocabulary& v) {
  auto by_text = std::make_shared<std::map<std::string, Key>>();
  auto equivalents = std::make_shared<std::map<Key, std::vector<std::string>>>();
  for (const catalog::Term& t : v.terms) {
    if (t.family != catalog::Family::topic && t.family != catalog::Family::area) continue;
    const Key key{t.family, t.value};
    by_text->emplace(catalog::fold(t.text), key);
    auto& list = (*equivalents)[key];
    if (unambiguous(t) && list.size() < 12) list.push_back(t.text);
  }
  return [by_text, equivalents](std::string_view words) -> std::vector<std::string> {
    const auto it = by_text->find(catalog::fold(words));
    if (it == by_text->end()) return {};
    return equivalents->at(it->second);
  };
}

}  // namespace atip::app
