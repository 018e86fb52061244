#pragma once
// `atip tags` (the vocabulary with document counts) and `atip retag` (tag the catalogue again
// after the vocabulary changed).
#include "lib/app/context.hpp"

namespace atip::app {

enum class TagsFormat { Table, Tsv, Json };

// Lists every value of the vocabulary's topic, area, country and type families with its number
// of terms and of documents tagged with it. Works without a catalogue (counts are then 0).
void list_tags(Context& ctx, TagsFormat format);

// Re-tags every document with the current vocabulary; returns how many. Prints a summary when
// stdout is a terminal.
long retag(Context& ctx);

}  // namespace atip::app
