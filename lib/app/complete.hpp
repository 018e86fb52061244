#pragma once
// What `atip __complete` offers beyond commands and options (see cmd/complete.cpp): feed ids
// and tag values, one "VALUE\tDESCRIPTION" line each. Never an error: completion prints
// nothing rather than a message in the middle of the user's command line.
#include <string>

#include "lib/app/context.hpp"

namespace atip::app {

// Feed ids with their titles, from the catalogue at `db` (else the one `config_file`, else the
// configuration in force, names).
void complete_feeds(Context& ctx, const std::string& db, const std::string& config_file);

// The vocabulary's values of one family: "topic", "area", "country" or "type".
void complete_tags(Context& ctx, const std::string& family);

}  // namespace atip::app
