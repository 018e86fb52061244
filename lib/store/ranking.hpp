#pragma once
// The rank of a full-text match: FTS5's bm25, with the document count of a common phrase
// estimated instead of counted, and each document's length read where atip packs it
// (lib/store/lengths.hpp) rather than from the index's row per document.
struct sqlite3;

namespace atip::store {

// bm25 weighs each phrase of a query by how few documents hold it, and counts them on its first
// call in a statement by walking every match of the phrase: 765,000 postings (14 ms) for
// "trata de personas" in a catalogue of a million documents, where ranking the 1,000 newest
// matches takes 2 ms. atip_bm25 counts up to this many matches; a phrase with more is a common
// one, and its count is estimated from how far into the catalogue (by document id) those
// matches reached. Below it, atip_bm25 gives exactly bm25's value.
inline constexpr long long kCountedMatches = 8192;

// The rank of document_fts's current match, lower first as bm25, with the column weights of the
// table's own 'rank' setting (title, summary, authors: schema/0001_initial.sql).
inline constexpr const char* kRankSql = "atip_bm25(document_fts, 10.0, 1.0, 3.0)";

// Registers atip_bm25 on a connection to the catalogue. Throws atip::Error when the SQLite
// linked in has no FTS5.
void register_ranking(sqlite3* db);

}  // namespace atip::store
