// The floor for `scripts/bench parse`: read a file with one read of its known size and parse it
// in place with pugixml's default options, nothing else. Whole-process, like the other measured
// commands; a buffered stream copy would make the floor slower than pugixml really is.
#include <cstdio>
#include <pugixml.hpp>
#include <string>
#include <sys/stat.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
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
  if (!r) std::fprintf(stderr, "pugixml: %s\n", r.description());
  return r ? 0 : 1;
}
