# Determinism (docs/robustness.md): the same inputs give byte-identical outputs across
# runs and thread counts. Runs the plancmp program PROGRAM on the bundled seeds with
# --threads 1, 2 and 4 (and 2 again) for one command, writing into OUT, and fails on the
# first difference:
#   cmake -DPROGRAM=… -DOUT=… -DCOMMAND="parse|--json" -P determinism.cmake
# tests/CMakeLists.txt registers one test per command (cli.determinism.<command>: parse
# --json, similar, matrix, coverage, agencies and the HTML report), so that ctest -j runs
# them side by side.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
string(REPLACE "|" ";" args "${COMMAND}")
list(GET args 0 name)
set(reference "")
foreach(threads 1 2 4 2r)
  string(REPLACE "r" "" n ${threads})
  set(out ${OUT}/${name}.${threads}.out)
  execute_process(COMMAND ${PROGRAM} ${args} --quiet --threads ${n}
                  OUTPUT_FILE ${out} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "plancmp ${args} --threads ${n} failed (${rc}): ${err}")
  endif()
  file(SHA256 ${out} digest)
  file(SIZE ${out} size)
  if(size EQUAL 0)
    message(FATAL_ERROR "plancmp ${args} --threads ${n} wrote nothing")
  endif()
  if(reference STREQUAL "")
    set(reference ${digest})
    set(reference_file ${out})
  elseif(NOT digest STREQUAL reference)
    message(FATAL_ERROR "plancmp ${args}: --threads ${n} differs from --threads 1 "
                        "(compare ${out} with ${reference_file})")
  endif()
endforeach()
message(STATUS "${name}: ${size} bytes, identical across runs and 1, 2, 4 threads")
