#include "lib/export/json_text.hpp"

#include <fmt/format.h>

#include <array>

namespace atip::exporter {

namespace {

void append_u(std::string& out, unsigned cp) {
  static constexpr char hex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  auto flush = [&](std::size_t i) { out.append(s.data() + plain, i - plain); };
  // One table lookup per byte finds the few that need a closer look.
  static constexpr auto notable = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x20; ++b) t[static_cast<std::size_t>(b)] = true;
    for (unsigned char c : {'"', '\\', '\x7f', '\xc2', '\xe2'}) t[c] = true;
    return t;
  }();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (!notable[b]) continue;
    if (b == 0xC2 && !(i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0)) continue;
    if (b == 0xE2) {
      if (i + 2 >= s.size()) continue;
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (!((b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9))) continue;
      flush(i);
      append_u(out, 0x2000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
      i += 2;
      plain = i + 1;
      continue;
    }
    flush(i);
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case 0xC2:
        append_u(out, static_cast<unsigned char>(s[i + 1]));
        ++i;
        break;
      default: append_u(out, b);  // C0 controls and DEL
    }
    plain = i + 1;
  }
  flush(s.size());
  out += '"';
}

void append_json_key(std::string& out, std::string_view key, bool first) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
}

}  // namespace atip::exporter
