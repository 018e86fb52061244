#pragma once
// The bundled sample feeds (feeds/samples/) served from 127.0.0.1, imported and fetched into a
// fresh catalogue: the starting point of end-to-end tests.
#include <map>
#include <string>

#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

namespace atip::testing {

inline const char* const kSampleFeeds[] = {"unodc-news.rss", "mpf-chile.rss", "iom-americas.atom",
                                           "dw-espanol.rdf", "reliefweb-trafficking.rss", "agencia-brasil.rss"};

inline std::string samples_dir() { return ATIP_SOURCE_DIR "/feeds/samples"; }

inline std::string samples_opml(const TestServer& server) {
  std::string body;
  for (const char* name : kSampleFeeds)
    body += "<outline type=\"rss\" text=\"\" xmlUrl=\"" + server.url(name) + "\"/>\n";
  return "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>samples</title></head><body>\n" +
         body + "</body></opml>\n";
}

// A catalogue holding the fetched samples, with the server still running for more fetches.
struct SampleCatalogue {
  TempDir tmp;
  TestServer server;
  std::map<std::string, std::string> env;

  SampleCatalogue() {
    server.serve_directory(samples_dir());
    server.start();
    env = {{"ATIP_DB", tmp.file("catalogue.db")}, {"ATIP_NOW", "2026-11-27T12:00:00Z"},
           {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
    const std::string opml = tmp.write("samples.opml", samples_opml(server));
    if (run_atip({"feeds", "import", opml}, env).status != 0) throw std::runtime_error("import failed");
    if (run_atip({"fetch"}, env).status != 0) throw std::runtime_error("fetch failed");
  }
  std::string db() const { return env.at("ATIP_DB"); }
  RunResult run(const std::vector<std::string>& args) const { return run_atip(args, env); }
};

}  // namespace atip::testing
