#pragma once
// `atip parse`: how one feed file parses, without touching the catalogue.
#include <string>

#include "lib/app/context.hpp"

namespace atip::app {

enum class ParseFormat { Json, Text };

// Parses FILE ("-" for stdin) and prints it. Warnings go to ctx.err. When no feed could be
// produced, prints {"atip_json":1,"error":…} for JSON and throws atip::Error.
void parse_file(Context& ctx, const std::string& file, ParseFormat format);

}  // namespace atip::app
