#pragma once
// Atom 1.0 (RFC 4287) of the selection, so partners can subscribe to the office's curated
// catalogue: one entry per document with its link (http(s) only), dates, authors (else the
// publisher), topics and countries as categories, and the summary as text.
#include "lib/export/writer.hpp"

namespace atip::exporter {

class AtomWriter final : public Writer {
 public:
  AtomWriter(std::ostream& out, DigestInfo info) : out_(out), info_(std::move(info)) {}
  void begin() override;
  void write(const store::Document& d) override;
  void end() override;

 private:
  std::ostream& out_;
  DigestInfo info_;
};

// The entry id of a document: its canonical URL when it has one, else a URN of its id.
std::string atom_entry_id(const store::Document& d);

}  // namespace atip::exporter
