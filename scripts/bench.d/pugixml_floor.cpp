// The floor for `scripts/bench parse`: read a file and parse it in place with pugixml's default
// options, nothing else. Whole-process, like the other measured commands.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  pugi::xml_document doc;
  const auto r = doc.load_buffer_inplace(bytes.data(), bytes.size());
  if (!r) std::fprintf(stderr, "pugixml: %s\n", r.description());
  return r ? 0 : 1;
}
