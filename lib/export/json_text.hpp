#pragma once
// Writing JSON text directly, for the export writers that stream many documents: the same
// bytes nlohmann::json's dump followed by dump_safe gives (keys in the order the caller
// writes them), without building a tree per document.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atip::exporter {

// Appends `s` as a JSON string: quotes, backslash and C0 controls escaped as nlohmann does
// (\b \f \n \r \t, else \u00XX), and DEL, C1 controls, bidi overrides/isolates and U+2028/9
// as \uXXXX like dump_safe.
void append_json_string(std::string& out, std::string_view s);

// `"key":` followed by the value, with a leading comma unless `first`.
void append_json_key(std::string& out, std::string_view key, bool first = false);

}  // namespace atip::exporter
