#pragma once
// Small helpers for reading and binding nullable columns with SQLiteCpp.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

namespace atip::store::row {

inline std::optional<std::int64_t> opt_int64(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

inline std::optional<int> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt();
}

inline std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

template <typename T>
void bind_opt(SQLite::Statement& st, int index, const std::optional<T>& v) {
  if (v) {
    st.bind(index, static_cast<std::int64_t>(*v));
  } else {
    st.bind(index);  // NULL
  }
}

// Binds NULL for an empty string (for columns where "absent" must not equal "").
inline void bind_text_or_null(SQLite::Statement& st, int index, const std::string& s) {
  if (s.empty()) {
    st.bind(index);
  } else {
    st.bind(index, s);
  }
}

}  // namespace atip::store::row
