#include <doctest/doctest.h>

#include "lib/text/utf8.hpp"

using namespace atip::text;

TEST_CASE("text::is_valid_utf8: accepts UTF-8 and rejects overlongs, surrogates, stray bytes") {
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(
      is_valid_utf8("tr\xC3\xA1"
                    "fico \xE2\x80\x9C\xF0\x9F\x98\x80"));
  CHECK(is_valid_utf8("\xEF\xBF\xBD"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("caf\xE9"));           // Latin-1 byte
  CHECK_FALSE(is_valid_utf8("\xE2\x80"));          // truncated
}

TEST_CASE("text::sanitize_utf8: replaces each invalid sequence with U+FFFD") {
  CHECK(sanitize_utf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
  CHECK(sanitize_utf8("a\xE2\x80") == "a\xEF\xBF\xBD");
  CHECK(sanitize_utf8("ok") == "ok");
}

TEST_CASE("text::append_utf8: encodes all lengths and replaces invalid code points") {
  std::string s;
  append_utf8(s, 0x41);
  append_utf8(s, 0xE9);
  append_utf8(s, 0x20AC);
  append_utf8(s, 0x1F600);
  append_utf8(s, 0xD800);
  CHECK(s == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD");
}

TEST_CASE("text::terminal_safe: strips controls, escape sequences and bidi overrides") {
  CHECK(terminal_safe("a\tb\nc") == "a\tb\nc");
  CHECK(terminal_safe("a\rb\x07"
                      "c\x7f") == "abc");
  CHECK(terminal_safe("red \x1b[31mtext\x1b[0m") == "red text");
  CHECK(terminal_safe("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\") == "click");
  CHECK(terminal_safe("title\x1b]0;pwned\x07!") == "title!");
  CHECK(terminal_safe("x\xC2\x9B"
                      "31my") == "xy");  // C1 CSI
  CHECK(terminal_safe("abc\xE2\x80\xAE"
                      "fdp.exe") == "abcfdp.exe");  // U+202E
  CHECK(terminal_safe("\xE2\x81\xA6"
                      "a\xE2\x81\xA9") == "a");  // U+2066, U+2069
  CHECK(terminal_safe("caf\xE9") == "caf\xEF\xBF\xBD");
  CHECK(terminal_safe("tr\xC3\xA1"
                      "fico") ==
        "tr\xC3\xA1"
        "fico");
  CHECK(terminal_safe("\x1b") == "");
}

TEST_CASE("text::truncate_chars: counts code points and adds an ellipsis when it cuts") {
  CHECK(truncate_chars("hello", 10) == "hello");
  CHECK(truncate_chars("hello", 5) == "hello");
  CHECK(truncate_chars("hello world", 6) == "hello\xE2\x80\xA6");
  CHECK(truncate_chars("\xC3\xA1\xC3\xA9\xC3\xAD\xC3\xB3", 3) == "\xC3\xA1\xC3\xA9\xE2\x80\xA6");
  CHECK(truncate_chars("abc", 0) == "");
}
