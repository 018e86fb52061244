#pragma once
// The migrations of schema/, embedded at build time (cmake/embed_schema.cmake), in order.
#include <string_view>
#include <vector>

namespace atip::store {

struct SchemaFile {
  std::string_view name;  // "0001_initial.sql": the number is the schema level it produces
  std::string_view sql;
};

const std::vector<SchemaFile>& schema_files();

}  // namespace atip::store
