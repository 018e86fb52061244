#include "lib/net/url_parts.hpp"


#include <cctype>
#include <memory>

#include "lib/net/curl_api.hpp"

namespace atip::net {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl().url_cleanup(url); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads one part of a parsed URL; "" when it is missing.
std::string get_part(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  if (curl().url_get(url, part, &value, 0) != CURLUE_OK || value == nullptr) return {};
  std::string result(value);
  curl().free(value);
  return result;
}

}  // namespace

std::string url_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos) return {};
  if (!std::isalpha(static_cast<unsigned char>(url[0]))) return {};
  for (std::size_t i = 1; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
  }
  return lower(std::string(url.substr(0, colon)));
}

std::string url_host(const std::string& url) {
  UrlHandle handle(curl().url());
  if (!handle || curl().url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  return lower(get_part(handle.get(), CURLUPART_HOST));
}

std::string resolve_url(const std::string& base, const std::string& location) {
  UrlHandle handle(curl().url());
  if (!handle || curl().url_set(handle.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) {
    return location;
  }
  // Setting a relative URL on a handle that holds an absolute one resolves it (RFC 3986 §5).
  // CURLU_NON_SUPPORT_SCHEME keeps "file:///etc/passwd" parseable, so a refused redirect is
  // still reported with its real target.
  if (curl().url_set(handle.get(), CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    return location;
  }
  std::string resolved = get_part(handle.get(), CURLUPART_URL);
  return resolved.empty() ? location : resolved;
}

}  // namespace atip::net
