#pragma once
// What a command that writes says after it upgraded the catalogue to a newer schema level.
#include "lib/app/context.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

// When opening `cat` upgraded it, one line on stderr, even from cron: the upgrade left a copy
// of the catalogue beside it, as large as the catalogue was, which only a person can decide to
// delete; and a second line when the upgrade left enough free pages for 'atip doctor --compact'
// to be worth running. Later commands find the catalogue current and say nothing.
void note_upgrade(Context& ctx, const store::Catalogue& cat);

}  // namespace atip::app
