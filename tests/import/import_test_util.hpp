#pragma once
// Reading the fixtures of tests/data/import and finding records and problems by line.
#include <doctest/doctest.h>

#include <string>

#include "lib/import/record.hpp"
#include "tests/common/run_atip.hpp"

namespace atip::testing {

inline std::string import_fixture(const std::string& name) {
  return slurp(ATIP_SOURCE_DIR "/tests/data/import/" + name);
}

inline const importer::Record& record_at(const importer::ReadResult& r, int line) {
  for (const auto& rec : r.records)
    if (rec.line == line) return rec;
  FAIL("no record at line " << line);
  return r.records.front();
}

// The reason the record at `line` was rejected, "" when it was not.
inline std::string rejection_at(const importer::ReadResult& r, int line) {
  for (const auto& p : r.rejected)
    if (p.line == line) return p.message;
  return {};
}

inline std::vector<int> record_lines(const importer::ReadResult& r) {
  std::vector<int> out;
  for (const auto& rec : r.records) out.push_back(rec.line);
  return out;
}

inline std::vector<int> rejected_lines(const importer::ReadResult& r) {
  std::vector<int> out;
  for (const auto& p : r.rejected) out.push_back(p.line);
  return out;
}

}  // namespace atip::testing
