// Hostile XML (issue 8, requirement 2): entity expansion, external entities and DTDs, deep
// nesting, huge attributes and titles. Each must parse with its damage contained and say so in
// a warning. The large inputs are generated here, never committed.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "lib/feed/json_output.hpp"
#include "lib/feed/limits.hpp"
#include "lib/feed/parse.hpp"
#include "lib/text/utf8.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip::feed;

namespace {

bool has_warning(const Feed& f, std::string_view part) {
  for (const std::string& w : f.warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

std::string rss(const std::string& doctype, const std::string& item) {
  return "<?xml version=\"1.0\"?>\n" + doctype + "\n<rss version=\"2.0\"><channel><title>T</title>" +
         item + "</channel></rss>";
}

// A TCP listener on 127.0.0.1 that nobody should ever connect to.
class Tripwire {
 public:
  Tripwire() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd_, 8) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
  }
  ~Tripwire() { ::close(fd_); }
  Tripwire(const Tripwire&) = delete;
  Tripwire& operator=(const Tripwire&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  bool touched() const {
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c >= 0) ::close(c);
    return c >= 0;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace

TEST_CASE("xml attacks: billion laughs is not expanded and is reported") {
  std::string dtd = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">\n";
  }
  dtd += "]>";
  const auto r = parse(rss(dtd, "<item><title>&lol9;</title><guid>g</guid></item>"));
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 1);
  CHECK(r.feed.entries[0].title == "&lol9;");
  CHECK(has_warning(r.feed, "entity &lol1; refers to other entities or markup; not expanded"));
  CHECK(r.feed.warnings.size() <= 6);  // capped, not one per declaration
  CHECK(to_json(r.feed).size() < 4096);
}

TEST_CASE("xml attacks: a plain entity used a million times stops growing at 1 MiB") {
  const std::string dtd = "<!DOCTYPE rss [<!ENTITY big \"" + std::string(1000, 'x') + "\">]>";
  std::string refs;
  for (int i = 0; i < 100000; ++i) refs += "&big;";
  const auto r = parse(rss(dtd, "<item><title>t</title><description>" + refs + "</description></item>"));
  REQUIRE(r.ok);
  const std::string& summary = r.feed.entries.at(0).summary;
  CHECK(summary.size() < 8 * 1024 * 1024);  // 100 MB if every reference were expanded
  CHECK(summary.find("xxxxxxxxxx") != std::string::npos);
  CHECK(summary.find("&big;") != std::string::npos);
  CHECK(has_warning(r.feed, "entity expansion stopped at 1 MiB"));
}

TEST_CASE("xml attacks: external entities and DTDs read no file and open no connection") {
  atip::testing::TempDir tmp;
  const std::string secret = tmp.write("secret.txt", "SECRET-MARKER-4711");
  const std::string file_url = "file://" + secret;
  Tripwire wire;

  SUBCASE("general entity pointing at a local file") {
    const auto r = parse(rss("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + file_url + "\">]>",
                             "<item><title>&xxe;</title></item>"));
    REQUIRE(r.ok);
    CHECK(r.feed.entries.at(0).title == "&xxe;");
    CHECK(to_json(r.feed).find("SECRET-MARKER") == std::string::npos);
    CHECK(has_warning(r.feed, "external entity &xxe; not loaded"));
  }
  SUBCASE("general entity pointing at a URL") {
    const auto r = parse(rss("<!DOCTYPE rss [<!ENTITY net PUBLIC \"-//X//Y\" \"" + wire.url("/e") + "\">]>",
                             "<item><title>a &net; b</title></item>"));
    REQUIRE(r.ok);
    CHECK(r.feed.entries.at(0).title == "a &net; b");
    CHECK(has_warning(r.feed, "external entity &net; not loaded"));
  }
  SUBCASE("parameter entities pulling in a remote DTD and a local file") {
    const auto r = parse(rss("<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + wire.url("/p.dtd") +
                                 "\"> %remote; <!ENTITY % local SYSTEM \"" + file_url + "\"> %local;]>",
                             "<item><title>ok</title></item>"));
    REQUIRE(r.ok);
    CHECK(r.feed.entries.at(0).title == "ok");
    CHECK(to_json(r.feed).find("SECRET-MARKER") == std::string::npos);
    CHECK(has_warning(r.feed, "parameter entity in the DOCTYPE ignored"));
  }
  SUBCASE("an external DTD subset given by SYSTEM or PUBLIC id") {
    for (const std::string& doctype :
         {"<!DOCTYPE rss SYSTEM \"" + file_url + "\">",
          "<!DOCTYPE rss PUBLIC \"-//Evil//DTD//EN\"\n  \"" + wire.url("/rss.dtd") + "\">"}) {
      CAPTURE(doctype);
      const auto r = parse(rss(doctype, "<item><title>ok</title></item>"));
      REQUIRE(r.ok);
      CHECK(r.feed.entries.at(0).title == "ok");
      CHECK(r.feed.wellformed);  // refusing to load a DTD is not a repair
      // Normal for RSS 0.91: no warning while the document needs nothing from it.
      CHECK(r.feed.warnings.empty());
    }
  }
  SUBCASE("an external DTD whose entities the document uses") {
    const auto r = parse(rss("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
                             "  \"" + wire.url("/rss-0.91.dtd") + "\">",
                             "<item><title>caf&eacute; &madeup; ok</title></item>"));
    REQUIRE(r.ok);
    CHECK(r.feed.entries.at(0).title == "caf\xC3\xA9 &madeup; ok");
    CHECK(has_warning(r.feed, "undefined entity &eacute; decoded as HTML (the external DTD"));
    CHECK(has_warning(r.feed, "undefined entity &madeup; kept as text (the external DTD"));
  }
  CHECK_FALSE(wire.touched());
}

TEST_CASE("xml attacks: 100,000 nested elements parse without deep recursion") {
  std::string doc = "<rss version=\"2.0\"><channel><title>T</title><item><title>before</title>"
                    "<guid>g1</guid><description>";
  for (int i = 0; i < 100000; ++i) doc += "<div>";
  doc += "deep";
  for (int i = 0; i < 100000; ++i) doc += "</div>";
  doc += "</description></item><item><title>after</title><guid>g2</guid></item></channel></rss>";
  const auto r = parse(doc);
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 2);
  CHECK(r.feed.entries[0].title == "before");
  CHECK(r.feed.entries[1].title == "after");
  CHECK(r.feed.entries[0].summary.size() < 64 * 1024);
  CHECK(has_warning(r.feed, "elements nested more than 200 levels deep"));

  // Unclosed: the recovery path must cope with the same depth.
  std::string open = "<rss><channel><item><title>x</title><description>";
  for (int i = 0; i < 100000; ++i) open += "<b>";
  const auto u = parse(open);
  REQUIRE(u.ok);
  CHECK_FALSE(u.feed.wellformed);
  CHECK(u.feed.entries.at(0).title == "x");
}

TEST_CASE("xml attacks: a 50 MB attribute is dropped with a warning, the entry kept") {
  const std::string huge(50u * 1024 * 1024, 'a');
  const auto r = parse(rss("", "<item><title>Report</title><guid>g</guid>"
                               "<enclosure url=\"https://e.org/" + huge + "\" type=\"application/pdf\"/>"
                               "<enclosure url=\"https://e.org/r.pdf\" type=\"application/pdf\"/>"
                               "<category domain=\"" + huge + "\">trata</category></item>"));
  REQUIRE(r.ok);
  const Entry& e = r.feed.entries.at(0);
  CHECK(e.title == "Report");
  REQUIRE(e.enclosures.size() == 1);
  CHECK(e.enclosures[0].url == "https://e.org/r.pdf");
  CHECK(e.categories == std::vector<std::string>{"trata"});
  CHECK(has_warning(r.feed, "entry 1 enclosure url of 52428814 bytes dropped"));
}

TEST_CASE("xml attacks: a 10 MB title is cut to a valid 64 KiB with a warning") {
  std::string title;
  while (title.size() < 10u * 1024 * 1024) title += "tr\xC3\xA1" "fico ";  // multi-byte chars
  const auto r = parse(rss("", "<item><title>" + title + "</title><guid>g</guid></item>"
                               "<item><title>next</title><guid>h</guid></item>"));
  REQUIRE(r.ok);
  REQUIRE(r.feed.entries.size() == 2);
  const std::string& t = r.feed.entries[0].title;
  CHECK(t.size() <= kMaxLineBytes);
  CHECK(t.size() > kMaxLineBytes - 4);
  CHECK(atip::text::is_valid_utf8(t));
  CHECK(title.starts_with(t));
  CHECK(r.feed.entries[1].title == "next");
  CHECK(has_warning(r.feed, "entry 1 title of " + std::to_string(title.size() - 1) + " bytes cut to"));
}
