#pragma once
// `atip doctor [--repair] [--compact]` and `atip backup FILE`.
#include <string>

#include "lib/app/context.hpp"

namespace atip::app {

struct DoctorOptions {
  bool repair = false;
  bool compact = false;
};

// Checks the catalogue and prints a report on stdout; with `repair`, first rebuilds what is
// derived from the documents (indexes, full-text index, tags) and removes rows pointing at
// nothing; with `compact`, then rewrites the file without its free pages; then checks again.
// Returns 0 when the catalogue is healthy, 1 when problems remain.
int doctor(Context& ctx, const DoctorOptions& options);

// Writes a consistent copy of the catalogue to `dest`, while a fetch may be running.
void backup(Context& ctx, const std::string& dest);

}  // namespace atip::app
