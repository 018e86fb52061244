// A direct JSON writer: the document shape is fixed, so building an nlohmann tree first only
// cost time (it was 5x slower than parsing the feed). Strings are re-validated as UTF-8 while
// they are escaped per RFC 8259; key order is the order of ATIP_JSON.md.
#include "lib/feed/json_output.hpp"

#include <cstdint>
#include <cstring>
#include <ostream>
#include <string_view>

#include "lib/text/scan.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/time.hpp"

namespace atip::feed {

namespace {

class Writer {
 public:
  // With a `sink`, the text is handed over in chunks (flush()) instead of growing one string as
  // large as the feed: `atip parse` on a 20 MB feed then holds no second copy of it.
  Writer(std::string& out, std::ostream* sink) : out_(out), sink_(sink) {}

  void flush(std::size_t above = 0) {
    if (!sink_ || out_.size() <= above) return;
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }

  void open(char c) {
    comma();
    out_.push_back(c);
    first_ = true;
  }
  void close(char c) {
    out_.push_back(c);
    first_ = false;
  }
  void key(std::string_view k) {
    comma();
    out_.push_back('"');
    out_.append(k);
    out_ += "\":";
    first_ = true;  // the value that follows needs no comma
  }
  void value(std::string_view s) {  // empty strings are null in ATIP_JSON
    comma();
    if (s.empty())
      out_ += "null";
    else if (!quoted(s))
      quoted(text::sanitize_utf8(s));
  }
  void literal(std::string_view raw) {
    comma();
    out_.append(raw);
  }
  void date(const Date& d) {
    if (d.time)
      value(util::format_rfc3339(*d.time));
    else
      literal("null");
  }
  void field(std::string_view k, std::string_view v) { key(k), value(v); }

 private:
  void comma() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  // Appends `s` quoted and escaped, checking it is UTF-8 in the same pass; on an invalid
  // sequence nothing is appended and the result is false.
  bool quoted(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    const std::size_t mark = out_.size();
    out_.push_back('"');
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    // Runs of bytes that need no escape are appended at once: a char-by-char push_back was
    // the writer's main cost on 20 MB feeds (scripts/bench parse).
    std::size_t run = 0, i = 0;
    while (i < n) {
      // Skip eight bytes at a time while none is a control character, '"', '\\' or non-ASCII.
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        const std::uint64_t controls = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
        if (controls || text::has_byte(w, 0x2222222222222222ULL) ||
            text::has_byte(w, 0x5C5C5C5C5C5C5C5CULL))
          break;
        if (w & 0x8080808080808080ULL) {
          i = text::first_high_byte(w, i);  // nothing to escape before it
          break;
        }
        i += 8;
      }
      if (i >= n) break;
      const unsigned c = p[i];
      if (c >= 0x80) {
        const std::size_t len = text::utf8_sequence_length(p + i, n - i);
        if (len == 0) {
          out_.resize(mark);
          return false;
        }
        i += len;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out_.append(s.data() + run, i - run);
      run = ++i;
      if (c == '"' || c == '\\') {
        out_.push_back('\\');
        out_.push_back(static_cast<char>(c));
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (c == '\t') {
        out_ += "\\t";
      } else if (c == '\r') {
        out_ += "\\r";
      } else {
        out_ += "\\u00";
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 15]);
      }
    }
    out_.append(s.data() + run, n - run);
    out_.push_back('"');
    return true;
  }

  std::string& out_;
  std::ostream* sink_;
  bool first_ = true;
};

constexpr std::size_t kChunk = 1 << 16;

void write_type(Writer& w, std::string_view k, const std::string& v, TextType t) {
  w.key(k);
  if (v.empty())
    w.literal("null");
  else
    w.value(text_type_name(t));
}

void write_links(Writer& w, std::string_view k, const std::vector<Link>& links) {
  w.key(k), w.open('[');
  for (const Link& l : links) {
    w.open('{');
    w.field("href", l.href);
    w.field("hreflang", l.hreflang);
    w.field("type", l.type);
    w.field("title", l.title);
    w.close('}');
  }
  w.close(']');
}

void write_entry(Writer& w, const Entry& e) {
  w.open('{');
  w.field("id", e.id);
  w.field("title", e.title);
  w.field("title_type", text_type_name(e.title_type));
  w.field("link", e.link);
  w.key("published"), w.date(e.published);
  w.key("updated"), w.date(e.updated);
  w.field("published_raw", e.published.raw);
  w.field("updated_raw", e.updated.raw);
  w.key("authors"), w.open('[');
  for (const Person& p : e.authors) {
    w.open('{');
    w.field("name", p.name);
    w.field("email", p.email);
    if (!p.uri.empty()) w.field("uri", p.uri);
    w.close('}');
  }
  w.close(']');
  w.field("summary", e.summary);
  write_type(w, "summary_type", e.summary, e.summary_type);
  w.field("content", e.content);
  write_type(w, "content_type", e.content, e.content_type);
  w.key("categories"), w.open('[');
  for (const std::string& c : e.categories) w.value(c);
  w.close(']');
  w.key("enclosures"), w.open('[');
  for (const Enclosure& x : e.enclosures) {
    w.open('{');
    w.field("url", x.url);
    w.field("type", x.type);
    w.key("length"), w.literal(x.length ? std::to_string(*x.length) : "null");
    w.close('}');
  }
  w.close(']');
  w.field("language", e.language);
  write_links(w, "alternates", e.alternates);
  write_links(w, "related", e.related);
  w.key("relations"), w.open('[');
  for (const std::string& r : e.relations) w.value(r);
  w.close(']');
  w.key("identifiers"), w.open('[');
  for (const std::string& i : e.identifiers) w.value(i);
  w.close(']');
  w.field("key", e.key);
  w.field("content_hash", e.content_hash);
  w.close('}');
}

void write(std::string& out, std::ostream* sink, const Feed& feed) {
  Writer w(out, sink);
  w.open('{');
  w.key("atip_json"), w.literal("1");
  w.field("format", format_name(feed.format));
  w.field("encoding", feed.encoding);
  w.key("wellformed"), w.literal(feed.wellformed ? "true" : "false");
  w.key("warnings"), w.open('[');
  for (const std::string& s : feed.warnings) w.value(s);
  w.close(']');
  w.key("feed"), w.open('{');
  w.field("title", feed.title);
  w.field("title_type", text_type_name(feed.title_type));
  w.field("link", feed.link);
  w.field("description", feed.description);
  w.field("language", feed.language);
  w.key("updated"), w.date(feed.updated);
  w.key("published"), w.date(feed.published);
  w.close('}');
  w.key("entries"), w.open('[');
  for (const Entry& e : feed.entries) {
    write_entry(w, e);
    w.flush(kChunk);
  }
  w.close(']');
  w.close('}');
  w.flush();
}

}  // namespace

std::string to_json(const Feed& feed) {
  std::string out;
  out.reserve(1024 + feed.entries.size() * 1024);
  write(out, nullptr, feed);
  return out;
}

void write_json(std::ostream& out, const Feed& feed) {
  std::string buffer;
  buffer.reserve(2 * kChunk);
  write(buffer, &out, feed);
}

}  // namespace atip::feed
