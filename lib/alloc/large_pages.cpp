// mimalloc, with 2 MiB pages for its first segment (see cmake/linking.cmake for the
// measurements). Built into the programs only, never into the libraries: a library has no
// business choosing the heap.
#include <mimalloc.h>

namespace {

// The first segment (32 MiB of address space, of which only what is touched is resident) holds
// everything a search, a show or an export allocates, and the first part of a large parse: in
// 2 MiB pages, those commands take a few page faults instead of hundreds. Later segments use
// 4 KiB pages again: in 2 MiB pages, `atip parse` of a 20 MB Atom feed peaked at 3.2 times the
// feed's size (63 MB) instead of 3.0, for a quarter less time.
//
// Priority 101, the first a program may use, runs this before the constructors of the
// program's own objects and, with ATIP_STATIC_LIBS, of libstdc++'s, so the allocation below is
// the one that makes the first segment. With shared libraries, libstdc++ has already made it
// and this changes nothing. Large pages are advice: where the kernel has no transparent huge
// pages, mimalloc quietly uses small ones (its warnings show only with MIMALLOC_VERBOSE).
__attribute__((constructor(101))) void large_first_segment() {
  // Otherwise mimalloc commits its first segments lazily, and so in small pages.
  mi_option_set(mi_option_eager_commit_delay, 0);
  mi_option_set(mi_option_large_os_pages, 1);
  // Kept, not freed: a segment whose only block is freed may be given back at once.
  [[maybe_unused]] static void* const first_block = mi_malloc(16);
  mi_option_set(mi_option_large_os_pages, 0);
}

}  // namespace
