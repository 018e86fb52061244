#include "lib/export/atom_writer.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <ostream>

#include "atip_version.hpp"
#include "lib/export/digest.hpp"
#include "lib/export/html_escape.hpp"
#include "lib/export/citation.hpp"
#include "lib/util/hash.hpp"
#include "lib/util/time.hpp"

namespace atip::exporter {

namespace {

std::string esc(std::string_view s) { return xml_escape(s); }

// Atom's <updated>: the latest of the publisher's revision date and atip's own record of a
// change, never before publication.
store::Time entry_updated(const store::Document& d) {
  store::Time t = std::max(d.date(), d.updated.value_or(0));
  if (d.last_changed > d.first_seen) t = std::max(t, d.last_changed);
  return t;
}

}  // namespace

std::string atom_entry_id(const store::Document& d) {
  if (is_http_url(d.canonical_url)) return d.canonical_url;
  return fmt::format("urn:atip:document:{}", d.id);
}

void AtomWriter::begin() {
  const DigestText& t = *(digest_text(info_.lang) ? digest_text(info_.lang) : digest_text("en"));
  const std::string title = info_.title.empty() ? std::string(t.default_title) : info_.title;
  // The same title and period always give the same feed id, so a re-export is the same feed.
  const std::string id = util::hash_hex(title + '\n' + (info_.since ? util::format_date(*info_.since) : "") + '\n' +
                                        (info_.until ? util::format_date(*info_.until) : ""));
  fmt::print(out_,
             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n"
             "  <title type=\"text\">{}</title>\n  <subtitle type=\"text\">{}: {}</subtitle>\n"
             "  <id>urn:atip:export:{}</id>\n  <updated>{}</updated>\n"
             "  <generator uri=\"{}\" version=\"{}\">atip</generator>\n  <author><name>atip</name></author>\n",
             esc(info_.lang), esc(title), esc(t.period), esc(period_text(info_, t)), id,
             util::format_rfc3339(info_.generated_at), esc(ATIP_PROJECT_URL), ATIP_VERSION);
}

void AtomWriter::write(const store::Document& d) {
  std::string e = "  <entry>\n";
  e += fmt::format("    <title type=\"text\">{}</title>\n    <id>{}</id>\n", esc(d.title), esc(atom_entry_id(d)));
  if (const std::string link = d.link(); is_http_url(link))
    e += fmt::format("    <link rel=\"alternate\" href=\"{}\"/>\n", esc(link));
  if (d.published) e += fmt::format("    <published>{}</published>\n", util::format_rfc3339(*d.published));
  e += fmt::format("    <updated>{}</updated>\n", util::format_rfc3339(entry_updated(d)));
  const auto names = author_names(d.authors);
  for (const auto& n : names)
    e += fmt::format("    <author><name>{}</name></author>\n", esc(n.family.empty() ? n.literal : n.given + " " + n.family));
  if (names.empty() && !publisher(d).empty())
    e += fmt::format("    <author><name>{}</name></author>\n", esc(publisher(d)));
  for (const auto& t : d.tags)
    if (t.kind == "topic" || t.kind == "country" || t.kind == "area")
      e += fmt::format("    <category term=\"{}\" scheme=\"urn:atip:{}\" label=\"{}\"/>\n", esc(t.value), esc(t.kind),
                       esc(tag_label(t.kind, t.value, info_.lang)));
  if (!d.summary.empty()) e += fmt::format("    <summary type=\"text\">{}</summary>\n", esc(d.summary));
  e += "  </entry>\n";
  out_ << e;
}

void AtomWriter::end() { out_ << "</feed>\n"; }

}  // namespace atip::exporter
