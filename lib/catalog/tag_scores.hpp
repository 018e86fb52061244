#pragma once
// Internal to the tagger: turning the vocabulary matches of one document into tag scores and
// a relevance score. Split from tagger.cpp (matching) to keep each file about one thing.
#include <cstdint>
#include <utility>
#include <vector>

#include "lib/catalog/tagger.hpp"

namespace atip::catalog {

// A term index of `vocabulary` with the weight it matched with.
using TermHit = std::pair<std::uint32_t, float>;

// Scores per value (strongest hit plus a bonus per repeat, capped at 1), the tags that reach
// kTagThreshold, the best type and the relevance. Leaves Tags::language empty.
Tags score_hits(const std::vector<TermHit>& hits, const Vocabulary& vocabulary, bool on_topic);

}  // namespace atip::catalog
