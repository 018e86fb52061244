#include "lib/feed/limits.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atip::feed {

namespace {

constexpr std::size_t kMaxWarnings = 5;

class Limiter {
 public:
  explicit Limiter(Feed& f) : feed_(f) {}

  void text(std::string& s, std::size_t max, std::string_view what) {
    if (s.size() <= max) return;
    std::size_t cut = max;
    // Back up to a UTF-8 lead byte so the result stays valid.
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    report(what, s.size(), "cut to " + std::to_string(cut) + " bytes");
    s.resize(cut);
  }
  void url(std::string& s, std::string_view what) {
    if (s.size() <= kMaxUrlBytes) return;
    report(what, s.size(), "dropped");
    s.clear();
  }
  void line(std::string& s, std::string_view what) { text(s, kMaxLineBytes, what); }

  // Names the entry (1-based) in later warnings; 0 means the feed itself.
  void entry(std::size_t n) { entry_ = n; }

  void finish() {
    if (hidden_ > 0)
      feed_.warnings.push_back(std::to_string(hidden_) + " more oversized values cut or dropped");
  }

 private:
  void report(std::string_view what, std::size_t size, const std::string& action) {
    if (shown_ >= kMaxWarnings) {
      ++hidden_;
      return;
    }
    ++shown_;
    const std::string where = entry_ ? "entry " + std::to_string(entry_) + " " : "feed ";
    feed_.warnings.push_back(where + std::string(what) + " of " + std::to_string(size) +
                             " bytes " + action);
  }

  Feed& feed_;
  std::size_t shown_ = 0, hidden_ = 0, entry_ = 0;
};

}  // namespace

void enforce_limits(Feed& f) {
  Limiter l(f);
  l.line(f.title, "title");
  l.url(f.link, "link");
  l.text(f.description, kMaxTextBytes, "description");
  l.line(f.language, "language");
  l.line(f.updated.raw, "date"), l.line(f.published.raw, "date");
  for (std::size_t i = 0; i < f.entries.size(); ++i) {
    Entry& e = f.entries[i];
    l.entry(i + 1);
    l.line(e.id, "id");
    l.line(e.title, "title");
    l.url(e.link, "link");
    l.line(e.published.raw, "date"), l.line(e.updated.raw, "date");
    l.text(e.summary, kMaxTextBytes, "summary");
    l.text(e.content, kMaxTextBytes, "content");
    l.line(e.language, "language");
    for (Person& p : e.authors) l.line(p.name, "author"), l.line(p.email, "author"), l.url(p.uri, "author uri");
    for (std::string& c : e.categories) l.line(c, "category");
    for (Enclosure& x : e.enclosures) l.url(x.url, "enclosure url"), l.line(x.type, "enclosure type");
    for (auto* links : {&e.alternates, &e.related}) {
      for (Link& k : *links) {
        l.url(k.href, "link");
        l.line(k.hreflang, "hreflang"), l.line(k.type, "link type"), l.line(k.title, "link title");
      }
      std::erase_if(*links, [](const Link& k) { return k.href.empty(); });
    }
    std::erase_if(e.enclosures, [](const Enclosure& x) { return x.url.empty(); });
    for (auto* values : {&e.relations, &e.identifiers})
      for (std::string& v : *values) l.line(v, "relation or identifier");
  }
  l.finish();
}

}  // namespace atip::feed
