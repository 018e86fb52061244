# Writes a C++ source holding every schema/NNNN_name.sql as a string, in order.
# Run with -DOUT=<file> -DFILES="<sql files separated by ;>".
set(body "// Generated from schema/*.sql by cmake/embed_schema.cmake. Do not edit.\n")
string(APPEND body "#include \"lib/store/schema_files.hpp\"\n\nnamespace atip::store {\n")
string(APPEND body "const std::vector<SchemaFile>& schema_files() {\n  static const std::vector<SchemaFile> files = {\n")
separate_arguments(FILES)
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME)
  file(READ ${f} sql)
  string(APPEND body "    {\"${name}\", R\"atip_sql(${sql})atip_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n}  // namespace atip::store\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
