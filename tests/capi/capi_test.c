/* The C interface from C: compile, price, bill, estimate, and every error path. Plain C11, so
 * it proves the header is C; each check prints what it expected and what it got. */
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

static const char* source =
    "tariff \"POS service centre\" currency RUB\n"
    "rounding line 0.01 half_up\n"
    "calendar {\n  timezone Europe/Moscow\n}\n"
    "pricelist pos {\n"
    "  item engineer_visit \"Engineer visit\" per visit price 1800.00 cost 900.00\n"
    "  item cartridge      \"Cartridge\"      per piece price 3200.00 cost 2100.00\n"
    "}\n"
    "plan pos_service {\n"
    "  pricelist pos\n"
    "  fee 45000.00 per month\n"
    "  includes 3 engineer_visit per month alert 100%\n"
    "}\n";

static const char* contracts =
    "[{\"id\": \"C-1\", \"client\": \"K-1\", \"plan\": \"pos_service\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";

static const char* work =
    "[{\"id\": \"V1\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-03T09:30:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"V2\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-10T14:00:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"V3\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-17T11:00:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"V4\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-24T16:00:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"M1\", \"contract\": \"C-1\", \"item\": \"cartridge\", "
    "\"start\": \"2026-03-24T16:30:00+03:00\", \"quantity\": \"2\"}]";

int main(void) {
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  char* out = NULL;
  char* errors = NULL;

  CHECK(strcmp(tariff_version(), "") != 0);
  CHECK_STATUS(tariff_compile(source, strlen(source), "pos.tariff", &t, &diagnostics), TARIFF_OK);
  CHECK(t != NULL);
  CHECK(diagnostics == NULL);
  CHECK(strlen(tariff_source_hash(t)) == 64);

  /* Each line on its own: four visits at 1800.00, two cartridges at 3200.00. */
  CHECK_STATUS(tariff_price(t, contracts, work, &out, &errors), TARIFF_OK);
  CHECK(errors == NULL);
  CHECK_CONTAINS(out, "\"id\": \"V4\"");
  CHECK_CONTAINS(out, "\"amount\": \"6400.00\"");
  tariff_free(out);

  /* March: the fee, three visits included, the fourth and the cartridges billed. */
  CHECK_STATUS(tariff_bill(t, contracts, "C-1", "2026-03-17", NULL, work, &out, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(out, "\"fees_total\": \"45000.00\"");
  CHECK_CONTAINS(out, "\"revenue\": \"53200.00\"");
  CHECK_CONTAINS(out, "\"allowance\": \"engineer_visit/month\"");
  CHECK_CONTAINS(out, "\"used\": \"3\"");
  tariff_free(out);

  /* An estimate of one more visit against a state with the month's three used: billed. */
  {
    const char* state =
        "{\"allowances\": [{\"allowance\": \"engineer_visit/month\", \"first\": \"2026-03-01\", "
        "\"last\": \"2026-03-31\", \"used\": \"3\"}]}";
    const char* planned =
        "[{\"id\": \"P1\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
        "\"start\": \"2026-03-28T10:00:00+03:00\", \"quantity\": 1}]";
    CHECK_STATUS(tariff_estimate(t, contracts, "C-1", state, planned, &out, &errors), TARIFF_OK);
    CHECK_CONTAINS(out, "\"amount\": \"1800.00\"");
    tariff_free(out);
  }

  /* Bad work: every bad row is named, nothing is priced. */
  CHECK_STATUS(tariff_price(t, contracts, "[{\"id\": \"X\"}]", &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK(out == NULL);
  CHECK_CONTAINS(errors, "work: row 1 (id X)");
  tariff_free(errors);
  CHECK_STATUS(tariff_price(t, contracts, "not json", &out, &errors), TARIFF_INVALID_INPUT);
  tariff_free(errors);

  /* Arguments a host got wrong. */
  CHECK_STATUS(tariff_price(NULL, contracts, work, &out, &errors), TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "tariff is null");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill(t, contracts, "C-9", "2026-03-01", NULL, work, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "contract 'C-9' is not among the contracts");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill(t, contracts, "C-1", "March", NULL, work, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  tariff_free(errors);
  CHECK_STATUS(
      tariff_bill(t, contracts, "C-1", "2026-03-01", "{\"allowances\": 3}", work, &out, &errors),
      TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors, "state: ");
  tariff_free(errors);

  /* A tariff with an error: no handle, and the diagnostic with its place. */
  {
    const char* bad = "tariff \"T\" currency RUB\nrule a : pirce * 2\n";
    tariff_tariff* none = NULL;
    CHECK_STATUS(tariff_compile(bad, strlen(bad), "bad.tariff", &none, &diagnostics),
                 TARIFF_INVALID_TARIFF);
    CHECK(none == NULL);
    CHECK_CONTAINS(diagnostics,
                   "bad.tariff:2:10: error: unknown name 'pirce'; did you mean 'price'?");
    tariff_free(diagnostics);
    CHECK_STATUS(tariff_check_json(bad, strlen(bad), "bad.tariff", &diagnostics), TARIFF_OK);
    CHECK_CONTAINS(diagnostics,
                   "{\"file\": \"bad.tariff\", \"line\": 2, \"column\": 10, "
                   "\"severity\": \"error\", \"message\": \"unknown name 'pirce'; "
                   "did you mean 'price'?\"}");
    tariff_free(diagnostics);
  }

  tariff_release(t);
  tariff_release(NULL);
  tariff_free(NULL);
  if (failures != 0) fprintf(stderr, "%d checks failed\n", failures);
  return failures == 0 ? 0 : 1;
}
