# plancmp_embed_files(OUTPUT file.cpp FUNCTION name FILES a.json b.json ...)
# Generates a translation unit holding each file's bytes, looked up by file
# name through the function `plancmp::detail::<FUNCTION>()`. The generation runs at build time
# and is redone whenever a data file changes.
function(plancmp_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;FUNCTION" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} -DFUNCTION=${ARG_FUNCTION} "-DFILES=${ARG_FILES}"
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/plancmpEmbedScript.cmake
    DEPENDS ${ARG_FILES} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/plancmpEmbedScript.cmake
    COMMENT "Embedding ${ARG_FUNCTION}"
    VERBATIM)
endfunction()
