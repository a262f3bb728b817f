# Flags live on targets, never in CMAKE_CXX_FLAGS: link `plancmp_warnings`.
add_library(plancmp_warnings INTERFACE)
target_compile_options(plancmp_warnings INTERFACE
  $<BUILD_INTERFACE:$<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion
                     -Wno-sign-conversion>>
  $<BUILD_INTERFACE:$<$<BOOL:${PLANCMP_WERROR}>:-Werror>>)
if(PLANCMP_SANITIZERS)
  string(REPLACE ";" "," _plancmp_san "${PLANCMP_SANITIZERS}")
  target_compile_options(plancmp_warnings INTERFACE
    $<BUILD_INTERFACE:-fsanitize=${_plancmp_san} -fno-omit-frame-pointer -fno-sanitize-recover=all>)
  target_link_options(plancmp_warnings INTERFACE $<BUILD_INTERFACE:-fsanitize=${_plancmp_san}>)
endif()
