# Writes the CTest script of a doctest executable: one test per TEST_CASE, labelled with
# its test suite (`* doctest::test_suite("large")` → label `large`, which `ctest -LE large`
# leaves out). Run after each link of the executable (tests/CMakeLists.txt).
#
# doctest's own doctest_discover_tests(ADD_LABELS 1) starts the executable once per test
# case to ask for its suite: 320 starts, 13 s of a Release build and 50 s of a sanitizer
# build. Here it starts once for the list of cases and once per suite (three starts today).
#   cmake -DTEST_EXECUTABLE=… -DTEST_WORKING_DIR=… -DCTEST_FILE=… -P doctest_add_tests.cmake

function(list_of what out)
  execute_process(COMMAND "${TEST_EXECUTABLE}" ${ARGN} --${what} --no-version
                  OUTPUT_VARIABLE output RESULT_VARIABLE result
                  WORKING_DIRECTORY "${TEST_WORKING_DIR}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${TEST_EXECUTABLE} ${ARGN} --${what} failed (${result}):\n${output}")
  endif()
  # doctest frames its lists with a rule of '=' and lines starting `[doctest] `; every
  # other line is one name. Names may hold `;`, which a CMake list would split into two
  # names that match no test (doctest's own script did so, and ctest ran seven tests as
  # fourteen empty ones): it travels as a token and is put back when the script is written.
  string(REPLACE ";" "<semicolon>" output "${output}")
  string(REPLACE "\n" ";" lines "${output}")
  set(names "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^=+$" OR line MATCHES "^\\[doctest\\] ")
      continue()
    endif()
    list(APPEND names "${line}")
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# A bracket argument keeps every character of a test name as it is.
function(bracket value out)
  set(${out} "[==[${value}]==]" PARENT_SCOPE)
endfunction()

list_of(list-test-cases cases)
list_of(list-test-suites suites)
foreach(suite IN LISTS suites)
  list_of(list-test-cases members "--test-suite=${suite}")
  foreach(member IN LISTS members)
    string(SHA1 key "${member}")
    list(APPEND "labels_${key}" "${suite}")
  endforeach()
endforeach()

bracket("${TEST_WORKING_DIR}" directory)
set(script "")
foreach(case IN LISTS cases)
  string(SHA1 key "${case}")
  string(REPLACE "<semicolon>" ";" case "${case}")
  # doctest splits a --test-case filter at commas unless they are escaped.
  string(REPLACE "," "\\," filter "${case}")
  bracket("${case}" name)
  bracket("--test-case=${filter}" argument)
  string(APPEND script "add_test(${name} \"${TEST_EXECUTABLE}\" ${argument})\n"
                       "set_tests_properties(${name} PROPERTIES WORKING_DIRECTORY ${directory}")
  if(DEFINED "labels_${key}")
    string(JOIN ";" labels ${labels_${key}})
    string(APPEND script " LABELS \"${labels}\"")
  endif()
  string(APPEND script ")\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
