/* The C interface from C: compile, price, bill (with payments), estimate, and every error path.
 * Plain C11, so it proves the header is C; each check prints what it expected and what it got. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tariff/tariff.h>

#include "checks.h"

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

/* Money flows: VAT added line by line, a prepaid balance with an alert at 5000.00. */
static const char* prepaid_source =
    "tariff \"Prepaid support\" currency RUB\n"
    "rounding line 0.01 half_up\n"
    "calendar {\n  timezone Europe/Moscow\n}\n"
    "attribute client.vat_exempt : bool default false\n"
    "pricelist retail {\n"
    "  item visit \"Visit\" per visit price 1000.00 cost 400.00\n"
    "}\n"
    "tax vat excluded per line round 0.01 half_up {\n"
    "  rate standard 20%\n"
    "  exempt when client.vat_exempt\n"
    "}\n"
    "plan prepaid {\n"
    "  pricelist retail\n"
    "  fee support 10000.00 per month\n"
    "  prepaid alert 5000.00\n"
    "}\n";

/* C-Q paid the support fee of March in advance. */
static const char* prepaid_contracts =
    "[{\"id\": \"C-P\", \"client\": \"K-1\", \"plan\": \"prepaid\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"},"
    " {\"id\": \"C-Q\", \"client\": \"K-2\", \"plan\": \"prepaid\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", "
    "\"prepaid\": \"support 2026-03-01..2026-03-31\"}]";

static const char* prepaid_work =
    "[{\"id\": \"V1\", \"contract\": \"C-P\", \"item\": \"visit\", "
    "\"start\": \"2026-03-02T10:00:00+03:00\", \"quantity\": 1},"
    " {\"id\": \"V2\", \"contract\": \"C-P\", \"item\": \"visit\", "
    "\"start\": \"2026-03-10T10:00:00+03:00\", \"quantity\": 1}]";

static const char* payments =
    "[{\"id\": \"P-1\", \"contract\": \"C-P\", \"date\": \"2026-03-05\", "
    "\"amount\": \"5000.00\"},"
    " {\"id\": \"P-2\", \"contract\": \"C-P\", \"date\": \"2026-04-02\", "
    "\"amount\": \"1000.00\"}]";

/* The closing state of a statement's JSON (its last key), as a new string to tariff_free with
   free(); NULL if there is none. */
static char* closing_of(const char* statement) {
  const char* key = statement != NULL ? strstr(statement, "\n  \"closing\": ") : NULL;
  if (key == NULL) return NULL;
  const char* begin = key + strlen("\n  \"closing\": ");
  const char* end = strrchr(statement, '}'); /* the statement's own closing brace */
  if (end == NULL || end <= begin) return NULL;
  size_t size = (size_t)(end - begin);
  char* out = (char*)malloc(size + 1);
  if (out == NULL) return NULL;
  memcpy(out, begin, size);
  out[size] = '\0';
  return out;
}

static void money_flows(void) {
  tariff_tariff* t = NULL;
  char* out = NULL;
  char* errors = NULL;
  const char* opening = "{\"allowances\": [], \"balance\": \"15000.00\"}";
  CHECK_STATUS(tariff_compile(prepaid_source, strlen(prepaid_source), "prepaid.tariff", &t, NULL),
               TARIFF_OK);

  /* March from 15000.00: the fee and its VAT (12000.00) leave 3000.00, below the alert at
   * 5000.00; V1 (1200.00 with VAT) 1800.00; P-1 on 5 March 6800.00; V2 5600.00. P-2 is April's. */
  CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-03-17", opening,
                                         prepaid_work, payments, &out, &errors),
               TARIFF_OK);
  CHECK(errors == NULL);
  CHECK_CONTAINS(out, "\"tax\": \"200.00\"");
  CHECK_CONTAINS(out, "\"tax_exempt\": false");
  CHECK_CONTAINS(out, "\"tax\": \"2400.00\"");
  CHECK_CONTAINS(out, "\"total\": \"14400.00\"");
  CHECK_CONTAINS(out, "\"revenue\": \"12000.00\"");
  CHECK_CONTAINS(out, "\"rate\": \"standard\"");
  CHECK_CONTAINS(out, "\"opening\": \"15000.00\"");
  CHECK_CONTAINS(out, "\"id\": \"P-1\"");
  CHECK(strstr(out, "\"P-2\"") == NULL);
  CHECK_CONTAINS(out, "\"received\": \"5000.00\"");
  CHECK_CONTAINS(out, "\"drawn\": \"14400.00\"");
  CHECK_CONTAINS(out, "\"owed\": \"0.00\"");
  CHECK_CONTAINS(out, "\"kind\": \"balance_low\"");
  CHECK_CONTAINS(out, "\"threshold\": \"5000.00\"");
  CHECK_CONTAINS(out, "\"balance\": \"5600.00\"");

  /* The same payment passed again with the closing state: credited once. */
  {
    char* state = closing_of(out);
    char* again = NULL;
    CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-03-17", state,
                                           prepaid_work, payments, &again, &errors),
                 TARIFF_OK);
    CHECK_CONTAINS(again, "\"already_credited\": [\"P-1\"],");
    CHECK_CONTAINS(again, "\"payments\": [],\n    \"received\": \"0.00\"");
    CHECK_CONTAINS(again, "\"balance\": \"5600.00\"");
    tariff_free(again);
    /* A refund of part of P-1 in April: its own record, taking the balance down. */
    CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-04-10", state, "[]",
                                           "[{\"id\": \"R-1\", \"contract\": \"C-P\", "
                                           "\"date\": \"2026-04-03\", \"amount\": \"1000.00\", "
                                           "\"kind\": \"refund\", \"reverses\": \"P-1\"}]",
                                           &again, &errors),
                 TARIFF_OK);
    CHECK_CONTAINS(again,
                   "\"payments\": [\n      {\n        \"id\": \"R-1\",\n"
                   "        \"date\": \"2026-04-03\",\n        \"amount\": \"1000.00\",\n"
                   "        \"kind\": \"refund\",\n        \"reverses\": \"P-1\"\n      }\n    ],\n"
                   "    \"received\": \"0.00\",\n    \"refunded\": \"1000.00\",");
    /* The fee took the balance to 0 before the refund: the client owes the refund back. */
    CHECK_CONTAINS(again,
                   "\"kind\": \"balance_negative\",\n      \"message\": \"prepaid balance is "
                   "-1000.00 after refund 'R-1' of 1000.00: the client owes it back\",\n"
                   "      \"line\": \"R-1\"\n");
    CHECK_CONTAINS(again, "\"amount\": \"5000.00\",\n        \"refunded\": \"1000.00\"");
    tariff_free(again);
    free(state);
  }
  tariff_free(out);

  /* Without payments (NULL, as tariff_bill): V2 takes the balance to 600.00. */
  CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-03-17", opening,
                                         prepaid_work, NULL, &out, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(out, "\"received\": \"0.00\"");
  CHECK_CONTAINS(out, "\"balance\": \"600.00\"");
  tariff_free(out);
  CHECK_STATUS(
      tariff_bill(t, prepaid_contracts, "C-P", "2026-03-17", opening, prepaid_work, &out, &errors),
      TARIFF_OK);
  CHECK_CONTAINS(out, "\"balance\": \"600.00\"");
  tariff_free(out);

  /* C-Q prepaid March's fee: not charged again, and what it covers is shown. */
  CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-Q", "2026-03-01", NULL, "[]", "",
                                         &out, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(out, "\"prepaid_units\": \"1\"");
  CHECK_CONTAINS(out, "\"covered\": \"10000.00\"");
  CHECK_CONTAINS(out, "\"fees_total\": \"0.00\"");
  tariff_free(out);

  /* A payment that does not read: named with its row, nothing billed. */
  CHECK_STATUS(tariff_bill_with_payments(
                   t, prepaid_contracts, "C-P", "2026-03-01", opening, prepaid_work,
                   "[{\"id\": \"P-9\", \"contract\": \"C-P\", \"date\": \"2026-03-05\", "
                   "\"amount\": \"-1.00\"}]",
                   &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK(out == NULL);
  CHECK_CONTAINS(errors, "payments: row 1 (id P-9), column 'amount'");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-03-01", opening,
                                         prepaid_work, "{}", &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors, "payments: ");
  tariff_free(errors);
  /* A payment of 255 digits reads, but the balance it makes passes the decimal limits: the data
     is refused with the contract's name, not reported as a defect of the library. */
  {
    char huge[512];
    char nines[256];
    memset(nines, '9', 255);
    nines[255] = '\0';
    snprintf(huge, sizeof huge,
             "[{\"id\": \"P-8\", \"contract\": \"C-P\", \"date\": \"2026-03-05\", "
             "\"amount\": \"%s\"}]",
             nines);
    CHECK_STATUS(tariff_bill_with_payments(t, prepaid_contracts, "C-P", "2026-03-01", opening,
                                           prepaid_work, huge, &out, &errors),
                 TARIFF_INVALID_INPUT);
    CHECK(out == NULL);
    CHECK_CONTAINS(errors,
                   "contract 'C-P': its statement for 2026-03-01..2026-03-31 cannot be "
                   "computed: ");
    tariff_free(errors);
  }
  CHECK_STATUS(tariff_bill_with_payments(NULL, prepaid_contracts, "C-P", "2026-03-01", opening,
                                         prepaid_work, payments, &out, &errors),
               TARIFF_INVALID_ARGUMENT);
  CHECK_CONTAINS(errors, "tariff is null");
  tariff_free(errors);
  tariff_release(t);
}

/* Billing twice never charges twice (docs/design.md, decision 11): the same work billed again from
   the closing state is a supplementary statement that skips it, and leaves the state as it was. */
static void billing_twice(tariff_tariff* t) {
  char* first = NULL;
  char* second = NULL;
  char* errors = NULL;
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL, NULL,
                                        &first, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(first, "\"opening_revision\": 0,\n  \"supplementary\": false,");
  CHECK_CONTAINS(first, "\"already_billed\": [],");
  char* march = closing_of(first);
  CHECK_CONTAINS(march, "\"contract\": \"C-1\",\n    \"revision\": 1,");
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", march, work, NULL, NULL,
                                        &second, &errors),
               TARIFF_OK);
  CHECK(errors == NULL);
  CHECK_CONTAINS(second, "\"opening_revision\": 1,\n  \"supplementary\": true,");
  CHECK_CONTAINS(second, "\"already_billed\": [\"V1\", \"V2\", \"V3\", \"V4\", \"M1\"],");
  CHECK_CONTAINS(second, "\"fees\": [],\n  \"lines\": [],");
  CHECK_CONTAINS(second, "\"revenue\": \"0.00\"");
  char* again = closing_of(second);
  CHECK(march != NULL && again != NULL && strcmp(march, again) == 0); /* revision included */
  free(again);
  tariff_free(second);
  /* With on_repeat "error", the repeat is the host's to explain. */
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", march, work, NULL,
                                        "{\"on_repeat\": \"error\"}", &second, &errors),
               TARIFF_INVALID_INPUT);
  CHECK(second == NULL);
  CHECK_EQUALS(errors,
               "contract 'C-1': line 'V1' was billed before as it is now (on_repeat: error)");
  tariff_free(errors);
  /* tariff_bill, which keeps its meaning, skips the repeats too. */
  CHECK_STATUS(tariff_bill(t, contracts, "C-1", "2026-03-17", march, work, &second, &errors),
               TARIFF_OK);
  CHECK_CONTAINS(second, "\"supplementary\": true");
  tariff_free(second);
  free(march);
  tariff_free(first);
}

/* tariff_bill_with_options: the options JSON, every way it can be wrong, and the state formats. */
static void options(tariff_tariff* t) {
  char* out = NULL;
  char* errors = NULL;
  /* NULL and "" are the defaults; so is an object of nulls. */
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL, NULL,
                                        &out, &errors),
               TARIFF_OK);
  CHECK(errors == NULL);
  CHECK_CONTAINS(out, "\"revenue\": \"53200.00\"");
  CHECK_CONTAINS(out, "\"trace\": [");
  tariff_free(out);
  CHECK_STATUS(
      tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", "", work, "", "", &out, &errors),
      TARIFF_OK);
  tariff_free(out);
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "{\"on_repeat\": null, \"trace\": null}", &out, &errors),
               TARIFF_OK);
  tariff_free(out);
  /* Every option given: no traces, the contract's end far enough away to warn of. */
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "{\"on_repeat\": \"error\", \"late_work_periods\": 3, "
                                        "\"expiry_warning_days\": 400, \"trace\": false}",
                                        &out, &errors),
               TARIFF_OK);
  CHECK(errors == NULL);
  CHECK_CONTAINS(out, "\"revenue\": \"53200.00\"");
  CHECK(out != NULL && strstr(out, "\"trace\": [\n") == NULL);
  CHECK_CONTAINS(out, "\"kind\": \"contract_expiring\"");
  tariff_free(out);
  /* Every key wrong at once: one line each, in key order, and nothing billed. */
  CHECK_STATUS(tariff_bill_with_options(
                   t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                   "{\"on_repeat\": \"retry\", \"late_work_periods\": 0, "
                   "\"expiry_warning_days\": 1.5, \"trace\": \"yes\", \"horizon\": 3, "
                   "\"on_repeat\": \"skip\", \"late_work_periods\": 99999999999999999999}",
                   &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK(out == NULL);
  CHECK_EQUALS(errors,
               "options: 'on_repeat': expected \"skip\" or \"error\", not 'retry'\n"
               "options: 'late_work_periods': expected a whole number of statement periods from 1 "
               "to 1200, not '0'\n"
               "options: 'expiry_warning_days': expected a whole number of days from 0 to 36600, "
               "not '1.5'\n"
               "options: 'trace': expected true or false, not 'yes'\n"
               "options: 'horizon': unknown key (on_repeat, late_work_periods, "
               "expiry_warning_days, trace, inputs)\n"
               "options: 'on_repeat': the key appears more than once\n"
               "options: 'late_work_periods': the key appears more than once\n");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "{\"late_work_periods\": \"3\", \"on_repeat\": 1, "
                                        "\"trace\": [], \"expiry_warning_days\": -1}",
                                        &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_EQUALS(errors,
               "options: 'late_work_periods': expected a whole number of statement periods from 1 "
               "to 1200, not '3'\n"
               "options: 'on_repeat': expected \"skip\" or \"error\", not '1'\n"
               "options: 'trace': expected true or false, not an array\n"
               "options: 'expiry_warning_days': expected a whole number of days from 0 to 36600, "
               "not '-1'\n");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "[\"skip\"]", &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_EQUALS(errors,
               "options: expected an object {\"on_repeat\": ..., \"late_work_periods\": ...}, "
               "not an array\n");
  tariff_free(errors);
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL, work, NULL,
                                        "{\"trace\": tru}", &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors, "options: malformed JSON at byte ");
  tariff_free(errors);
  /* Bad options and a bad work row: both named. */
  CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", NULL,
                                        "[{\"id\": \"X\"}]", NULL, "{\"x\": 1}", &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors, "work: row 1 (id X)");
  CHECK_CONTAINS(errors, "options: 'x': unknown key");
  tariff_free(errors);
  CHECK_STATUS(
      tariff_bill_with_options(t, NULL, "C-1", "2026-03-17", NULL, work, NULL, NULL, &out, &errors),
      TARIFF_INVALID_ARGUMENT);
  CHECK_EQUALS(errors, "contracts_json is null");
  tariff_free(errors);
  /* A state of format 1 (no "format" key) reads, migrated; a format it does not know does not. */
  {
    const char* v1 =
        "{\"allowances\": [{\"allowance\": \"engineer_visit/month\", \"first\": "
        "\"2026-03-01\", \"last\": \"2026-03-31\", \"used\": \"3\"}]}";
    const char* one_more =
        "[{\"id\": \"P1\", \"contract\": \"C-1\", \"item\": \"engineer_visit\", "
        "\"start\": \"2026-03-28T10:00:00+03:00\", \"quantity\": 1}]";
    CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", v1, one_more, NULL,
                                          NULL, &out, &errors),
                 TARIFF_OK);
    CHECK_CONTAINS(out, "\"work_total\": \"1800.00\"");
    CHECK_CONTAINS(out, "\"closing\": {\n    \"format\": 2,\n");
    tariff_free(out);
    CHECK_STATUS(tariff_bill_with_options(t, contracts, "C-1", "2026-03-17", "{\"format\": 3}",
                                          one_more, NULL, NULL, &out, &errors),
                 TARIFF_INVALID_INPUT);
    CHECK_EQUALS(errors,
                 "state: row 0, column 'format': format 3 is not one this version reads (1 or "
                 "2)\n");
    tariff_free(errors);
  }
}

/* Two versions of one tariff: a visit dearer from 1 April; each line by its date's version. */
static void versions_price_by_date(void) {
  static const char january[] =
      "tariff \"V\" currency EUR\n"
      "pricelist p {\n  item visit \"Visit\" per visit price 100.00\n}\n"
      "plan basic {\n  pricelist p\n}\n";
  static const char april[] =
      "tariff \"V\" currency EUR effective 2026-04-01\n"
      "pricelist p {\n  item visit \"Visit\" per visit price 120.00\n}\n"
      "plan basic {\n  pricelist p\n}\n";
  static const char deals[] =
      "[{\"id\": \"C-1\", \"client\": \"K-1\", \"plan\": \"basic\", "
      "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";
  static const char lines[] =
      "[{\"id\": \"M\", \"contract\": \"C-1\", \"item\": \"visit\", "
      "\"start\": \"2026-03-31T10:00:00Z\", \"quantity\": 1},"
      " {\"id\": \"A\", \"contract\": \"C-1\", \"item\": \"visit\", "
      "\"start\": \"2026-04-01T10:00:00Z\", \"quantity\": 1}]";
  const char* sources[] = {april, january};
  const size_t sizes[] = {strlen(april), strlen(january)};
  const char* files[] = {"april.tariff", "january.tariff"};
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  char* out = NULL;
  char* errors = NULL;
  CHECK_STATUS(tariff_compile_versions(sources, sizes, files, 2, &t, &diagnostics), TARIFF_OK);
  CHECK(diagnostics == NULL);
  CHECK_STATUS(tariff_price(t, deals, lines, &out, &errors), TARIFF_OK);
  CHECK_CONTAINS(out, "\"amount\": \"100.00\"");
  CHECK_CONTAINS(out, "\"amount\": \"120.00\"");
  tariff_free(out);
  tariff_free(errors);
  tariff_release(t);

  /* The same day twice: refused, naming the version. */
  const char* twice[] = {january, january};
  const size_t twice_sizes[] = {strlen(january), strlen(january)};
  t = NULL;
  CHECK_STATUS(tariff_compile_versions(twice, twice_sizes, NULL, 2, &t, &diagnostics),
               TARIFF_INVALID_TARIFF);
  CHECK(t == NULL);
  CHECK_CONTAINS(diagnostics, "in force from the same day");
  tariff_free(diagnostics);
}

int main(void) {
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  char* out = NULL;
  char* errors = NULL;

  versions_price_by_date();

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
  /* A state entry the plan cannot match, in the month billed: the host's data, refused. */
  CHECK_STATUS(tariff_bill(t, contracts, "C-1", "2026-03-01",
                           "{\"allowances\": [{\"allowance\": \"engineer_vist/month\", "
                           "\"first\": \"2026-03-01\", \"last\": \"2026-03-31\", "
                           "\"used\": \"3\"}]}",
                           work, &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors,
                 "allowance 'engineer_vist/month' for 2026-03-01..2026-03-31 matches "
                 "nothing in plan");
  tariff_free(errors);
  /* Payments for a plan without a prepaid balance would be dropped: refused instead. */
  CHECK_STATUS(tariff_bill_with_payments(t, contracts, "C-1", "2026-03-01", NULL, work,
                                         "[{\"id\": \"P-9\", \"contract\": \"C-1\", "
                                         "\"date\": \"2026-03-05\", \"amount\": \"500.00\"}]",
                                         &out, &errors),
               TARIFF_INVALID_INPUT);
  CHECK_CONTAINS(errors,
                 "contract 'C-1': payment 'P-9' of 2026-03-05 (500.00) tops up a prepaid "
                 "balance, but plan 'pos_service' has none ('prepaid'): it cannot be "
                 "credited");
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

  options(t);
  billing_twice(t);
  tariff_release(t);
  money_flows();
  tariff_release(NULL);
  tariff_free(NULL);
  if (failures != 0) fprintf(stderr, "%d checks failed\n", failures);
  return failures == 0 ? 0 : 1;
}
