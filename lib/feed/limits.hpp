#pragma once
// Caps on the size of single values, so a hostile feed (a 10 MB title, a 50 MB href) cannot make
// every later stage (the catalogue, search, terminal output) pay for it. Whole documents are
// bounded by the fetcher; these bound one field. Each cut is reported as a warning.
#include <cstddef>

#include "lib/feed/feed.hpp"

namespace atip::feed {

// Titles, names, ids, categories, raw dates: longer ones are cut (at a character boundary).
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;
// URLs: a longer one cannot be a working link and is dropped rather than cut.
inline constexpr std::size_t kMaxUrlBytes = 64 * 1024;
// Summaries, content, descriptions: long reports are published whole, so the cap is generous.
inline constexpr std::size_t kMaxTextBytes = 8 * 1024 * 1024;

// Applies the caps to every string of `feed`, adding at most a few warnings to it.
void enforce_limits(Feed& feed);

}  // namespace atip::feed
