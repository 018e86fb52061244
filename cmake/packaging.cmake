# Installation layout and the Debian package (CPack DEB): `cmake --install` and `cpack -G DEB`
# put everything in the places Debian's tools look for it. scripts/package-test builds the .deb
# from build/release and checks it with dpkg and lintian.

# `ninja install` and cpack install what is built; they need not build the tests first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(${PROJECT_SOURCE_DIR}/cmake/man.cmake)

install(TARGETS atip RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES feeds/default.opml DESTINATION ${CMAKE_INSTALL_DATADIR}/atip)
install(FILES ${ATIP_VOCABULARY_FILES} feeds/vocabulary/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/atip/vocabulary)
install(FILES completions/atip.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME atip)
install(FILES completions/_atip DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/atip.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Debian policy: the copyright file and a compressed changelog in /usr/share/doc/PACKAGE.
set(ATIP_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(
  OUTPUT ${ATIP_CHANGELOG_GZ}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
  COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/packaging/changelog > ${ATIP_CHANGELOG_GZ}
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog
  COMMENT "Compressing the package changelog")
add_custom_target(atip_changelog ALL DEPENDS ${ATIP_CHANGELOG_GZ})
install(FILES packaging/copyright ${ATIP_CHANGELOG_GZ} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME atip)
set(CPACK_PACKAGE_VENDOR "atip project")
set(CPACK_PACKAGE_CONTACT "atip maintainers <atip@atip-project.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "monitor and catalogue the literature on trafficking in persons")
# The extended description: lines under 80 columns (CPack indents them).
set(CPACK_PACKAGE_DESCRIPTION
  "atip fetches the RSS, Atom and JSON feeds of governments, UN agencies, NGOs,\njournals and the press into a SQLite catalogue with one record per work, tags\nit from a four-language watch vocabulary, searches it in milliseconds and\nwrites the monthly literature digest of an anti-trafficking office.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ATIP_PROJECT_URL})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The Depends line from the libraries the binary really links (dpkg-shlibdeps), plus libcurl,
# which atip loads only when it fetches (lib/net/curl_api.hpp), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= 7.68.0)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
