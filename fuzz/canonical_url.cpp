// libFuzzer target: canonical_url and unwrap_redirect; canonicalising is idempotent for
// results that are themselves URLs again.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>

#include "lib/catalog/canonical_url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)atip::catalog::unwrap_redirect(s);
  const std::string key = atip::catalog::canonical_url(s);
  if (!key.empty() && atip::catalog::canonical_url("https://" + key) != key) {
    std::fprintf(stderr, "canonical_url is not idempotent: '%s'\n", key.c_str());
    std::abort();
  }
  return 0;
}
