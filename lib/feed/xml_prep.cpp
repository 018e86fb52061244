#include "lib/feed/xml_prep.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "lib/text/entities.hpp"
#include "lib/text/scan.hpp"
#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

constexpr std::size_t kMaxWarnings = 5;
// Total bytes that DOCTYPE entity substitution may add to a document.
constexpr std::size_t kMaxExpansion = 1 << 20;

class Preparer {
 public:
  explicit Preparer(std::string_view s) : s_(s) {}
  // Owning form: when nothing needs rewriting, the input itself becomes the output (no copy).
  explicit Preparer(std::string&& s) : owned_(std::move(s)), s_(owned_), owns_(true) {}

  // Text is copied lazily: `copied_` marks how much of the input is already in the output, and
  // only a rewrite (or the end) flushes the pending run, so a clean document costs one memcpy.
  PreparedXml run() {
    std::size_t i = s_.find('<');
    if (i == std::string_view::npos) i = s_.size();
    out_.skipped_lines = static_cast<std::size_t>(std::count(s_.begin(), s_.begin() + i, '\n'));
    copied_ = start_ = i;
    while (i < s_.size()) {
      const std::size_t next = text::find_markup(s_, i);
      if (next == std::string_view::npos) break;
      i = s_[next] == '<' ? markup(next) : reference(next);
    }
    if (owns_ && !rewrote_) {
      out_.xml = std::move(owned_);
      out_.xml.erase(0, start_);
    } else {
      flush(s_.size());
    }
    return std::move(out_);
  }

 private:
  void flush(std::size_t upto) {
    if (out_.xml.empty()) out_.xml.reserve(s_.size() + s_.size() / 64);
    if (upto > copied_) out_.xml.append(s_.substr(copied_, upto - copied_));
    copied_ = upto;
    if (upto < s_.size()) rewrote_ = true;
  }

  // Index just past `terminator` (or the end).
  std::size_t skip_through(std::size_t from, std::string_view terminator) const {
    const std::size_t end = s_.find(terminator, from);
    return end == std::string_view::npos ? s_.size() : end + terminator.size();
  }

  std::size_t markup(std::size_t lt) {
    const std::string_view rest = s_.substr(lt);
    if (rest.size() < 2 || (rest[1] != '!' && rest[1] != '?')) return lt + 1;
    if (rest.starts_with("<!--")) return skip_through(lt + 4, "-->");
    if (rest.starts_with("<![CDATA[")) return skip_through(lt + 9, "]]>");
    if (rest.starts_with("<?")) return skip_through(lt + 2, "?>");
    if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) return doctype(lt);
    return lt + 1;
  }

  // Skips the DOCTYPE, noting the general entities its internal subset declares.
  std::size_t doctype(std::size_t lt) {
    std::size_t i = lt;
    int depth = 0;
    char quote = 0;
    for (; i < s_.size(); ++i) {
      const char c = s_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        depth = std::max(0, depth - 1);
      } else if (c == '>' && depth == 0) {
        break;
      } else if (c == '<' && s_.compare(i, 8, "<!ENTITY") == 0) {
        note_entity(i + 8);
      } else if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r') &&
                 (s_.compare(i + 1, 6, "SYSTEM") == 0 || s_.compare(i + 1, 6, "PUBLIC") == 0)) {
        // Normal for RSS 0.91 (Netscape's DTD): worth a word only when the document uses an
        // entity that it would have had to define (see undeclared()).
        external_dtd_ = true;
      }
    }
    return std::min(i + 1, s_.size());
  }

  // Records <!ENTITY name "value">. A plain literal value (no markup, no references) is
  // substituted where the entity is used, once, never recursively; anything else (external
  // SYSTEM/PUBLIC entities, values that reference other entities) stays an unexpanded
  // reference, so neither files, the network nor exponential expansion are ever involved.
  void note_entity(std::size_t i) {
    auto skip_ws = [&] {
      while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || s_[i] == '\n' || s_[i] == '\r'))
        ++i;
    };
    const std::size_t at = i;
    skip_ws();
    if (i < s_.size() && s_[i] == '%') {
      notice(at, "parameter entity in the DOCTYPE ignored");
      return;
    }
    const std::size_t start = i;
    while (i < s_.size() && is_name_char(s_[i])) ++i;
    if (i == start) return;
    const std::string name(s_.substr(start, i - start));
    skip_ws();
    std::string value;
    bool simple = false;
    if (i < s_.size() && (s_[i] == '"' || s_[i] == '\'')) {
      const std::size_t end = s_.find(s_[i], i + 1);
      if (end != std::string_view::npos && end - i - 1 <= 1024) {
        value = std::string(s_.substr(i + 1, end - i - 1));
        simple = value.find_first_of("&%<") == std::string::npos;
      }
      if (!simple)
        notice(at, "entity &" + name + "; refers to other entities or markup; not expanded");
    } else {
      notice(at, "external entity &" + name + "; not loaded");
    }
    declared_.emplace(name, simple ? std::optional<std::string>(std::move(value)) : std::nullopt);
  }

  // Index past one of XML's five predefined references at `amp`, or 0. They are most of a
  // feed's references (escaped HTML), so they are recognised before any name is scanned.
  std::size_t predefined(std::size_t amp) const {
    const std::string_view r = s_.substr(amp + 1, 5);
    if (r.starts_with("lt;") || r.starts_with("gt;")) return amp + 4;
    if (r.starts_with("amp;")) return amp + 5;
    if (r.starts_with("quot;") || r.starts_with("apos;")) return amp + 6;
    return 0;
  }

  std::size_t reference(std::size_t amp) {
    if (const std::size_t past = predefined(amp)) return past;
    std::size_t i = amp + 1;
    if (i < s_.size() && s_[i] == '#') return numeric(amp);
    if (i < s_.size() && is_name_start(s_[i])) {
      while (i < s_.size() && is_name_char(s_[i])) ++i;
      if (i < s_.size() && s_[i] == ';') {
        const std::string_view name = s_.substr(amp + 1, i - amp - 1);
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
          return i + 1;
        if (const auto it = declared_.find(name); it != declared_.end()) {
          if (it->second && expanded_ + it->second->size() <= kMaxExpansion) {
            flush(amp);
            out_.xml.append(*it->second);
            expanded_ += it->second->size();
            copied_ = i + 1;
          } else if (it->second && !expansion_capped_) {
            expansion_capped_ = true;
            notice(amp, "entity expansion stopped at 1 MiB; further references left as they are");
          }
          return i + 1;
        }
        if (const std::string_view v = text::lookup_entity(name); !v.empty()) {
          flush(amp);
          copied_ = i + 1;
          append_numeric(v);
          warn(amp, "undefined entity &" + std::string(name) + "; decoded as HTML" +
                        dtd_note());
          return i + 1;
        }
        if (external_dtd_) {
          flush(amp);
          out_.xml.append("&amp;");
          copied_ = amp + 1;
          warn(amp, "undefined entity &" + std::string(name) + "; kept as text" + dtd_note());
          return amp + 1;
        }
      }
    }
    escape_ampersand(amp);
    return amp + 1;
  }

  const char* dtd_note() const {
    return external_dtd_ ? " (the external DTD that may define it is not loaded)" : "";
  }

  void escape_ampersand(std::size_t amp) {
    flush(amp);
    out_.xml.append("&amp;");
    copied_ = amp + 1;
    warn(amp, "unescaped '&' escaped");
  }

  std::size_t numeric(std::size_t amp) {
    std::size_t i = amp + 2;
    const bool hex = i < s_.size() && (s_[i] == 'x' || s_[i] == 'X');
    if (hex) ++i;
    const std::size_t start = i;
    std::uint32_t cp = 0;
    for (; i < s_.size(); ++i) {
      const char c = s_[i];
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0) break;
      if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    if (i == start || i >= s_.size() || s_[i] != ';') {
      escape_ampersand(amp);
      return amp + 1;
    }
    std::string tmp;
    text::decode_reference(s_, amp, tmp);  // applies the Windows-1252 and U+FFFD rules
    const bool xml_forbidden = (cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) ||
                               (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF ||
                               (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
    // pugixml knows "&#x", not "&#X": rewrite the upper-case form too.
    if (xml_forbidden || s_[amp + 2] == 'X') {
      if (tmp.size() == 1 && static_cast<unsigned char>(tmp[0]) < 0x20) tmp = "\xEF\xBF\xBD";
      flush(amp);
      copied_ = i + 1;
      append_numeric(tmp);
    }
    return i + 1;
  }

  void append_numeric(std::string_view utf8) {
    std::size_t k = 0;
    while (k < utf8.size()) {
      const std::uint32_t cp = text::next_code_point(utf8, k);
      out_.xml.append("&#").append(std::to_string(cp)).push_back(';');
    }
  }

  void warn(std::size_t offset, std::string what) {
    out_.changed = true;
    notice(offset, std::move(what));
  }

  // A warning about something refused on purpose (external or nested entities): the document
  // is not ill-formed for it, so `changed` stays as it is.
  void notice(std::size_t offset, std::string what) {
    if (out_.warnings.size() >= kMaxWarnings) return;
    const std::size_t line = line_of(s_, offset);
    out_.warnings.push_back("line " + std::to_string(line) + ": " + what);
  }

  std::string owned_;
  std::string_view s_;
  bool owns_ = false;
  bool rewrote_ = false;
  std::size_t start_ = 0;
  std::size_t copied_ = 0;
  PreparedXml out_;
  std::map<std::string, std::optional<std::string>, std::less<>> declared_;
  std::size_t expanded_ = 0;
  bool expansion_capped_ = false;
  bool external_dtd_ = false;
};

}  // namespace

std::size_t line_of(std::string_view s, std::size_t offset) noexcept {
  offset = std::min(offset, s.size());
  return 1 + static_cast<std::size_t>(
                 std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

PreparedXml prepare_xml(std::string_view utf8) { return Preparer(utf8).run(); }

PreparedXml prepare_xml_owned(std::string&& utf8) { return Preparer(std::move(utf8)).run(); }

}  // namespace atip::feed
