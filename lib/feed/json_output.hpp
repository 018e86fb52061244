#pragma once
// The `atip parse --format json` document (shape: ATIP_JSON.md of the conformance suite,
// version 1, with extra fields). Kept in lib/feed so the shape lives next to the struct.
#include <iosfwd>
#include <string>

#include "lib/feed/feed.hpp"

namespace atip::feed {

// One JSON object, UTF-8, no trailing newline.
std::string to_json(const Feed& feed);
// The same text written to `out` in chunks, never held whole in memory.
void write_json(std::ostream& out, const Feed& feed);

}  // namespace atip::feed
