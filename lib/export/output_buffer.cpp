#include "lib/export/output_buffer.hpp"

#include <cstring>

namespace atip::exporter {

OutputBuffer::OutputBuffer(std::streambuf* sink, std::size_t size) : sink_(sink), buffer_(size) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool OutputBuffer::drain() {
  const std::streamsize n = pptr() - pbase();
  if (n > 0 && sink_->sputn(pbase(), n) != n) return false;
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return true;
}

OutputBuffer::int_type OutputBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize OutputBuffer::xsputn(const char* s, std::streamsize n) {
  if (n <= epptr() - pptr()) {
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  if (!drain()) return 0;
  // Bigger than the buffer: straight through, after what was buffered before it.
  if (n >= epptr() - pptr()) return sink_->sputn(s, n);
  std::memcpy(pptr(), s, static_cast<std::size_t>(n));
  pbump(static_cast<int>(n));
  return n;
}

int OutputBuffer::sync() { return drain() ? 0 : -1; }

}  // namespace atip::exporter
