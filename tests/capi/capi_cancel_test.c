/* The *_with_stop calls of the C interface: a flag, a callback, a timeout; TARIFF_CANCELLED with
 * nothing returned, the reason in errors; tariff_stop read only as far as its size. Plain C11. */
#define _POSIX_C_SOURCE 199309L
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tariff/tariff.h>

#include "checks.h"

static const char* source =
    "tariff \"POS service centre\" currency RUB\n"
    "rounding line 0.01 half_up\n"
    "calendar {\n  timezone Europe/Moscow\n}\n"
    "pricelist pos {\n"
    "  item engineer_visit \"Engineer visit\" per visit price 1800.00 cost 900.00\n"
    "}\n"
    "plan pos_service {\n"
    "  pricelist pos\n"
    "  fee 45000.00 per month\n"
    "  includes 3 engineer_visit per month\n"
    "}\n";

static const char* contracts =
    "[{\"id\": \"C-1\", \"client\": \"K-1\", \"plan\": \"pos_service\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";

/* `n` visits in March as a JSON array, malloc'ed. */
static char* visits(int n) {
  const size_t each = 160;
  char* out = malloc((size_t)n * each + 3);
  size_t at = 0;
  out[at++] = '[';
  for (int i = 0; i < n; ++i)
    at += (size_t)snprintf(out + at, each,
                           "%s{\"id\": \"V%d\", \"contract\": \"C-1\", \"item\": "
                           "\"engineer_visit\", \"start\": \"2026-03-%02dT10:00:00+03:00\", "
                           "\"quantity\": 1}",
                           i == 0 ? "" : ",", i, 1 + i % 28);
  out[at++] = ']';
  out[at] = '\0';
  return out;
}

/* should_stop: counts its calls in *user and asks to stop at the third. */
static int third_call(void* user) {
  int* calls = user;
  return ++*calls >= 3;
}

/* should_stop: takes 5 ms and never asks to stop, so a 1 ms timeout has passed when it returns. */
static int slow_no(void* user) {
  struct timespec five_ms = {0, 5000000};
  (void)user;
  nanosleep(&five_ms, NULL);
  return 0;
}

int main(void) {
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  char* out = NULL;
  char* errors = NULL;
  char* work = visits(300);
  int flag = 1;
  int calls = 0;

  CHECK_EQUALS(tariff_status_name(TARIFF_CANCELLED), "TARIFF_CANCELLED");

  /* Compile: a flag set before the call stops it before the first declaration. */
  {
    tariff_stop stop = {sizeof stop, 0, NULL, NULL, NULL};
    stop.flag = &flag;
    CHECK_STATUS(
        tariff_compile_with_stop(source, strlen(source), "pos.tariff", &stop, &t, &diagnostics),
        TARIFF_CANCELLED);
    CHECK(t == NULL);
    CHECK_EQUALS(diagnostics, "cancelled: the host asked to stop after 0 of 299 bytes parsed");
    tariff_free(diagnostics);
    diagnostics = NULL;
  }
  /* No stop (NULL): as tariff_compile. */
  CHECK_STATUS(
      tariff_compile_with_stop(source, strlen(source), "pos.tariff", NULL, &t, &diagnostics),
      TARIFF_OK);
  CHECK(t != NULL);

  /* Price: the callback asks at its third call, before line 128 (it is asked every 64). */
  {
    tariff_stop stop = {sizeof stop, 0, NULL, NULL, NULL};
    stop.should_stop = third_call;
    stop.user = &calls;
    CHECK_STATUS(tariff_price_with_stop(t, contracts, work, &stop, &out, &errors),
                 TARIFF_CANCELLED);
    CHECK(out == NULL);
    CHECK(calls == 3);
    CHECK_EQUALS(errors, "cancelled: the host asked to stop after 128 of 300 lines");
    tariff_free(errors);
  }
  /* A timeout: 1 ms, passed when the slow callback returns. */
  {
    tariff_stop stop = {sizeof stop, 1, NULL, NULL, NULL};
    stop.should_stop = slow_no;
    CHECK_STATUS(tariff_price_with_stop(t, contracts, work, &stop, &out, &errors),
                 TARIFF_CANCELLED);
    CHECK(out == NULL);
    CHECK_EQUALS(errors, "cancelled: the deadline passed after 0 of 300 lines");
    tariff_free(errors);
  }
  /* A flag that stays 0 and a timeout of an hour: priced as without them. */
  {
    int never = 0;
    tariff_stop stop = {sizeof stop, 3600000, NULL, NULL, NULL};
    stop.flag = &never;
    CHECK_STATUS(tariff_price_with_stop(t, contracts, work, &stop, &out, &errors), TARIFF_OK);
    CHECK(errors == NULL);
    CHECK_CONTAINS(out, "\"id\": \"V299\"");
    tariff_free(out);
  }
  /* A host built against an older tariff_stop: its size ends before `flag`, which is not read. */
  {
    tariff_stop stop = {offsetof(tariff_stop, flag), 0, NULL, NULL, NULL};
    stop.flag = &flag;
    CHECK_STATUS(tariff_price_with_stop(t, contracts, work, &stop, &out, &errors), TARIFF_OK);
    tariff_free(out);
  }
  /* A size left 0 is a call the host got wrong. */
  {
    tariff_stop stop = {0, 0, NULL, NULL, NULL};
    CHECK_STATUS(tariff_price_with_stop(t, contracts, work, &stop, &out, &errors),
                 TARIFF_INVALID_ARGUMENT);
    CHECK_EQUALS(errors, "stop->size is 0: set it to sizeof(tariff_stop)");
    tariff_free(errors);
  }

  /* Bill and estimate: no statement, no lines; the host keeps its own state. */
  {
    tariff_stop stop = {sizeof stop, 0, NULL, NULL, NULL};
    stop.flag = &flag;
    CHECK_STATUS(tariff_bill_with_stop(t, contracts, "C-1", "2026-03-17", NULL, work, NULL, NULL,
                                       &stop, &out, &errors),
                 TARIFF_CANCELLED);
    CHECK(out == NULL);
    CHECK_EQUALS(errors, "cancelled: the host asked to stop after 0 of 300 lines read");
    tariff_free(errors);
    CHECK_STATUS(tariff_estimate_with_stop(t, contracts, "C-1", NULL, work, &stop, &out, &errors),
                 TARIFF_CANCELLED);
    CHECK(out == NULL);
    tariff_free(errors);
    flag = 0;
    CHECK_STATUS(tariff_bill_with_stop(t, contracts, "C-1", "2026-03-17", NULL, work, NULL, NULL,
                                       &stop, &out, &errors),
                 TARIFF_OK);
    CHECK_CONTAINS(out, "\"fees_total\": \"45000.00\"");
    tariff_free(out);
  }

  tariff_release(t);
  free(work);
  if (failures != 0) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures != 0;
}
