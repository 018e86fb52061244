#include "lib/net/curl_errors.hpp"

#include <cctype>
#include <cstring>
#include <string_view>

#include "lib/net/curl_api.hpp"
#include "lib/net/url_parts.hpp"

namespace atip::net {
namespace {

// libcurl's messages start with a capital and sometimes end in a full stop; atip's style is
// lower-case with no stop. "SSL certificate problem" keeps its acronym.
std::string house_style(std::string message) {
  while (!message.empty() &&
         (message.back() == '.' || message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  if (message.size() >= 2 && std::isupper(static_cast<unsigned char>(message[0])) &&
      !std::isupper(static_cast<unsigned char>(message[1]))) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

std::string base_message(const ErrorFacts& facts) {
  return house_style(facts.message.empty() ? curl().easy_strerror(facts.code) : facts.message);
}

// The text after `prefix` up to the first of `stops`, or "" when `message` lacks `prefix`.
std::string between(std::string_view message, std::string_view prefix, std::string_view stops) {
  std::size_t start = message.find(prefix);
  if (start == std::string_view::npos) return {};
  message.remove_prefix(start + prefix.size());
  std::size_t end = message.size();
  for (std::string_view stop : {std::string_view(" after "), stops}) {
    std::size_t at = message.find(stop);
    if (at != std::string_view::npos && at < end) end = at;
  }
  return std::string(message.substr(0, end));
}

// "Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server"
std::string connect_failure(const ErrorFacts& facts) {
  std::string where = between(facts.message, "Failed to connect to ", ":");
  std::string result = where.empty() ? "could not connect" : "could not connect to " + where;
  if (facts.os_errno != 0) result += ": " + house_style(std::strerror(facts.os_errno));
  return result;
}

std::string timeout(const ErrorFacts& facts, const Options& options) {
  if (facts.message.find("too slow") != std::string::npos) {
    return "transfer too slow: under " + std::to_string(options.low_speed_limit) + " bytes/s for " +
           std::to_string(options.low_speed_time_s) + " s";
  }
  if (facts.message.find("Resolving timed out") != std::string::npos) {
    return "could not resolve host within " + std::to_string(options.connect_timeout_s) + " s";
  }
  if (facts.message.find("Connection timed out") != std::string::npos) {
    return "could not connect within " + std::to_string(options.connect_timeout_s) + " s";
  }
  return "timed out after " + std::to_string(options.total_timeout_s) + " s";
}

}  // namespace

std::string describe_curl_error(const ErrorFacts& facts, const Options& options) {
  switch (facts.code) {
    case CURLE_OK:
      return "no error";
    case CURLE_UNSUPPORTED_PROTOCOL:
      if (!facts.refused_redirect.empty()) {
        return "refused redirect to unsupported URL scheme '" + url_scheme(facts.refused_redirect) +
               "'";
      }
      return "unsupported URL scheme";
    case CURLE_TOO_MANY_REDIRECTS:
      return "too many redirects (more than " + std::to_string(options.max_redirects) + ")";
    case CURLE_FILESIZE_EXCEEDED:
      return "response larger than " + std::to_string(options.max_body_bytes) + " bytes";
    case CURLE_WRITE_ERROR:
      if (facts.headers_too_large) {
        return "response headers larger than " + std::to_string(kMaxHeaderBytes) + " bytes";
      }
      if (facts.body_too_large) {
        return "response larger than " + std::to_string(options.max_body_bytes) + " bytes";
      }
      return base_message(facts);
    case CURLE_COULDNT_RESOLVE_HOST: {
      std::string host = between(facts.message, "resolve host: ", "\n");
      return host.empty() ? "could not resolve host" : "could not resolve host '" + host + "'";
    }
    case CURLE_COULDNT_RESOLVE_PROXY: {
      std::string host = between(facts.message, "resolve proxy: ", "\n");
      return host.empty() ? "could not resolve proxy" : "could not resolve proxy '" + host + "'";
    }
    case CURLE_COULDNT_CONNECT:
      return connect_failure(facts);
    case CURLE_OPERATION_TIMEDOUT:
      return timeout(facts, options);
    case CURLE_PARTIAL_FILE:
      return "response cut short: " + base_message(facts);
    case CURLE_URL_MALFORMAT:
      return "malformed URL";
    case CURLE_BAD_CONTENT_ENCODING:
      return "cannot decode response: " + base_message(facts);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
      return "tls: " + base_message(facts);
    default:
      return base_message(facts);
  }
}

}  // namespace atip::net
