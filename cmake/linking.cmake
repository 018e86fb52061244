# How atip is linked: the allocator, and whether the libraries are linked in or loaded.
#
# Every atip command is a short process (search, show, parse …), and on the virtual machines
# measured by scripts/bench most of a search's time was the process itself, not the query:
# loading six shared libraries took 3.3 ms of a 7.5 ms start, and every fresh 4 KiB page of
# heap cost a page fault (a third of `atip search`'s time, most of `atip parse`'s system time).
#
# ATIP_MIMALLOC: mimalloc (Debian's libmimalloc) as the allocator, with 2 MiB pages for its
#   first segment (lib/alloc/large_pages.cpp). Measured by scripts/bench together with
#   ATIP_STATIC_LIBS: search of the 1,000,000-document catalogue, median 25.9 -> 11.4 ms;
#   `atip parse` of a 20 MB feed 190 -> 105 ms. glibc's malloc takes large pages only from an
#   environment variable (GLIBC_TUNABLES) read before main; jemalloc's were slower than
#   mimalloc's and took more memory. Off under the sanitizers, which bring their own allocator.
# ATIP_STATIC_LIBS: libstdc++, SQLite, pugixml, gumbo, fmt and toml++ linked into the binary;
#   glibc stays shared, and libcurl is still loaded only when a command fetches
#   (lib/net/curl_api.hpp). On by default for Release builds. The Debian package turns it off
#   (scripts/package-test) so that Debian's security updates of those libraries reach atip.
option(ATIP_MIMALLOC "Use mimalloc as the allocator, its first segment in 2 MiB pages" ON)
if(CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT ATIP_SANITIZE)
  set(atip_static_default ON)
else()
  set(atip_static_default OFF)
endif()
option(ATIP_STATIC_LIBS "Link libstdc++, SQLite, pugixml, gumbo, fmt and toml++ statically" ${atip_static_default})
if(ATIP_SANITIZE)
  set(ATIP_MIMALLOC OFF)
  set(ATIP_STATIC_LIBS OFF)
endif()

if(ATIP_STATIC_LIBS)
  find_library(ATIP_SQLITE3_STATIC NAMES libsqlite3.a REQUIRED)
  find_library(ATIP_PUGIXML_STATIC NAMES libpugixml.a REQUIRED)
  find_library(ATIP_GUMBO_STATIC NAMES libgumbo.a REQUIRED)
  # SQLiteCpp (itself a static library) names SQLite::SQLite3, FindSQLite3's imported target.
  set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${ATIP_SQLITE3_STATIC})
  add_library(atip_dep_pugixml INTERFACE)
  target_link_libraries(atip_dep_pugixml INTERFACE ${ATIP_PUGIXML_STATIC})
  target_include_directories(atip_dep_pugixml INTERFACE
    $<TARGET_PROPERTY:pugixml::pugixml,INTERFACE_INCLUDE_DIRECTORIES>)
  add_library(atip_dep_gumbo INTERFACE)
  target_link_libraries(atip_dep_gumbo INTERFACE ${ATIP_GUMBO_STATIC})
  target_include_directories(atip_dep_gumbo INTERFACE ${GUMBO_INCLUDE_DIRS})
  add_library(atip_dep_fmt ALIAS fmt::fmt-header-only)
  # toml++ is a header-only library that Debian also ships compiled; lib/app/config.cpp, its one
  # user, compiles it in.
  add_library(atip_dep_toml INTERFACE)
  target_compile_definitions(atip_dep_toml INTERFACE TOML_HEADER_ONLY=1)
  target_link_options(atip_flags INTERFACE -static-libstdc++ -static-libgcc)
else()
  add_library(atip_dep_pugixml ALIAS pugixml::pugixml)
  add_library(atip_dep_gumbo ALIAS PkgConfig::GUMBO)
  add_library(atip_dep_fmt ALIAS fmt::fmt)
  add_library(atip_dep_toml ALIAS tomlplusplus::tomlplusplus)
endif()

# Linked into the programs themselves (atip, atip-bench-ingest), not into the libraries, so
# that tests and tools keep the C library's allocator unless they ask.
add_library(atip_allocator INTERFACE)
if(ATIP_MIMALLOC)
  find_package(mimalloc CONFIG REQUIRED)
  target_sources(atip_allocator INTERFACE ${PROJECT_SOURCE_DIR}/lib/alloc/large_pages.cpp)
  target_link_libraries(atip_allocator INTERFACE mimalloc)
endif()
