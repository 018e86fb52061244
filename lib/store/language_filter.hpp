#pragma once
// A search's --lang filter, tested on each match without its document's row:
// atip_language_in(id, lang...) is true when the document's language is one of the arguments.
// It reads the byte recorded for the document (lengths.hpp, schema/0012), about 20 ns, where a
// seek in the index on the language took about 0.8 us; a byte not recorded (or stale) sends it
// to the document's row. The bytes are read through the LanguageScope that lives on the calling
// thread; outside any scope the function is an SQL error.
#include <memory>

struct sqlite3;

namespace atip::store {

// Registers atip_language_in on a connection to the catalogue.
void register_language_filter(sqlite3* db);

// While it lives, atip_language_in() on this thread reads the documents of `db`. A connection
// is used by one thread at a time, and its statements step on that thread.
class LanguageScope {
 public:
  explicit LanguageScope(sqlite3* db);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;
  struct Languages;

 private:
  std::unique_ptr<Languages> languages_;
  Languages* previous_;
};

}  // namespace atip::store
