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
// A `path` that is not a regular file (a device such as /dev/null or /dev/stdout, a FIFO) is
// written in place: renaming over it would replace the device with a file, which for root and
// /dev/null breaks the whole machine. A symbolic link is followed: the file it names is replaced.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace atip::util
