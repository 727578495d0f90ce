/* tariff_verify from C: a statement billed with its inputs, verified identical, a tampered figure,
 * an archive without the tariff, and the error paths. POSIX for the archive's temporary folder. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <tariff/tariff.h>

#include "checks.h"

static const char* source =
    "tariff \"POS service centre\" currency RUB\n"
    "calendar {\n  timezone Europe/Moscow\n}\n"
    "pricelist pos {\n"
    "  item engineer_visit \"Engineer visit\" per visit price 1800.00 cost 900.00\n"
    "}\n"
    "plan pos_service {\n"
    "  pricelist pos\n"
    "  fee 45000.00 per month\n"
    "  includes 1 engineer_visit per month\n"
    "}\n";

static const char* contracts =
    "[{\"id\": \"C-1\", \"client\": \"K-1\", \"plan\": \"pos_service\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";

static const char* work =
    "[{\"id\": \"V1\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-03T09:30:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"V2\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
    "\"start\": \"2026-03-10T14:00:00+03:00\", \"quantity\": 1}]";

/* `text` with its first `from` replaced by `to`, as a new string to free(). */
static char* replaced(const char* text, const char* from, const char* to) {
  const char* at = strstr(text, from);
  char* out = malloc(strlen(text) + strlen(to) + 1);
  if (out == NULL || at == NULL) {
    free(out);
    return NULL;
  }
  memcpy(out, text, (size_t)(at - text));
  strcpy(out + (at - text), to);
  strcat(out, at + strlen(from));
  return out;
}

int main(void) {
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  char* statement = NULL;
  char* result = NULL;
  char* errors = NULL;
  char folder[] = "/tmp/tariff-capi-verify-XXXXXX";
  char file[64];
  FILE* f;

  CHECK(strlen(tariff_tzdata_version()) > 0);
  CHECK_STATUS(tariff_compile(source, strlen(source), "pos.tariff", &t, &diagnostics), TARIFF_OK);
  /* March with its inputs: the fee, V1 included, V2 billed at 1800.00. */
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "{\"inputs\": true}", &statement, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(statement, "\"revenue\": \"46800.00\"");
  CHECK_CONTAINS(statement, "\"inputs\": {");
  CHECK_CONTAINS(statement, "\"tzdata\": \"");

  CHECK(mkdtemp(folder) != NULL);
  snprintf(file, sizeof file, "%s/pos.tariff", folder);

  /* An empty archive: not verified, the hash named. */
  CHECK_STATUS(tariff_verify(statement, folder, &result, &errors), TARIFF_OK);
  CHECK_CONTAINS(result, "\"identical\": false");
  CHECK_CONTAINS(result, tariff_source_hash(t));
  tariff_free(result);

  f = fopen(file, "w");
  CHECK(f != NULL);
  if (f != NULL) {
    fputs(source, f);
    fclose(f);
  }
  CHECK_STATUS(tariff_verify(statement, folder, &result, &errors), TARIFF_OK);
  CHECK_CONTAINS(result, "\"identical\": true");
  CHECK_CONTAINS(result, "\"differences\": []");
  CHECK(errors == NULL);
  tariff_free(result);

  /* The revenue changed by hand: one difference, both values. */
  {
    char* tampered = replaced(statement, "\"revenue\": \"46800.00\"", "\"revenue\": \"46000.00\"");
    CHECK(tampered != NULL);
    CHECK_STATUS(tariff_verify(tampered, folder, &result, &errors), TARIFF_OK);
    CHECK_CONTAINS(result, "\"identical\": false");
    CHECK_CONTAINS(result,
                   "\"where\": \"revenue\", \"recorded\": \"\\\"46000.00\\\"\", "
                   "\"repriced\": \"\\\"46800.00\\\"\"");
    tariff_free(result);
    free(tampered);
  }

  /* A statement written without inputs cannot be verified; a null folder is a wrong call. */
  {
    char* plain = NULL;
    CHECK_STATUS(tariff_bill(t, contracts, "C-1", "2026-03-17", NULL, work, &plain, &errors),
                 TARIFF_OK);
    CHECK_STATUS(tariff_verify(plain, folder, &result, &errors), TARIFF_INVALID_INPUT);
    CHECK(result == NULL);
    CHECK_CONTAINS(errors, "statement 1 (contract C-1) records no inputs");
    tariff_free(errors);
    tariff_free(plain);
  }
  CHECK_STATUS(tariff_verify(statement, NULL, &result, &errors), TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "tariff_dir is null");
  tariff_free(errors);

  remove(file);
  rmdir(folder);
  tariff_free(statement);
  tariff_release(t);
  return failures != 0;
}
