# Man pages: man/*.scd (scdoc) become roff at build time, compressed for installation.
# man/PAGE.N.scd -> build/man/PAGE.N (for `man -l` and the tests) and PAGE.N.gz (installed in
# share/man/manN).
find_program(ATIP_SCDOC scdoc REQUIRED)
file(GLOB ATIP_MAN_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/*.scd)
set(ATIP_MAN_OUTPUTS)
foreach(source ${ATIP_MAN_SOURCES})
  get_filename_component(file_name ${source} NAME)
  string(REGEX REPLACE "\\.scd$" "" page ${file_name})
  string(REGEX REPLACE "^.*\\.([0-9])$" "\\1" section ${page})
  set(roff ${PROJECT_BINARY_DIR}/man/${page})
  add_custom_command(
    OUTPUT ${roff} ${roff}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND sh -c "\"$1\" < \"$2\" > \"$3\" && gzip -9 -n -c \"$3\" > \"$3.gz\"" scdoc ${ATIP_SCDOC} ${source} ${roff}
    DEPENDS ${source}
    COMMENT "scdoc ${file_name}"
    VERBATIM)
  list(APPEND ATIP_MAN_OUTPUTS ${roff} ${roff}.gz)
  install(FILES ${roff}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(atip_man ALL DEPENDS ${ATIP_MAN_OUTPUTS})
