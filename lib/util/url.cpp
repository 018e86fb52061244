#include "lib/util/url.hpp"

namespace atip::util {

namespace {

struct UriParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t scheme_length(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i;
    if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return 0;
  }
  return 0;
}

UriParts split(std::string_view s) {
  UriParts p;
  if (const std::size_t n = scheme_length(s); n > 0) {
    p.has_scheme = true;
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (const auto hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (const auto q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    p.has_authority = true;
    const auto slash = s.find('/', 2);
    p.authority = s.substr(2, slash == std::string_view::npos ? s.npos : slash - 2);
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  p.path = s;
  return p;
}

// RFC 3986 5.2.4, written over an output buffer so it stays linear in practice.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      const std::size_t len = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, len));
      in.remove_prefix(len);
    }
  }
  return out;
}

std::string merge_paths(const UriParts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  const auto slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

std::string compose(const UriParts& p, const std::string& path) {
  std::string out;
  if (p.has_scheme) out.append(p.scheme).push_back(':');
  if (p.has_authority) out.append("//").append(p.authority);
  out.append(path);
  if (p.has_query) out.append("?").append(p.query);
  if (p.has_fragment) out.append("#").append(p.fragment);
  return out;
}

}  // namespace

bool has_scheme(std::string_view s) noexcept { return scheme_length(s) > 0; }

std::string resolve_url(std::string_view base_in, std::string_view ref_in) {
  const std::string_view base = trim(base_in), ref = trim(ref_in);
  if (base.empty()) return std::string(ref);
  const UriParts b = split(base);
  UriParts r = split(ref);
  UriParts t;
  std::string path;
  if (r.has_scheme) {
    t = r;
    path = remove_dot_segments(r.path);
  } else {
    t.has_scheme = b.has_scheme;
    t.scheme = b.scheme;
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      path = remove_dot_segments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      t.has_authority = b.has_authority;
      t.authority = b.authority;
      if (r.path.empty()) {
        path = std::string(b.path);
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        path = remove_dot_segments(r.path[0] == '/' ? std::string(r.path) : merge_paths(b, r.path));
        t.has_query = r.has_query;
        t.query = r.query;
      }
    }
    t.has_fragment = r.has_fragment;
    t.fragment = r.fragment;
  }
  return compose(t, path);
}

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += plus_is_space && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

}  // namespace atip::util
