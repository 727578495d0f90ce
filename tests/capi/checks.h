/* The checks of the C interface's tests: each prints where it failed, what it expected and what it
 * got, and counts the failure; main() returns failures != 0. One header for the C test programs
 * (each is one file, so `failures` is its own). */
#ifndef TARIFF_TESTS_CAPI_CHECKS_H
#define TARIFF_TESTS_CAPI_CHECKS_H

#include <stdio.h>
#include <string.h>

#include <tariff/tariff.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#define CHECK_STATUS(call, expected)                                                 \
  do {                                                                               \
    tariff_status got_ = (call);                                                     \
    if (got_ != (expected)) {                                                        \
      fprintf(stderr, "%s:%d: %s gave %s, expected %s\n", __FILE__, __LINE__, #call, \
              tariff_status_name(got_), tariff_status_name(expected));               \
      ++failures;                                                                    \
    }                                                                                \
  } while (0)

#define CHECK_CONTAINS(text, part)                                              \
  do {                                                                          \
    if ((text) == NULL || strstr((text), (part)) == NULL) {                     \
      fprintf(stderr, "%s:%d: expected %s in:\n%s\n", __FILE__, __LINE__, part, \
              (text) != NULL ? (text) : "(null)");                              \
      ++failures;                                                               \
    }                                                                           \
  } while (0)

#define CHECK_EQUALS(text, expected)                                                    \
  do {                                                                                  \
    if ((text) == NULL || strcmp((text), (expected)) != 0) {                            \
      fprintf(stderr, "%s:%d: expected:\n%s\ngot:\n%s\n", __FILE__, __LINE__, expected, \
              (text) != NULL ? (text) : "(null)");                                      \
      ++failures;                                                                       \
    }                                                                                   \
  } while (0)

#endif /* TARIFF_TESTS_CAPI_CHECKS_H */
