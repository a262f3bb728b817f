# Builds tests/consumer/main.cpp with the flags pkg-config gives for the
# installed plancmp.pc, then runs it on a seed.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/lib/pkgconfig:${PREFIX}/lib/x86_64-linux-gnu/pkgconfig:$ENV{PKG_CONFIG_PATH}")
execute_process(COMMAND pkg-config --cflags --libs --static plancmp
                OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know plancmp")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${CXX} -std=c++20 ${SOURCE} -o ${OUT}/consumer ${flags} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer does not build with pkg-config flags: ${flags}")
endif()
execute_process(COMMAND ${OUT}/consumer ${SEED} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer built with pkg-config failed to run")
endif()
