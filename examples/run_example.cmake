# Runs an example program and compares its standard output with the checked-in
# expected output, byte for byte.
execute_process(COMMAND ${PROGRAM} OUTPUT_FILE ${ACTUAL} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED} ${ACTUAL} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "output differs from ${EXPECTED}; see ${ACTUAL} (diff -u ${EXPECTED} ${ACTUAL})")
endif()
