#pragma once
// The SQL for a Selection, shared by search, export and statistics so that every command
// selects the same documents for the same filters.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "lib/store/catalogue.hpp"

namespace atip::store {

// "SELECT <columns>, <rank>, <highlighted title> FROM document d … WHERE … ORDER BY … LIMIT …";
// rank is 0 without a full-text query, the highlighted title '' unless Selection::highlight.
std::string selection_sql(const Selection& sel, const std::string& columns);

// The WHERE conditions alone (starting with " AND"), for queries that aggregate.
std::string selection_where(const Selection& sel);

// Binds every parameter the two functions above refer to.
void bind_selection(SQLite::Statement& st, const Selection& sel);

// "(:topic0, :topic1)": one named parameter per value, and their binding.
std::string placeholders(const char* prefix, std::size_t n);
void bind_list(SQLite::Statement& st, const char* prefix, const std::vector<std::string>& values);

// The --state condition (" AND (…)", or "" without states) on the document table under `alias`,
// and the binding of its parameters (bind_selection binds them too).
std::string state_filter(const std::vector<std::string>& states, const char* alias);
void bind_states(SQLite::Statement& st, const std::vector<std::string>& states);

}  // namespace atip::store
