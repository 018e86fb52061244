#pragma once
// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) -> Feed. Called when the first
// non-space byte is '{'. Never throws: malformed JSON or a non-JSON-Feed object gives false
// and an error message.
#include <string>
#include <string_view>

#include "lib/feed/feed.hpp"

namespace atip::feed {

bool parse_json_feed(std::string_view utf8, std::string_view base_url, Feed& feed,
                     std::string& error);

}  // namespace atip::feed
