#pragma once
// A read-only map from short strings (folded words) to small integers, looked up once per
// token of every document. std::unordered_map<std::string> costs a generic hash, a bucket
// chain and a node per word; this is one contiguous pool of the words, open addressing over a
// power-of-two slot array and a cheap hash, so a lookup is one or two cache lines.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

class WordTable {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFF;

  // Adds `word` with `value`; a word already present keeps its first value.
  void insert(std::string_view word, std::uint32_t value) {
    if (find(word) != kAbsent) return;
    entries_.push_back({static_cast<std::uint32_t>(pool_.size()),
                        static_cast<std::uint32_t>(word.size()), value});
    pool_.append(word);
    if (entries_.size() * 2 > slots_.size()) rehash(slots_.empty() ? 64 : slots_.size() * 2);
    else place(static_cast<std::uint32_t>(entries_.size() - 1));
  }

  std::uint32_t find(std::string_view word) const {
    if (slots_.empty()) return kAbsent;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(word) & mask;; i = (i + 1) & mask) {
      const std::uint32_t e = slots_[i];
      if (e == kAbsent) return kAbsent;
      const Entry& entry = entries_[e];
      if (entry.size == word.size() && same(pool_.data() + entry.offset, word))
        return entry.value;
    }
  }

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint32_t offset, size, value;
  };

  // A loop, not memcmp: the words are a few bytes long, shorter than the cost of the call.
  static bool same(const char* a, std::string_view b) {
    for (std::size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  // FNV-1a: words are a few bytes long, so a byte loop beats anything with a setup cost.
  static std::size_t hash(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  void place(std::uint32_t e) {
    const std::size_t mask = slots_.size() - 1;
    const std::string_view word(pool_.data() + entries_[e].offset, entries_[e].size);
    std::size_t i = hash(word) & mask;
    while (slots_[i] != kAbsent) i = (i + 1) & mask;
    slots_[i] = e;
  }

  void rehash(std::size_t n) {
    slots_.assign(n, kAbsent);
    for (std::uint32_t e = 0; e < entries_.size(); ++e) place(e);
  }

  std::string pool_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // index into entries_, kAbsent when free
};

}  // namespace atip::catalog
