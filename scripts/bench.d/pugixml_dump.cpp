// The second floor for `scripts/bench parse`: the least any pugixml-based `parse --format json`
// must do, timed as a whole process like atip. It reads FILE, parses it in place with pugixml's
// default options and writes every element that holds only text as a JSON "name":"text" pair
// (escaped as JSON needs, nested elements as nested objects) to stdout. It does nothing else a
// feed parser does: no encoding detection, UTF-8 check, entity or HTML decoding, date reading,
// link resolving, hashing or recovery, and its JSON is not even well formed (no commas between
// objects). Its throughput against sfeed's bounds what atip can reach while it uses pugixml's
// tree, as issue 3 requires: if this program is under 3x sfeed, so is every parser built on it.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <sys/stat.h>

namespace {

std::string out;

bool has_byte(std::uint64_t w, std::uint64_t pattern) {
  const std::uint64_t x = w ^ pattern;
  return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

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
      if (controls || has_byte(w, 0x2222222222222222ULL) || has_byte(w, 0x5C5C5C5C5C5C5C5CULL))
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: pugixml_dump FILE\n");
    return 2;
  }
  std::FILE* f = std::fopen(argv[1], "rb");
  if (f == nullptr) return 2;
  struct stat st{};
  if (fstat(fileno(f), &st) != 0) return 2;
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  if (got != bytes.size()) return 2;
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
