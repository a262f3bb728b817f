# Every dependency comes from a Debian package; a missing one stops configure
# with the package to install (scripts/setup-deps installs them all).
function(plancmp_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "plancmp: ${what} not found. Install the Debian package `${package}` "
                        "(or run scripts/setup-deps).")
  endif()
endfunction()

find_package(Boost 1.74 QUIET)
plancmp_require(Boost_FOUND "Boost (Graph, Algorithm headers)" "libboost-graph-dev")
if(NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/graph/adjacency_list.hpp")
  message(FATAL_ERROR "plancmp: Boost.Graph headers not found. Install the Debian package `libboost-graph-dev`.")
endif()
find_package(fmt 9 QUIET)
plancmp_require(fmt_FOUND "fmt" "libfmt-dev")
find_package(ICU 72 QUIET COMPONENTS uc i18n data)
plancmp_require(ICU_FOUND "ICU (uc, i18n, data)" "libicu-dev")
find_package(nlohmann_json 3.10 QUIET)
plancmp_require(nlohmann_json_FOUND "nlohmann-json" "nlohmann-json3-dev")
find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
plancmp_require(OpenSSL_FOUND "OpenSSL libcrypto (SHA-256 of source files)" "libssl-dev")
find_package(PkgConfig QUIET)
plancmp_require(PKG_CONFIG_FOUND "pkg-config" "pkg-config")
pkg_check_modules(OpenCC QUIET IMPORTED_TARGET opencc>=1.1)
plancmp_require(OpenCC_FOUND "OpenCC 1.1" "libopencc-dev")
# Real-world inputs (docs/inputs.md): HTML through gumbo, PDF through poppler-cpp,
# DOCX through libzip and pugixml.
pkg_check_modules(Gumbo QUIET IMPORTED_TARGET gumbo)
plancmp_require(Gumbo_FOUND "gumbo (HTML5 parser)" "libgumbo-dev")
pkg_check_modules(PopplerCpp QUIET IMPORTED_TARGET poppler-cpp)
plancmp_require(PopplerCpp_FOUND "poppler-cpp (PDF text)" "libpoppler-cpp-dev")
# pkg-config, not libzip's CMake config: Debian's references the zipcmp/zipmerge
# programs, which libzip-dev does not install.
pkg_check_modules(LibZip QUIET IMPORTED_TARGET libzip>=1.7)
plancmp_require(LibZip_FOUND "libzip (DOCX archives)" "libzip-dev")
find_package(pugixml 1.11 QUIET)
plancmp_require(pugixml_FOUND "pugixml (DOCX XML)" "libpugixml-dev")
# Excel workbooks (--format xlsx, report/workbook.hpp).
pkg_check_modules(XlsxWriter QUIET IMPORTED_TARGET xlsxwriter)
plancmp_require(XlsxWriter_FOUND "libxlsxwriter (Excel workbooks)" "libxlsxwriter-dev")
if(PLANCMP_BUILD_TESTS)
  find_package(doctest 2.4 QUIET)
  plancmp_require(doctest_FOUND "doctest" "doctest-dev")
endif()
# Where OpenCC keeps its dictionaries (t2s.json, TSPhrases.ocd2, ...).
pkg_get_variable(OPENCC_PKGDATADIR opencc prefix)
set(PLANCMP_OPENCC_DATA_DIR "${OPENCC_PKGDATADIR}/share/opencc" CACHE PATH "OpenCC dictionary folder")
if(NOT EXISTS "${PLANCMP_OPENCC_DATA_DIR}/t2s.json")
  message(FATAL_ERROR "plancmp: OpenCC dictionaries not found in ${PLANCMP_OPENCC_DATA_DIR}. "
                      "Install the Debian package `libopencc-data` (or set PLANCMP_OPENCC_DATA_DIR).")
endif()
