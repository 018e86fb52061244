// The floors for `scripts/bench parse`.
//
// `pugixml_floor FILE RUNS`: pugixml's parse of the feed's bytes once they are in memory, which
// is what issue 3 calls the raw pugixml parse (1.9-2.3 GB/s where it was measured). The file is
// read once; after one untimed parse, each of RUNS rounds copies it into the parse buffer,
// parses it in place with pugixml's default options and frees the tree; the fastest parse is
// printed, in seconds. Timed as a whole process instead, the floor was mostly the kernel
// filling fresh pages for the buffer and the tree (about 130 MB/s), slower than atip itself, so
// the "within 4x of pugixml" ratio said nothing. The tree's memory is kept in the heap between
// rounds for the same reason: glibc otherwise maps and unmaps its large blocks each time until
// its own threshold adapts, and the first rounds ran at a quarter of the speed.
//
// `pugixml_floor --dump FILE`: the least any pugixml-based `parse --format json` must do, timed
// as a whole process like atip. It reads FILE, parses it in place and writes every element that
// holds only text as a JSON "name":"text" pair (escaped as atip's writer escapes, nested elements
// as nested objects) to stdout. It does nothing else a feed parser does: no encoding detection,
// UTF-8 check, entity or HTML decoding, date reading, link resolving, hashing or recovery, and
// its JSON is not even well formed (no commas between objects). Its throughput against sfeed's
// bounds what atip can reach while it uses pugixml's tree: if it is under 3x sfeed, so is every
// parser built on that tree.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <sys/stat.h>

#include "lib/text/scan.hpp"

namespace {

// The file's bytes, or false.
bool read_file(const char* path, std::string& bytes) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return false;
  struct stat st{};
  if (fstat(fileno(f), &st) != 0) {
    std::fclose(f);
    return false;
  }
  bytes.assign(static_cast<std::size_t>(st.st_size), '\0');
  const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  return got == bytes.size();
}

std::string out;

// Eight bytes at a time past anything that needs no escape, as atip's JSON writer does.
void quoted(const char* s) {
  const std::size_t n = std::strlen(s);
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  out.push_back('"');
  std::size_t run = 0, i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t controls = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
      if (controls || atip::text::has_byte(w, 0x2222222222222222ULL) ||
          atip::text::has_byte(w, 0x5C5C5C5C5C5C5C5CULL))
        break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned c = p[i];
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s + run, i - run);
    run = ++i;
    out.push_back('\\');
    out.push_back(c == '\n' ? 'n' : c == '\t' ? 't' : c < 0x20 ? 'u' : static_cast<char>(c));
  }
  out.append(s + run, n - run);
  out.push_back('"');
}

void walk(pugi::xml_node n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const pugi::xml_node t = c.first_child();
    quoted(c.name());
    out.push_back(':');
    if (t && (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) && !t.next_sibling()) {
      quoted(t.value());
    } else {
      out.push_back('{');
      walk(c);
      out.push_back('}');
    }
  }
}

int dump(const char* path) {
  std::string bytes;
  if (!read_file(path, bytes)) return 2;
  pugi::xml_document doc;
  const auto r = doc.load_buffer_inplace(bytes.data(), bytes.size());
  if (!r) {
    std::fprintf(stderr, "pugixml: %s\n", r.description());
    return 1;
  }
  out.reserve(bytes.size() + bytes.size() / 8);
  walk(doc);
  return std::fwrite(out.data(), 1, out.size(), stdout) == out.size() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--dump") return dump(argv[2]);
  if (argc != 3) {
    std::fprintf(stderr, "usage: pugixml_floor FILE RUNS | pugixml_floor --dump FILE\n");
    return 2;
  }
  std::string bytes;
  if (!read_file(argv[1], bytes)) return 2;
  const int runs = std::max(1, std::atoi(argv[2]));
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  std::string buffer(bytes.size(), '\0');
  double best = 1e300;
  for (int i = -1; i < runs; ++i) {
    std::memcpy(buffer.data(), bytes.data(), bytes.size());
    pugi::xml_document doc;
    const auto start = std::chrono::steady_clock::now();
    const auto r = doc.load_buffer_inplace(buffer.data(), buffer.size());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r) {
      std::fprintf(stderr, "pugixml: %s\n", r.description());
      return 1;
    }
    if (i >= 0) best = std::min(best, s);
  }
  std::printf("%.6f\n", best);
  return 0;
}
