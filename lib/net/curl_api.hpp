#pragma once
// libcurl, loaded the first time something fetches. Linking it would make every command pay
// for loading it and the thirty libraries it pulls in (TLS, Kerberos, LDAP, SSH…): about 5 ms
// of process start on an idle machine, twice that on a busy one — half of what a search may
// take in all. Only fetching commands call curl(); search, show and export never load it.
#include <curl/curl.h>

namespace atip::net {

// The libcurl functions atip uses, as pointers into the loaded library.
struct CurlApi {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_multi_setopt) multi_setopt;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_wakeup) multi_wakeup;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_strerror) multi_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_free) free;
};

// Loads libcurl (once, thread-safe) and initialises it; throws atip::Error naming the library
// when it is missing or too old.
const CurlApi& curl();

}  // namespace atip::net
