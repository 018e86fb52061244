#include "lib/net/curl_api.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include "lib/util/error.hpp"

namespace atip::net {

namespace {

// Debian's libcurl4 (OpenSSL) first, the one atip is built against; the GnuTLS flavour has
// the same ABI.
constexpr const char* kLibraries[] = {"libcurl.so.4", "libcurl-gnutls.so.4"};

template <typename F>
void bind(void* lib, F& fn, const char* name) {
  void* sym = dlsym(lib, name);
  if (sym == nullptr)
    throw Error(fmt::format("the installed libcurl lacks {} (atip needs libcurl 7.68 or later)", name));
  fn = reinterpret_cast<F>(sym);
}

CurlApi load() {
  void* lib = nullptr;
  std::string errors;
  for (const char* name : kLibraries) {
    lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (lib != nullptr) break;
    const char* why = dlerror();
    errors += fmt::format("{}{}", errors.empty() ? "" : "; ", why ? why : name);
  }
  if (lib == nullptr)
    throw Error(fmt::format("cannot load libcurl, which fetching needs ({}); install the libcurl4 package", errors));
  CurlApi api{};
  bind(lib, api.global_init, "curl_global_init");
  bind(lib, api.easy_init, "curl_easy_init");
  bind(lib, api.easy_cleanup, "curl_easy_cleanup");
  bind(lib, api.easy_setopt, "curl_easy_setopt");
  bind(lib, api.easy_getinfo, "curl_easy_getinfo");
  bind(lib, api.easy_strerror, "curl_easy_strerror");
  bind(lib, api.multi_init, "curl_multi_init");
  bind(lib, api.multi_cleanup, "curl_multi_cleanup");
  bind(lib, api.multi_setopt, "curl_multi_setopt");
  bind(lib, api.multi_add_handle, "curl_multi_add_handle");
  bind(lib, api.multi_remove_handle, "curl_multi_remove_handle");
  bind(lib, api.multi_perform, "curl_multi_perform");
  bind(lib, api.multi_poll, "curl_multi_poll");
  bind(lib, api.multi_wakeup, "curl_multi_wakeup");
  bind(lib, api.multi_info_read, "curl_multi_info_read");
  bind(lib, api.multi_strerror, "curl_multi_strerror");
  bind(lib, api.slist_append, "curl_slist_append");
  bind(lib, api.slist_free_all, "curl_slist_free_all");
  bind(lib, api.url, "curl_url");
  bind(lib, api.url_cleanup, "curl_url_cleanup");
  bind(lib, api.url_set, "curl_url_set");
  bind(lib, api.url_get, "curl_url_get");
  bind(lib, api.free, "curl_free");
  // The library stays loaded for the life of the process: handles may outlive any scope here.
  if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Error("libcurl failed to initialise");
  return api;
}

}  // namespace

const CurlApi& curl() {
  static const CurlApi api = load();
  return api;
}

}  // namespace atip::net
