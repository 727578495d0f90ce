# What libtariff_c.so.1 exports (tests/capi/CMakeLists.txt):
#   cmake -DLIBRARY=libtariff_c.so.1 -DHEADER=tariff.h -DNM=nm -DREADELF=readelf -P check_exports.cmake
# Its SONAME is libtariff_c.so.1; every symbol it defines dynamically is a tariff_* function of
# a version node TARIFF_C_1 or a later TARIFF_C_1.N (nm -D writes "tariff_price@@TARIFF_C_1"),
# besides the nodes themselves;
# and they are exactly the functions tariff.h declares with TARIFF_C_API.
cmake_minimum_required(VERSION 3.25)

foreach(_var LIBRARY HEADER NM READELF)
  if("${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_exports.cmake: ${_var} is not set")
  endif()
endforeach()

execute_process(COMMAND ${READELF} -d ${LIBRARY} OUTPUT_VARIABLE _dynamic RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${READELF} -d ${LIBRARY} failed (${_rc})")
endif()
if(NOT _dynamic MATCHES "\\(SONAME\\)[^\n]*\\[libtariff_c\\.so\\.1\\]")
  message(FATAL_ERROR "the SONAME is not libtariff_c.so.1:\n${_dynamic}")
endif()

execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY} OUTPUT_VARIABLE _symbols
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed (${_rc})")
endif()
string(REGEX REPLACE "\n$" "" _symbols "${_symbols}")
string(REPLACE "\n" ";" _symbols "${_symbols}")
set(_exported "")
set(_wrong "")
foreach(_line IN LISTS _symbols)
  if(_line MATCHES "^[0-9a-f]+ A TARIFF_C_1(\\.[0-9]+)?$")
    # a version node
  elseif(_line MATCHES "^[0-9a-f]+ T (tariff_[a-z_]+)@@TARIFF_C_1(\\.[0-9]+)?$")
    list(APPEND _exported ${CMAKE_MATCH_1})
  else()
    list(APPEND _wrong "${_line}")
  endif()
endforeach()
if(_wrong)
  list(JOIN _wrong "\n  " _wrong)
  message(FATAL_ERROR "exported besides the tariff_* functions of TARIFF_C_1[.N]:\n  ${_wrong}")
endif()

file(STRINGS ${HEADER} _declarations REGEX "^TARIFF_C_API .*[ *]tariff_[a-z_]+\\(")
set(_declared "")
foreach(_line IN LISTS _declarations)
  string(REGEX MATCH "[ *](tariff_[a-z_]+)\\(" _ "${_line}")
  list(APPEND _declared ${CMAKE_MATCH_1})
endforeach()
list(SORT _exported)
list(SORT _declared)
if(NOT _exported STREQUAL _declared)
  message(FATAL_ERROR "exported [${_exported}]\nbut tariff.h declares [${_declared}]")
endif()
list(LENGTH _exported _count)
message(STATUS "libtariff_c.so.1 exports the ${_count} functions of tariff.h, versions TARIFF_C_1[.N]")
