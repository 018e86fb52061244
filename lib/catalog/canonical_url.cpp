#include "lib/catalog/canonical_url.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace atip::catalog {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i] == '+' ? ' ' : s[i];
  }
  return out;
}

// Parameters that say how a reader arrived, not what the page is.
bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kExact = {
      "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga",
      "igshid", "ref_src", "oly_anon_id", "oly_enc_id", "wt.mc_id", "__twitter_impression"};
  const std::string n = lower(name);
  if (n.rfind("utm_", 0) == 0) return true;
  return std::find(kExact.begin(), kExact.end(), n) != kExact.end();
}

struct Parts {
  std::string scheme, host, port, path, query;
};

bool split(std::string_view url, Parts& p) {
  const auto colon = url.find("://");
  if (colon == std::string_view::npos) return false;
  p.scheme = lower(url.substr(0, colon));
  if (p.scheme != "http" && p.scheme != "https") return false;
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find('#'));
  const auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  rest = path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos)
    authority = authority.substr(at + 1);
  const auto port_colon = authority.rfind(':');
  if (port_colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    p.port = std::string(authority.substr(port_colon + 1));
    authority = authority.substr(0, port_colon);
  }
  p.host = lower(authority);
  if (p.host.empty()) return false;
  const auto q = rest.find('?');
  p.path = std::string(rest.substr(0, q));
  if (q != std::string_view::npos) p.query = std::string(rest.substr(q + 1));
  return true;
}

std::string query_parameter(std::string_view query, std::string_view name) {
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(start, amp - start);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return percent_decode(pair.substr(eq + 1));
    start = amp + 1;
  }
  return {};
}

std::string clean_query(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(start, amp - start);
    const std::string_view name = pair.substr(0, pair.find('='));
    if (!pair.empty() && !is_tracking_parameter(name)) {
      if (!out.empty()) out += '&';
      out += pair;
    }
    start = amp + 1;
  }
  return out;
}

}  // namespace

std::string unwrap_redirect(std::string_view url) {
  Parts p;
  if (!split(url, p)) return std::string(url);
  const bool google = p.host == "google.com" || p.host == "www.google.com" ||
                      p.host == "news.google.com" || p.host.rfind("www.google.", 0) == 0;
  if (!google || p.path != "/url") return std::string(url);
  for (const char* name : {"url", "q"}) {
    std::string target = query_parameter(p.query, name);
    if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) return target;
  }
  return std::string(url);
}

std::string canonical_url(std::string_view url) {
  Parts p;
  const std::string unwrapped = unwrap_redirect(url);
  if (!split(unwrapped, p)) return {};
  std::string host = p.host;
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (!host.empty() && host.back() == '.') host.pop_back();
  const bool default_port = p.port.empty() || (p.scheme == "http" && p.port == "80") ||
                            (p.scheme == "https" && p.port == "443");
  std::string out = host;
  if (!default_port) out += ":" + p.port;
  std::string path = p.path;
  while (!path.empty() && path.back() == '/') path.pop_back();
  out += path;
  const std::string query = clean_query(p.query);
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace atip::catalog
