# Driver for the package tests (see CMakeLists.txt next to it): cmake -DMODE=... -P run_consumer.cmake
#   MODE=install           install TARIFF_BINARY_DIR into PREFIX (= WORK_DIR), fresh
#   MODE=find_package      configure consumer/ against PREFIX in WORK_DIR, build, run
#   MODE=add_subdirectory  configure consumer-subdir/ with TARIFF_SOURCE_DIR in WORK_DIR, build, run
#   MODE=pkg_config        compile consumer/main.cpp with pkg-config's flags for PREFIX, run
#   MODE=add_subdirectory_build_type
#                          configure (only) consumer-subdir/ with no CMAKE_BUILD_TYPE in WORK_DIR:
#                          tariff must leave the host's build type empty
#   MODE=c_pkg_config      compile consumer-c/main.c with a C compiler and the flags of
#                          `pkg-config --cflags --libs PC_ARGS` (PC_ARGS: "--static tariff",
#                          "tariff" or "tariff_c"), run it with LD_LIBRARY_PATH=PREFIX/LIBDIR
#   MODE=c_find_package    configure consumer-c/ (a C-only project) against PREFIX, build, run
#                          its two programs (static tariff::tariff, shared tariff::tariff_c)
#   MODE=python_ctypes     PYTHON runs ctypes_host.py on PREFIX/LIBDIR/libtariff_c.so.1
# The C consumers print what they priced; the output must be consumer-c/expected.txt exactly.
cmake_minimum_required(VERSION 3.25)

foreach(_var MODE SOURCE_DIR TARIFF_SOURCE_DIR TARIFF_BINARY_DIR PREFIX LIBDIR WORK_DIR CXX_COMPILER)
  if("${${_var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: ${_var} is not set")
  endif()
endforeach()
if("${CONFIG}" STREQUAL "")
  set(CONFIG Release)
endif()
set(_jobs 2)
if(DEFINED ENV{TARIFF_JOBS})
  set(_jobs $ENV{TARIFF_JOBS})
endif()

# Runs a command, echoing it; stops the test if it fails.
function(run)
  execute_process(COMMAND ${ARGN} COMMAND_ECHO STDOUT RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc})")
  endif()
endfunction()

# Configures the consumer project in SOURCE into WORK_DIR with this build's compiler and flags,
# builds it and runs it.
function(configure_build_run source)
  set(args -S ${source} -B ${WORK_DIR} -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=${CONFIG}
           -DCMAKE_CXX_COMPILER=${CXX_COMPILER} "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" ${ARGN})
  if(MAKE_PROGRAM)
    list(APPEND args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
  endif()
  if(CXX_LAUNCHER)
    list(APPEND args -DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_LAUNCHER})
  endif()
  run(${CMAKE_COMMAND} ${args})
  run(${CMAKE_COMMAND} --build ${WORK_DIR} --config ${CONFIG} --parallel ${_jobs})
  find_program(consumer consumer PATHS ${WORK_DIR} ${WORK_DIR}/${CONFIG} NO_DEFAULT_PATH NO_CACHE)
  run(${consumer})
endfunction()

# Runs a consumer of the C interface on the example tariff; what it prints must be expected.txt.
function(run_c_consumer)
  execute_process(COMMAND ${ARGN} ${TARIFF_SOURCE_DIR}/examples/01-catalogue/tariff.tariff
                  COMMAND_ECHO STDOUT OUTPUT_VARIABLE output RESULT_VARIABLE rc)
  message(STATUS "output:\n${output}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc})")
  endif()
  file(READ ${SOURCE_DIR}/consumer-c/expected.txt expected)
  if(NOT output STREQUAL expected)
    message(FATAL_ERROR "expected:\n${expected}")
  endif()
endfunction()

# The flags `pkg-config --cflags --libs ARGS...` gives for PREFIX, as a list.
function(pkg_config_flags out)
  if("${PKG_CONFIG}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: PKG_CONFIG is not set")
  endif()
  set(ENV{PKG_CONFIG_PATH} ${PREFIX}/${LIBDIR}/pkgconfig)
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs ${ARGN}
                  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags --libs ${ARGN} failed (${rc})")
  endif()
  message(STATUS "pkg-config --cflags --libs ${ARGN}: ${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "install")
  file(REMOVE_RECURSE ${PREFIX})
  run(${CMAKE_COMMAND} --install ${TARIFF_BINARY_DIR} --config ${CONFIG} --prefix ${PREFIX})
  foreach(_file include/tariff/calendar.hpp include/tariff/version.hpp
                ${LIBDIR}/cmake/tariff/tariff-config.cmake
                ${LIBDIR}/cmake/tariff/tariff-config-version.cmake
                ${LIBDIR}/cmake/tariff/tariff-targets.cmake ${LIBDIR}/pkgconfig/tariff.pc
                ${LIBDIR}/pkgconfig/tariff_c.pc ${LIBDIR}/libtariff_c.so.1 ${LIBDIR}/libtariff_c.so
                include/tariff/tariff.h include/tariff/export.h)
    if(NOT EXISTS ${PREFIX}/${_file})
      message(FATAL_ERROR "not installed: ${_file}")
    endif()
  endforeach()
  # Only the public headers: nothing from src/ and no private headers.
  file(GLOB_RECURSE _installed RELATIVE ${PREFIX}/include ${PREFIX}/include/*)
  file(GLOB _public RELATIVE ${TARIFF_SOURCE_DIR}/include ${TARIFF_SOURCE_DIR}/include/tariff/*.hpp
       ${TARIFF_SOURCE_DIR}/include/tariff/*.h)
  list(SORT _installed)
  list(SORT _public)
  if(NOT _installed STREQUAL _public)
    message(FATAL_ERROR "installed headers [${_installed}] are not the public ones [${_public}]")
  endif()
  # The exported targets must not need the build-only dependencies.
  file(GLOB _exports ${PREFIX}/${LIBDIR}/cmake/tariff/tariff-targets*.cmake)
  foreach(_export IN LISTS _exports)
    file(READ ${_export} _text)
    if(_text MATCHES "tariff_warnings|Boost|pegtl|nlohmann")
      message(FATAL_ERROR "${_export} mentions a build-only dependency: ${CMAKE_MATCH_0}")
    endif()
  endforeach()

elseif(MODE STREQUAL "find_package")
  file(REMOVE_RECURSE ${WORK_DIR})
  configure_build_run(${SOURCE_DIR}/consumer -DCMAKE_PREFIX_PATH=${PREFIX})
  # The package came from the test prefix, not from some tariff installed on the machine.
  file(STRINGS ${WORK_DIR}/CMakeCache.txt _dir REGEX "^tariff_DIR:")
  if(NOT _dir STREQUAL "tariff_DIR:PATH=${PREFIX}/${LIBDIR}/cmake/tariff")
    message(FATAL_ERROR "tariff was found elsewhere: ${_dir}")
  endif()

elseif(MODE STREQUAL "add_subdirectory")
  # Kept between runs, so only what changed is rebuilt; but not across a change of compiler: CMake
  # would then drop its cache and configure again without the -D values given (TARIFF_SOURCE_DIR).
  if(EXISTS ${WORK_DIR}/CMakeCache.txt)
    file(STRINGS ${WORK_DIR}/CMakeCache.txt _compiler REGEX "^CMAKE_CXX_COMPILER:")
    file(STRINGS ${WORK_DIR}/CMakeCache.txt _source REGEX "^TARIFF_SOURCE_DIR:")
    string(REGEX REPLACE "^[^=]*=" "" _compiler "${_compiler}")
    string(REGEX REPLACE "^[^=]*=" "" _source "${_source}")
    if(NOT _compiler STREQUAL CXX_COMPILER OR NOT _source STREQUAL TARIFF_SOURCE_DIR)
      file(REMOVE_RECURSE ${WORK_DIR})
    endif()
  endif()
  configure_build_run(${SOURCE_DIR}/consumer-subdir -DTARIFF_SOURCE_DIR=${TARIFF_SOURCE_DIR}
                      -DTARIFF_WERROR=${WERROR})

elseif(MODE STREQUAL "pkg_config")
  if("${PKG_CONFIG}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: PKG_CONFIG is not set")
  endif()
  file(REMOVE_RECURSE ${WORK_DIR})
  file(MAKE_DIRECTORY ${WORK_DIR})
  set(ENV{PKG_CONFIG_PATH} ${PREFIX}/${LIBDIR}/pkgconfig)
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs tariff
                  OUTPUT_VARIABLE _flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags --libs tariff failed (${rc})")
  endif()
  message(STATUS "pkg-config --cflags --libs tariff: ${_flags}")
  separate_arguments(_flags UNIX_COMMAND "${_flags}")
  # The flags point into the test prefix (tariff.pc locates it from its own place).
  set(_include ${_flags})
  list(FILTER _include INCLUDE REGEX "^-I")
  list(GET _include 0 _include)
  string(SUBSTRING "${_include}" 2 -1 _include)
  file(REAL_PATH "${_include}" _include)
  if(NOT _include STREQUAL "${PREFIX}/include")
    message(FATAL_ERROR "tariff.pc gives -I${_include}, not ${PREFIX}/include")
  endif()
  separate_arguments(_cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
  run(${CXX_COMPILER} ${_cxx_flags} -std=c++20 ${SOURCE_DIR}/consumer/main.cpp ${_flags}
      -o ${WORK_DIR}/consumer)
  run(${WORK_DIR}/consumer)

elseif(MODE STREQUAL "add_subdirectory_build_type")
  file(REMOVE_RECURSE ${WORK_DIR})
  set(args -S ${SOURCE_DIR}/consumer-subdir -B ${WORK_DIR} -G "${GENERATOR}"
           -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DTARIFF_SOURCE_DIR=${TARIFF_SOURCE_DIR})
  if(MAKE_PROGRAM)
    list(APPEND args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
  endif()
  run(${CMAKE_COMMAND} ${args})
  file(STRINGS ${WORK_DIR}/CMakeCache.txt _type REGEX "^CMAKE_BUILD_TYPE:")
  if(NOT _type MATCHES "^CMAKE_BUILD_TYPE:[A-Z]+=$")
    message(FATAL_ERROR "tariff set the host's build type: ${_type}")
  endif()
  message(STATUS "the host's build type stays empty: ${_type}")

elseif(MODE STREQUAL "c_pkg_config")
  foreach(_var PC_ARGS C_COMPILER)
    if("${${_var}}" STREQUAL "")
      message(FATAL_ERROR "run_consumer.cmake: ${_var} is not set")
    endif()
  endforeach()
  file(REMOVE_RECURSE ${WORK_DIR})
  file(MAKE_DIRECTORY ${WORK_DIR})
  separate_arguments(_pc_args UNIX_COMMAND "${PC_ARGS}")
  pkg_config_flags(_flags ${_pc_args})
  separate_arguments(_c_flags UNIX_COMMAND "${C_FLAGS}")
  # As README.md writes it: cc -std=c11 main.c $(pkg-config --cflags --libs tariff)
  run(${C_COMPILER} ${_c_flags} -std=c11 -Wall -Wextra -Wpedantic -Werror
      ${SOURCE_DIR}/consumer-c/main.c ${_flags} -o ${WORK_DIR}/consumer)
  # No rpath: a shared libtariff_c comes from the prefix through LD_LIBRARY_PATH, or not at all.
  run_c_consumer(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${PREFIX}/${LIBDIR} ${WORK_DIR}/consumer)

elseif(MODE STREQUAL "c_find_package")
  if("${C_COMPILER}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: C_COMPILER is not set")
  endif()
  file(REMOVE_RECURSE ${WORK_DIR})
  set(args -S ${SOURCE_DIR}/consumer-c -B ${WORK_DIR} -G "${GENERATOR}"
           -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_C_COMPILER=${C_COMPILER}
           "-DCMAKE_C_FLAGS=${C_FLAGS} -Wall -Wextra -Wpedantic -Werror"
           -DCMAKE_PREFIX_PATH=${PREFIX})
  if(MAKE_PROGRAM)
    list(APPEND args -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
  endif()
  run(${CMAKE_COMMAND} ${args})
  run(${CMAKE_COMMAND} --build ${WORK_DIR} --config ${CONFIG} --parallel ${_jobs})
  file(STRINGS ${WORK_DIR}/CMakeCache.txt _dir REGEX "^tariff_DIR:")
  if(NOT _dir STREQUAL "tariff_DIR:PATH=${PREFIX}/${LIBDIR}/cmake/tariff")
    message(FATAL_ERROR "tariff was found elsewhere: ${_dir}")
  endif()
  foreach(_program consumer consumer_shared)
    find_program(_exe ${_program} PATHS ${WORK_DIR} ${WORK_DIR}/${CONFIG} NO_DEFAULT_PATH NO_CACHE)
    run_c_consumer(${_exe})
    unset(_exe)
  endforeach()

elseif(MODE STREQUAL "python_ctypes")
  if("${PYTHON}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: PYTHON is not set")
  endif()
  # The installed library, by path, as an FFI host loads it.
  run(${PYTHON} ${SOURCE_DIR}/ctypes_host.py ${PREFIX}/${LIBDIR}/libtariff_c.so.1
      ${TARIFF_SOURCE_DIR}/examples/01-catalogue/tariff.tariff)

else()
  message(FATAL_ERROR "run_consumer.cmake: unknown MODE '${MODE}'")
endif()
