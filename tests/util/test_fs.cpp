#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <ostream>
#include <stdexcept>
#include <string>

#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "tests/common/temp_dir.hpp"

using atip::util::read_file;
using atip::util::write_file_atomically;
namespace fs = std::filesystem;

TEST_CASE("util::write_file_atomically: replaces a file whole, or leaves it untouched") {
  atip::testing::TempDir dir;
  const auto path = dir.write("out.csv", "old\n");
  write_file_atomically(path, [](std::ostream& out) { out << "new\n"; });
  CHECK(read_file(path) == "new\n");
  CHECK_THROWS(write_file_atomically(path, [](std::ostream& out) {
    out << "half";
    throw std::runtime_error("writer failed");
  }));
  CHECK(read_file(path) == "new\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);  // no temporary file left behind
  CHECK_THROWS_AS(write_file_atomically(dir.path().string(), [](std::ostream&) {}), atip::Error);
}

TEST_CASE("util::write_file_atomically: a symbolic link keeps pointing at the replaced file") {
  atip::testing::TempDir dir;
  const auto real = dir.write("digest.md", "old\n");
  const auto link = dir.file("latest.md");
  fs::create_symlink(real, link);
  write_file_atomically(link, [](std::ostream& out) { out << "new\n"; });
  CHECK(fs::is_symlink(link));
  CHECK(read_file(real) == "new\n");
}

// `-o /dev/null` run as root once replaced the device with a regular file; a FIFO stands in for
// any non-regular target. The reader opens non-blocking first, so a broken writer (renaming a
// file over the FIFO) leaves the reader with no writer: it sees end of file, never hangs.
TEST_CASE("util::write_file_atomically: a FIFO (like a device) is written in place, not replaced") {
  atip::testing::TempDir dir;
  const auto fifo = dir.file("pipe");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(fd >= 0);
  auto reader = std::async(std::launch::async, [fd] {
    std::string got;
    char buf[4096];
    for (int rounds = 0; rounds < 100; ++rounds) {  // at most 100 x 100 ms
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const auto n = ::read(fd, buf, sizeof buf);
      if (n > 0) got.append(buf, static_cast<std::size_t>(n));
      if (n == 0 && !got.empty()) break;  // the writer closed
    }
    return got;
  });
  write_file_atomically(fifo, [](std::ostream& out) { out << "title,link\n"; });
  CHECK(reader.get() == "title,link\n");
  ::close(fd);
  struct stat st {};
  REQUIRE(::stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
}
