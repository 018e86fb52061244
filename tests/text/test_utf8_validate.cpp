// text::is_valid_utf8 and utf8_sequence_length against a reference built on next_code_point
// (the decoder every other UTF-8 helper uses), over every 2-byte sequence and the lead bytes of
// every longer one, at offsets that put the sequence inside, across and after the 8- and
// 16-byte ASCII strides of the fast path.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "lib/text/utf8.hpp"

using namespace atip::text;

namespace {

bool reference_valid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    if (next_code_point(s, i) == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD")
      return false;
  }
  return true;
}

int check_all_offsets(const std::string& seq) {
  int mismatches = 0;
  for (const std::size_t before : {0, 1, 7, 8, 15, 16, 17, 31}) {
    for (const std::size_t after : {0, 1, 9, 16}) {
      const std::string s = std::string(before, 'a') + seq + std::string(after, 'z');
      if (is_valid_utf8(s) != reference_valid(s)) ++mismatches;
    }
  }
  return mismatches;
}

}  // namespace

TEST_CASE("text::is_valid_utf8: agrees with the reference decoder on every short sequence") {
  int mismatches = 0;
  for (int b0 = 0; b0 < 256; ++b0)
    for (int b1 = 0; b1 < 256; ++b1) {
      const std::string two{static_cast<char>(b0), static_cast<char>(b1)};
      if (is_valid_utf8(two) != reference_valid(two)) ++mismatches;
      if (b0 >= 0xE0 && b0 <= 0xF7)
        for (const int b2 : {0x41, 0x80, 0xBF, 0xC0}) {
          const std::string three = two + static_cast<char>(b2);
          if (is_valid_utf8(three) != reference_valid(three)) ++mismatches;
          if (b0 >= 0xF0)
            for (const int b3 : {0x41, 0x80, 0xBF}) {
              const std::string four = three + static_cast<char>(b3);
              if (is_valid_utf8(four) != reference_valid(four)) ++mismatches;
            }
        }
    }
  CHECK(mismatches == 0);
}

TEST_CASE("text::is_valid_utf8: the ASCII strides do not skip a bad byte at any offset") {
  int mismatches = 0;
  for (const char* seq : {"\xC3\xA1", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "\xE9",
                          "\xC3", "\xE2\x80", "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0\xAF", "\x80",
                          "\xFF", "\xF4\x90\x80\x80", "\xE0\x9F\xBF"})
    mismatches += check_all_offsets(seq);
  CHECK(mismatches == 0);
  CHECK(is_valid_utf8(std::string(40, 'a') + "\xC3\xA1" + std::string(40, 'b')));
  CHECK_FALSE(is_valid_utf8(std::string(40, 'a') + "\xE9" + std::string(40, 'b')));
  CHECK_FALSE(is_valid_utf8(std::string(63, 'a') + "\xC3"));  // truncated at the very end
}

TEST_CASE("text::utf8_sequence_length: the length of valid sequences, 0 for invalid ones") {
  const auto len = [](std::string_view s) {
    return utf8_sequence_length(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  CHECK(len("\xC3\xA1xyz") == 2);
  CHECK(len("\xE2\x80\x9C") == 3);
  CHECK(len("\xF0\x9F\x98\x80") == 4);
  CHECK(len("\xC3") == 0);               // truncated
  CHECK(len("\xE0\x80\x80") == 0);       // overlong
  CHECK(len("\xED\xBF\xBF") == 0);       // surrogate
  CHECK(len("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(len("\x80") == 0);               // stray continuation
}
