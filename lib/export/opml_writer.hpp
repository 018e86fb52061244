#pragma once
// OPML of the feed list behind a selection: the feeds that carried at least one selected
// document, so a partner can subscribe to the same publishers.
#include <set>

#include "lib/export/writer.hpp"

namespace atip::exporter {

class OpmlWriter final : public Writer {
 public:
  OpmlWriter(std::ostream& out, DigestInfo info) : out_(out), info_(std::move(info)) {}
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  DigestInfo info_;
  std::set<std::int64_t> feeds_;  // bounded by the number of feeds, not of documents
};

}  // namespace atip::exporter
