#!/usr/bin/env bash
# The binary is linked as cmake/linking.cmake says: with ATIP_STATIC_LIBS, no C++ library,
# SQLite, pugixml, gumbo, fmt or toml++ loaded at start; with ATIP_MIMALLOC, mimalloc named
# before the C library (so that its malloc is the one every library calls) and really in use;
# libcurl never loaded at start; and nothing on stderr from the allocator in a plain run, since
# fetch runs from cron and must stay silent.
# Usage: check.sh ATIP_BINARY STATIC_LIBS(ON|OFF) MIMALLOC(ON|OFF)
set -euo pipefail
atip=$1 static=$2 mimalloc=$3
failed=0
fail() { echo "FAIL: $*"; failed=1; }

needed=$(readelf -d "$atip" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "NEEDED: $(echo $needed)"
has() { grep -q "^$1" <<<"$needed"; }

has libc.so || fail "libc is not linked"
has libcurl && fail "libcurl is loaded at start; it should be dlopen'ed by fetching commands only"
for lib in libstdc++ libsqlite3 libpugixml libgumbo libfmt libtomlplusplus; do
  if [ "$static" = ON ]; then
    has "$lib" && fail "$lib is a shared dependency although ATIP_STATIC_LIBS is on"
  elif [ "$lib" = libstdc++ ] || [ "$lib" = libsqlite3 ] || [ "$lib" = libpugixml ]; then
    has "$lib" || fail "$lib is not a shared dependency although ATIP_STATIC_LIBS is off"
  fi
done

if [ "$mimalloc" = ON ]; then
  has libmimalloc || fail "libmimalloc is not linked although ATIP_MIMALLOC is on"
  first=$(grep -n -E '^(libmimalloc|libc\.so)' <<<"$needed" | head -1 | cut -d: -f2)
  [[ $first == libmimalloc* ]] || fail "libc comes before libmimalloc: glibc's malloc would win"
  verbose=$(MIMALLOC_VERBOSE=1 "$atip" --version 2>&1 >/dev/null || true)
  grep -q '^mimalloc: ' <<<"$verbose" || fail "mimalloc is linked but not the allocator in use"
else
  has libmimalloc && fail "libmimalloc is linked although ATIP_MIMALLOC is off"
fi

quiet=$(env -u MIMALLOC_VERBOSE -u MIMALLOC_SHOW_STATS -u MIMALLOC_SHOW_ERRORS "$atip" --version 2>&1 >/dev/null)
[ -z "$quiet" ] || fail "atip --version wrote to stderr: $quiet"

[ $failed -eq 0 ] && echo "linking: ok (static libraries $static, mimalloc $mimalloc)"
exit $failed
