#pragma once
// From a parsed feed entry to what the catalogue stores: plain text for search, canonical URL
// for identity. Pure.
#include "lib/feed/feed.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

store::EntryRecord to_record(const feed::Entry& entry, const feed::Feed& feed);

}  // namespace atip::app
