#pragma once
// From a parsed feed to what the catalogue stores: stable entry keys, plain text for search,
// canonical URL, DOI and title keys for identity, and tags. Pure given the vocabulary.
#include <vector>

#include "lib/catalog/vocabulary.hpp"
#include "lib/feed/feed.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

// One entry. `on_topic`: the feed is marked fully on-topic (tag "on-topic"), so every entry
// counts as relevant.
store::EntryRecord to_record(const feed::Entry& entry, const feed::Feed& feed,
                             const catalog::Vocabulary& vocabulary, bool on_topic = false);

// Every entry of a feed, with keys chosen over the whole feed (catalog::stable_entry_keys) so
// feeds with empty or repeated GUIDs still key each entry apart.
std::vector<store::EntryRecord> to_records(const feed::Feed& feed, const catalog::Vocabulary& vocabulary,
                                           bool on_topic = false);

// Fills the tag-derived fields (tags, language, type, relevance) of a record from its text.
void tag_record(store::EntryRecord& record, const catalog::Vocabulary& vocabulary, bool on_topic,
                const std::string& language_hint);

// Identity rules 3 and 4 for the store (catalog::same_work over the stored fields).
store::SameWork same_work_decision();

}  // namespace atip::app
