#pragma once
// A large write buffer in front of the export's destination. Writers emit a few hundred bytes
// per document; std::cout (synchronised with stdio) and std::ofstream pass small pieces on in
// 4-8 KiB writes, which costs an export of 100,000 documents tens of thousands of system calls.
#include <ostream>
#include <streambuf>
#include <vector>

namespace atip::exporter {

class OutputBuffer final : public std::streambuf {
 public:
  explicit OutputBuffer(std::streambuf* sink, std::size_t size = std::size_t{1} << 18);
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  // Passes everything buffered on to the sink (not the sink's own flush: the caller does that).
  int sync() override;

 private:
  bool drain();

  std::streambuf* sink_;
  std::vector<char> buffer_;
};

}  // namespace atip::exporter
