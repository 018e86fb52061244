#include "lib/export/opml_writer.hpp"

#include "lib/export/digest.hpp"

namespace atip::exporter {

void OpmlWriter::write(const store::Document& d) {
  for (const auto& s : d.sightings)
    if (s.feed_id) feeds_.insert(*s.feed_id);
}

void OpmlWriter::end() {
  std::vector<opml::Outline> outlines;
  for (const auto id : feeds_)
    if (const auto it = info_.feeds.find(id); it != info_.feeds.end()) outlines.push_back(it->second);
  const DigestText& t = *(digest_text(info_.lang) ? digest_text(info_.lang) : digest_text("en"));
  opml::write(out_, info_.title.empty() ? std::string(t.default_title) : info_.title, outlines);
}

}  // namespace atip::exporter
