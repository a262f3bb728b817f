# Flags live on targets, never in CMAKE_CXX_FLAGS: link `plancmp_warnings`.
add_library(plancmp_warnings INTERFACE)
target_compile_options(plancmp_warnings INTERFACE
  $<BUILD_INTERFACE:$<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
                     -Wno-sign-conversion>>
  $<BUILD_INTERFACE:$<$<BOOL:${PLANCMP_WERROR}>:-Werror>>)
# GCC 12 reports false -Wrestrict (and -Wstringop-overflow) warnings inside libstdc++'s
# std::string at -O3 (GCC bugs 105329, 105651); they are not about our code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-Wno-restrict -Wno-stringop-overflow>)
endif()
# In a unity build each source is #included into a batch file, and GCC's
# -Wsubobject-linkage (meant for headers) then fires on a source's own types whose members
# use that source's anonymous namespace.
if(CMAKE_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-Wno-subobject-linkage>)
endif()
if(PLANCMP_SANITIZERS)
  string(REPLACE ";" "," _plancmp_san "${PLANCMP_SANITIZERS}")
  target_compile_options(plancmp_warnings INTERFACE
    $<BUILD_INTERFACE:-fsanitize=${_plancmp_san} -fno-omit-frame-pointer -fno-sanitize-recover=all>)
  target_link_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-fsanitize=${_plancmp_san}>)
  # Sanitizer instrumentation makes GCC report uninitialized reads inside
  # boost::optional (named_graph.hpp) that do not exist in the code as written.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-Wno-maybe-uninitialized>)
  endif()
endif()
# Fuzzing: the code the fuzz targets reach (the library) is compiled with coverage
# instrumentation where it is defined (CMakeLists.txt) and the fuzz targets add
# -fsanitize=fuzzer (fuzz/). The tests and the CLI, built in the same tree, need no coverage
# of their own code (it costs about 15 % of their compile time); they link with the flag so
# that the instrumented library finds its coverage hooks in any program.
if(PLANCMP_FUZZ)
  target_link_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-fsanitize=fuzzer-no-link>)
endif()
