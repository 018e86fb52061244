#pragma once
// Whole-file reads and all-or-nothing writes.
#include <functional>
#include <iosfwd>
#include <string>

namespace atip::util {

// The file's bytes; "-" reads standard input. Throws atip::Error("cannot read 'p': reason").
std::string read_file(const std::string& path);

// Calls `write` with a stream on a temporary file beside `path`, then renames it over `path`,
// so readers never see half a file. On any failure (including an exception from `write`)
// the temporary file is removed and `path` is untouched; throws atip::Error.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace atip::util
