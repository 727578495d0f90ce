/* The C interface's payouts and staff pay from C: one small month of field service, the exact JSON
 * of both calls, a part of the month as a period, and every error path. Plain C11. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tariff/tariff.h>

#include "checks.h"

/* The end of both calls' JSON: the one line no payout or pay takes, an item no price list has. */
#define REJECTED_DRONE                                                                           \
  "  \"rejected\": [\n"                                                                          \
  "    {\n"                                                                                      \
  "      \"id\": \"X1\",\n"                                                                      \
  "      \"request\": \"\",\n"                                                                   \
  "      \"contract\": \"C-1\",\n"                                                               \
  "      \"item\": \"drone\",\n"                                                                 \
  "      \"kind\": \"billable\",\n"                                                              \
  "      \"date\": \"2026-03-12\",\n"                                                            \
  "      \"status\": \"rejected\",\n"                                                            \
  "      \"reason\": \"unknown_item\",\n"                                                        \
  "      \"message\": \"line X1: item 'drone' is in no price list of tariff 'Field service'\"\n" \
  "    }\n"                                                                                      \
  "  ]\n"                                                                                        \
  "}\n"

/* Visits paid to the technician at 30% of their price, cartridges at 150.00 a piece; payouts at
   the items' cost prices. */
static const char* source =
    "tariff \"Field service\" currency RUB\n"
    "rounding line 0.01 half_up\n"
    "calendar {\n"
    "  timezone Europe/Moscow\n"
    "}\n"
    "pricelist service {\n"
    "  item visit     \"Visit\"     per visit price 1800.00 cost 900.00\n"
    "  item cartridge \"Cartridge\" per piece price 3200.00 cost 2100.00\n"
    "}\n"
    "plan basic {\n"
    "  pricelist service\n"
    "}\n"
    "pay technicians {\n"
    "  rule labour for visit     : amount * 30%\n"
    "  rule parts  for cartridge : quantity * 150.00\n"
    "}\n";

static const char* contracts =
    "[{\"id\": \"C-1\", \"client\": \"K-1\", \"plan\": \"basic\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";

/* V1 accepted in March, V2 not accepted, M1 (2 cartridges) accepted; X1 names no item. */
static const char* work =
    "[{\"id\": \"V1\", \"contract\": \"C-1\", \"item\": \"visit\", \"start\": "
    "\"2026-03-03T10:00:00+03:00\", \"quantity\": 1, \"performer\": \"Petrov\", \"accepted\": "
    "true, \"accepted_on\": \"2026-03-05\"},\n"
    " {\"id\": \"V2\", \"contract\": \"C-1\", \"item\": \"visit\", \"start\": "
    "\"2026-03-20T10:00:00+03:00\", \"quantity\": 1, \"performer\": \"Petrov\"},\n"
    " {\"id\": \"M1\", \"contract\": \"C-1\", \"item\": \"cartridge\", \"start\": "
    "\"2026-03-10T12:00:00+03:00\", \"quantity\": \"2\", \"performer\": \"Sidorov\", \"accepted\": "
    "true, \"accepted_on\": \"2026-03-11\"},\n"
    " {\"id\": \"X1\", \"contract\": \"C-1\", \"item\": \"drone\", \"start\": "
    "\"2026-03-12T12:00:00+03:00\", \"quantity\": 1, \"performer\": \"Petrov\"}]\n";

/* Petrov: V1 payable 900.00, V2 pending 900.00 (the visit's cost); Sidorov: 2 x 2100.00. */
static const char* expected_payouts =
    "{\n"
    "  \"payouts\": [\n"
    "    {\n"
    "      \"performer\": \"Petrov\",\n"
    "      \"currency\": \"RUB\",\n"
    "      \"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-31\"},\n"
    "      \"payable\": \"900.00\",\n"
    "      \"pending\": \"900.00\",\n"
    "      \"lines\": [\n"
    "        {\n"
    "          \"id\": \"V1\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"visit\",\n"
    "          \"date\": \"2026-03-03\",\n"
    "          \"accepted_on\": \"2026-03-05\",\n"
    "          \"quantity\": \"1\",\n"
    "          \"rate\": \"900.00\",\n"
    "          \"amount\": \"900.00\",\n"
    "          \"status\": \"payable\"\n"
    "        },\n"
    "        {\n"
    "          \"id\": \"V2\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"visit\",\n"
    "          \"date\": \"2026-03-20\",\n"
    "          \"accepted_on\": null,\n"
    "          \"quantity\": \"1\",\n"
    "          \"rate\": \"900.00\",\n"
    "          \"amount\": \"900.00\",\n"
    "          \"status\": \"pending\"\n"
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"performer\": \"Sidorov\",\n"
    "      \"currency\": \"RUB\",\n"
    "      \"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-31\"},\n"
    "      \"payable\": \"4200.00\",\n"
    "      \"pending\": \"0.00\",\n"
    "      \"lines\": [\n"
    "        {\n"
    "          \"id\": \"M1\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"cartridge\",\n"
    "          \"date\": \"2026-03-10\",\n"
    "          \"accepted_on\": \"2026-03-11\",\n"
    "          \"quantity\": \"2\",\n"
    "          \"rate\": \"2100.00\",\n"
    "          \"amount\": \"4200.00\",\n"
    "          \"status\": \"payable\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n" REJECTED_DRONE;

/* Petrov: 30% of 1800.00 twice; Sidorov: 2 x 150.00. */
static const char* expected_staff_pay =
    "{\n"
    "  \"staff_pay\": [\n"
    "    {\n"
    "      \"employee\": \"Petrov\",\n"
    "      \"currency\": \"RUB\",\n"
    "      \"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-31\"},\n"
    "      \"total\": \"1080.00\",\n"
    "      \"lines\": [\n"
    "        {\n"
    "          \"id\": \"V1\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"visit\",\n"
    "          \"kind\": \"billable\",\n"
    "          \"date\": \"2026-03-03\",\n"
    "          \"quantity\": \"1\",\n"
    "          \"amount\": \"1800.00\",\n"
    "          \"rule\": \"labour\",\n"
    "          \"pay\": \"540.00\",\n"
    "          \"line\": 14,\n"
    "          \"column\": 3\n"
    "        },\n"
    "        {\n"
    "          \"id\": \"V2\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"visit\",\n"
    "          \"kind\": \"billable\",\n"
    "          \"date\": \"2026-03-20\",\n"
    "          \"quantity\": \"1\",\n"
    "          \"amount\": \"1800.00\",\n"
    "          \"rule\": \"labour\",\n"
    "          \"pay\": \"540.00\",\n"
    "          \"line\": 14,\n"
    "          \"column\": 3\n"
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"employee\": \"Sidorov\",\n"
    "      \"currency\": \"RUB\",\n"
    "      \"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-31\"},\n"
    "      \"total\": \"300.00\",\n"
    "      \"lines\": [\n"
    "        {\n"
    "          \"id\": \"M1\",\n"
    "          \"request\": \"\",\n"
    "          \"contract\": \"C-1\",\n"
    "          \"item\": \"cartridge\",\n"
    "          \"kind\": \"billable\",\n"
    "          \"date\": \"2026-03-10\",\n"
    "          \"quantity\": \"2\",\n"
    "          \"amount\": \"6400.00\",\n"
    "          \"rule\": \"parts\",\n"
    "          \"pay\": \"300.00\",\n"
    "          \"line\": 15,\n"
    "          \"column\": 3\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n" REJECTED_DRONE;

int main(void) {
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  CHECK_STATUS(tariff_compile(source, strlen(source), "pay.tariff", &t, &diagnostics), TARIFF_OK);
  CHECK_EQUALS(diagnostics == NULL ? "" : diagnostics, "");
  tariff_free(diagnostics);
  if (t == NULL) return 1;

  char* out = NULL;
  char* errors = NULL;
  CHECK_STATUS(tariff_payouts(t, contracts, work, "2026-03", NULL, &out, &errors), TARIFF_OK);
  CHECK_EQUALS(out, expected_payouts);
  CHECK_EQUALS(errors == NULL ? "" : errors, "");
  tariff_free(out);
  tariff_free(errors);

  CHECK_STATUS(tariff_staff_pay(t, contracts, work, "2026-03", "", &out, &errors), TARIFF_OK);
  CHECK_EQUALS(out, expected_staff_pay);
  tariff_free(out);
  tariff_free(errors);

  /* The block named; the 1st to the 10th: V1 and M1 only (X1, on the 12th, is not in it). */
  CHECK_STATUS(
      tariff_staff_pay(t, contracts, work, "2026-03-01..2026-03-10", "technicians", &out, &errors),
      TARIFF_OK);
  CHECK_CONTAINS(out,
                 "\"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-10\"},\n"
                 "      \"total\": \"540.00\"");
  CHECK_CONTAINS(out, "\"total\": \"300.00\"");
  CHECK_CONTAINS(out, "\"rejected\": []");
  tariff_free(out);
  tariff_free(errors);

  /* The call's faults: a period that does not read, a price list or pay block the tariff lacks,
     a null out-parameter. */
  CHECK_STATUS(tariff_payouts(t, contracts, work, "March", NULL, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_EQUALS(out == NULL ? "" : out, "");
  CHECK_EQUALS(errors,
               "'March' is not a period: a month YYYY-MM, or YYYY-MM-DD..YYYY-MM-DD from the "
               "first day to the last");
  tariff_free(errors);
  CHECK_STATUS(tariff_payouts(t, contracts, work, "2026-03-10..2026-03-01", NULL, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  tariff_free(errors);
  CHECK_STATUS(tariff_payouts(t, contracts, work, "2026-03", "contractors", &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "contractors");
  tariff_free(errors);
  CHECK_STATUS(tariff_staff_pay(t, contracts, work, "2026-03", "drivers", &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "drivers");
  tariff_free(errors);
  CHECK_STATUS(tariff_payouts(t, contracts, work, "2026-03", NULL, NULL, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_EQUALS(errors, "result is null");
  tariff_free(errors);
  CHECK_STATUS(tariff_staff_pay(NULL, contracts, work, "2026-03", NULL, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_EQUALS(errors, "tariff is null");
  tariff_free(errors);

  /* Work that does not read: nothing is paid, the errors name the row. */
  CHECK_STATUS(tariff_payouts(t, contracts,
                              "[{\"id\": \"V9\", \"contract\": \"C-1\", \"item\": \"visit\", "
                              "\"start\": \"yesterday\", \"quantity\": 1}]",
                              "2026-03", NULL, &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_EQUALS(out == NULL ? "" : out, "");
  CHECK_CONTAINS(errors, "work: row 1 (id V9), column 'start'");
  tariff_free(errors);

  tariff_release(t);
  if (failures > 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("payouts and staff pay through the C interface: all checks passed");
  return 0;
}
