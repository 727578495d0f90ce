/* tariff — the C interface, for hosts in Java, .NET, 1C, Go and others.
 *
 * Everything crosses as UTF-8 text: tariffs as source, contracts, work, payments and billing
 * state as the JSON of docs/formats.md, results as that JSON too. Nothing throws: every function
 * returns a tariff_status, and no C++ exception ever crosses this interface.
 *
 * Ownership:
 *   - A compiled tariff is a handle from tariff_compile; release it with tariff_release. It is
 *     immutable: any number of threads may price with one handle at once.
 *   - Every char* the library returns through an out-parameter is the caller's, to free with
 *     tariff_free (never with free()). Out-parameters are set to NULL when there is nothing.
 *   - Input strings are read during the call only; the library keeps no pointer to them.
 *
 *   tariff_tariff* t = NULL;
 *   char* diagnostics = NULL;
 *   if (tariff_compile(source, strlen(source), "plan.tariff", &t, &diagnostics) != TARIFF_OK) {
 *     fputs(diagnostics, stderr);   // file:line:col: error: message, with a caret
 *   }
 *   tariff_free(diagnostics);
 *   char* priced = NULL;
 *   char* errors = NULL;
 *   tariff_price(t, contracts_json, work_json, &priced, &errors);
 *   ...
 *   tariff_free(priced);
 *   tariff_free(errors);
 *   tariff_release(t);
 */
#ifndef TARIFF_TARIFF_H
#define TARIFF_TARIFF_H

#include <stddef.h>

#include <tariff/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a call came to. */
typedef enum tariff_status {
  TARIFF_OK = 0,               /**< done; results are in the out-parameters */
  TARIFF_INVALID_TARIFF = 1,   /**< the tariff has errors; the diagnostics say which and where */
  TARIFF_INVALID_INPUT = 2,    /**< contracts, work, payments or state did not read (errors
                                    say which rows), or the contract's data cannot be billed as
                                    given (a negative per-unit value, a state entry its plan
                                    lacks, payments to a plan without a prepaid balance, a tax
                                    exemption its attributes cannot decide, a value past the
                                    decimal limits, an unknown time zone): errors say what and
                                    where */
  TARIFF_INVALID_ARGUMENT = 3, /**< a null pointer, an unknown contract, a period not the plan's */
  TARIFF_OUT_OF_MEMORY = 4,    /**< an allocation failed; nothing was returned */
  TARIFF_INTERNAL_ERROR = 5,   /**< a defect in the library; the message says what */
  TARIFF_CANCELLED = 6         /**< the call's tariff_stop held (only the *_with_stop calls):
                                    nothing was returned; errors (diagnostics for compile) say
                                    why and how far it got */
} tariff_status;

/** A compiled tariff (opaque). */
typedef struct tariff_tariff tariff_tariff;

/** The library's version, "0.2.0"; static storage, not to be freed. */
TARIFF_C_API const char* tariff_version(void);

/** The version of the time-zone database this library prices with ("2025b"), as statements
 *  record it in "tzdata"; static storage, not to be freed. */
TARIFF_C_API const char* tariff_tzdata_version(void);

/** The status's name, "TARIFF_INVALID_INPUT"; static storage, not to be freed. */
TARIFF_C_API const char* tariff_status_name(tariff_status status);

/** Frees a string the library returned; NULL is allowed. */
TARIFF_C_API void tariff_free(char* text);

/** Compiles a tariff source of `size` bytes; `file` names it in diagnostics (NULL: "<input>").
 *  On success *tariff is the handle. *diagnostics is every error and warning, formatted with
 *  file:line:col and a caret (NULL when there are none); with TARIFF_INVALID_TARIFF *tariff is
 *  NULL. `diagnostics` may be NULL if the caller does not want them. */
TARIFF_C_API tariff_status tariff_compile(const char* source, size_t size, const char* file,
                                          tariff_tariff** tariff, char** diagnostics);

/** Compiles the `count` versions of one tariff (docs/design.md, decision 12) into one handle, as
 *  tariff_compile does one source: sources[i] is sizes[i] bytes, named files[i] in diagnostics
 *  (files may be NULL, or an entry NULL: "<input>"). Each line is then priced by the version in
 *  force on its date. TARIFF_INVALID_TARIFF, with every version's diagnostics, when one has an
 *  error or the versions disagree (docs/language.md, "Tariff versions"). */
TARIFF_C_API tariff_status tariff_compile_versions(const char* const* sources, const size_t* sizes,
                                                   const char* const* files, size_t count,
                                                   tariff_tariff** tariff, char** diagnostics);

/** The diagnostics of a source as a JSON array of {"file", "line", "column", "severity",
 *  "message"} objects, for hosts that show them in their own editor; always TARIFF_OK unless an
 *  argument is null. */
TARIFF_C_API tariff_status tariff_check_json(const char* source, size_t size, const char* file,
                                             char** diagnostics_json);

/** Releases a handle; NULL is allowed. */
TARIFF_C_API void tariff_release(tariff_tariff* tariff);

/** The tariff's SHA-256 source hash (64 hex digits); the handle's storage, valid until release. */
TARIFF_C_API const char* tariff_source_hash(const tariff_tariff* tariff);

/** Prices work lines (a JSON array) under contracts (a JSON array): *priced is a JSON array of
 *  priced lines, one per work line, in order (docs/formats.md, "Priced lines"). Lines that cannot
 *  be priced are in it, rejected with their reason. With TARIFF_INVALID_INPUT *errors lists the
 *  rows that did not read, one per line, and nothing is priced. */
TARIFF_C_API tariff_status tariff_price(const tariff_tariff* tariff, const char* contracts_json,
                                        const char* work_json, char** priced, char** errors);

/** Bills the contract with id `contract_id` (one of `contracts_json`) for the statement period of
 *  its plan that contains `day` ("2026-03-17"), from the opening state `state_json` (NULL or ""
 *  for none; format 2, or format 1 read as migrated) and the work: *statement is the statement's
 *  JSON (docs/formats.md, "Statements"), and its "closing" key is the state to store. Work the
 *  state's ledger billed before is not billed again (listed in "already_billed"); a changed line
 *  is reversed and billed again. tariff_bill_with_options takes the options. */
TARIFF_C_API tariff_status tariff_bill(const tariff_tariff* tariff, const char* contracts_json,
                                       const char* contract_id, const char* day,
                                       const char* state_json, const char* work_json,
                                       char** statement, char** errors);

/** As tariff_bill, for a plan with `prepaid`: `payments_json` is a JSON array of payments
 *  ({"id", "contract", "date", "amount"}, and "kind" and "reverses" for a refund or chargeback;
 *  NULL or "" for none); those the state's ledger credited before are skipped (listed in
 *  "already_credited"). They top the contract's balance up on their dates, refunds take it down
 *  (other contracts' are ignored; those dated after the period wait for their own statement).
 *  The statement's "prepaid" key
 *  lists the payments it credited, the balance drawn and what is owed; "closing" carries the
 *  balance. With TARIFF_INVALID_INPUT *errors names the payments that did not read too
 *  ("payments: row 1 (id P-1), column 'amount': ..."), or the payment given for a contract whose
 *  plan has no prepaid balance. tariff_bill is this call without payments. */
TARIFF_C_API tariff_status tariff_bill_with_payments(const tariff_tariff* tariff,
                                                     const char* contracts_json,
                                                     const char* contract_id, const char* day,
                                                     const char* state_json, const char* work_json,
                                                     const char* payments_json, char** statement,
                                                     char** errors);

/** As tariff_bill_with_payments, with `options_json` (NULL or "" for the defaults): a JSON object
 *  of billing options, each key optional (null: the default):
 *    "on_repeat"            "skip" (the default): work and payments the state's ledger has
 *                           billed as they are now are left out and listed in the statement's
 *                           "already_billed" and "already_credited"; "error": such a repeat
 *                           refuses the statement (TARIFF_INVALID_INPUT naming it)
 *    "late_work_periods"    the late-work horizon in statement periods, 1 to 1200 (default: the
 *                           plan's `late work N periods`, else 12): older work, fees and
 *                           payments are refused (period_closed) and the ledger forgets them
 *    "expiry_warning_days"  alert when the contract ends within this many days, 0 to 36600
 *                           (default 30)
 *    "trace"                true (the default) or false: each price's trace in the lines
 *  e.g. {"on_repeat": "error", "late_work_periods": 3}. An unknown key or a value of the wrong
 *  type is TARIFF_INVALID_INPUT, *errors naming it ("options: 'on_repeat': expected \"skip\" or
 *  \"error\", not 'retry'"). The state read may be of format 2 or format 1 (migrated: its ledger
 *  is empty, so what it billed cannot be recognised; docs/formats.md, "Billing state"). Billing
 *  the same work, payments and period again from the closing state charges nothing twice: the
 *  statement is then supplementary, and its "id" and "opening_revision" let a host drop a retried
 *  call (docs/c_interface.md, "Billing twice"). */
TARIFF_C_API tariff_status tariff_bill_with_options(
    const tariff_tariff* tariff, const char* contracts_json, const char* contract_id,
    const char* day, const char* state_json, const char* work_json, const char* payments_json,
    const char* options_json, char** statement, char** errors);

/** Checks a past statement (docs/c_interface.md, "Checking a past statement"): `statement_json`
 *  is a statement, or an array of them, written with its inputs (`tariff bill -f json`); each is
 *  billed again from them under the `.tariff` file in `tariff_dir` (subfolders too) whose SHA-256
 *  is its "tariff_hash", and every figure compared. TARIFF_OK: *result is a JSON object
 *  {"identical": true|false, "statements": N, "differing": N, "missing_hashes": [...],
 *  "differences": [{"contract", "period", "element", "where", "recorded", "repriced",
 *  "recorded_line", "repriced_line"}], "notes": [...]}; "identical" is false when a figure
 *  differs or when a hash is missing from the archive (then "missing_hashes" names it and those
 *  statements were not billed again). TARIFF_INVALID_INPUT: the statement is not JSON, has no
 *  inputs, its inputs do not read, or the archived tariff does not compile (*errors says which).
 *  TARIFF_INVALID_ARGUMENT: a null pointer, or a folder that cannot be read. */
TARIFF_C_API tariff_status tariff_verify(const char* statement_json, const char* tariff_dir,
                                         char** result, char** errors);

/** Prices planned work against the state without changing it (an estimate): *priced as for
 *  tariff_price, with the plan's allowances applied. */
TARIFF_C_API tariff_status tariff_estimate(const tariff_tariff* tariff, const char* contracts_json,
                                           const char* contract_id, const char* state_json,
                                           const char* work_json, char** priced, char** errors);

/** Contractor payouts (docs/design.md, scenario 5) for `period`: a month "2026-03", or first and
 *  last day "2026-03-01..2026-03-15". Rates come from the price list `rates` of the tariff (NULL
 *  or "": each item's cost price). *payouts_json is an object (docs/c_interface.md, "Payouts and
 *  staff pay"):
 *    {"payouts": [{"performer", "currency", "period": {"first", "last"}, "payable", "pending",
 *                  "lines": [{"id", "request", "contract", "item", "date", "accepted_on",
 *                             "quantity", "rate", "amount", "status"}]}],
 *     "rejected": [priced lines, as tariff_price writes them]}
 *  one payout per performer, by performer; a line is "payable" when the client accepted it in the
 *  period ("accepted_on"), "pending" when it is done by the period's end and not accepted
 *  (accepted_on null). "rejected" holds the lines nobody is paid for: work the tariff rejects,
 *  items without a rate, work accepted before it was done (reason "accepted_before_work").
 *  TARIFF_INVALID_ARGUMENT for a period that does not read or a price list the tariff lacks;
 *  TARIFF_INVALID_INPUT, *errors listing the rows, for contracts or work that do not read. */
TARIFF_C_API tariff_status tariff_payouts(const tariff_tariff* tariff, const char* contracts_json,
                                          const char* work_json, const char* period,
                                          const char* rates, char** payouts_json, char** errors);

/** Staff pay by the tariff's `pay` rules (docs/language.md, "Staff pay") for `period`, as for
 *  tariff_payouts, under the pay block `pay` (NULL or "": the tariff's only one). *staff_pay_json:
 *    {"staff_pay": [{"employee", "currency", "period": {"first", "last"}, "total",
 *                    "lines": [{"id", "request", "contract", "item", "kind", "date", "quantity",
 *                               "amount", "rule", "pay", "line", "column"}]}],
 *     "rejected": [priced lines]}
 *  one entry per employee (the work's performer), by name; "rule" is the pay rule that applied
 *  ("" when none did, and "pay" is 0), "line" and "column" where it is written. "rejected" holds
 *  the work the tariff rejects and lines a rule could not evaluate. TARIFF_INVALID_ARGUMENT for a
 *  period that does not read or a pay block the tariff lacks (or, with `pay` NULL, a tariff
 *  without exactly one). */
TARIFF_C_API tariff_status tariff_staff_pay(const tariff_tariff* tariff, const char* contracts_json,
                                            const char* work_json, const char* period,
                                            const char* pay, char** staff_pay_json, char** errors);

/** When a long call gives up (the *_with_stop calls): a timeout, a flag, a callback, any of
 *  them; the call then returns TARIFF_CANCELLED having returned nothing (no handle, no result;
 *  the host's state is its own and untouched). They are looked at every 64 lines priced and
 *  before each declaration compiled: docs/c_interface.md, "Deadlines and cancellation".
 *  Versioned by `size`: zero the struct, set size = sizeof(tariff_stop), then the fields wanted;
 *  fields added later go at the end, and the library reads only those within `size`.
 *
 *    tariff_stop stop = {sizeof stop};
 *    stop.timeout_ms = 2000;
 *    stop.flag = &request->cancelled;    // set from another thread with an atomic store
 *    if (tariff_price_with_stop(t, contracts, work, &stop, &priced, &errors) == TARIFF_CANCELLED)
 *      ...;                              // errors: "cancelled: the host asked to stop after ..."
 */
typedef struct tariff_stop {
  size_t size;                    /**< sizeof(tariff_stop): the version of the struct */
  unsigned long long timeout_ms;  /**< give up this many ms after the call starts; 0: never */
  const volatile int* flag;       /**< NULL, or give up once it is not 0. The library reads it
                                       with a relaxed atomic load; store to it atomically
                                       (C11 atomic_store on an _Atomic int of the same address,
                                       __atomic_store_n, Java VarHandle/.NET Volatile.Write) */
  int (*should_stop)(void* user); /**< NULL, or give up once it returns non-zero; called from
                                       the calling thread as often as the flag is read, so cheap */
  void* user;                     /**< passed to should_stop */
} tariff_stop;

/** As tariff_compile, giving up when `stop` (NULL: never) holds: TARIFF_CANCELLED, *tariff NULL,
 *  *diagnostics the reason ("cancelled: the deadline passed after 1048576 of 16777216 bytes
 *  parsed"). */
TARIFF_C_API tariff_status tariff_compile_with_stop(const char* source, size_t size,
                                                    const char* file, const tariff_stop* stop,
                                                    tariff_tariff** tariff, char** diagnostics);

/** As tariff_price, giving up when `stop` (NULL: never) holds: TARIFF_CANCELLED, *priced NULL,
 *  *errors the reason ("cancelled: the host asked to stop after 120000 of 1000000 lines"). */
TARIFF_C_API tariff_status tariff_price_with_stop(const tariff_tariff* tariff,
                                                  const char* contracts_json, const char* work_json,
                                                  const tariff_stop* stop, char** priced,
                                                  char** errors);

/** As tariff_bill_with_options, giving up when `stop` (NULL: never) holds: TARIFF_CANCELLED,
 *  *statement NULL (no closing state: the host keeps its opening one), *errors the reason. */
TARIFF_C_API tariff_status tariff_bill_with_stop(
    const tariff_tariff* tariff, const char* contracts_json, const char* contract_id,
    const char* day, const char* state_json, const char* work_json, const char* payments_json,
    const char* options_json, const tariff_stop* stop, char** statement, char** errors);

/** As tariff_estimate, giving up when `stop` (NULL: never) holds: TARIFF_CANCELLED, *priced
 *  NULL, *errors the reason. */
TARIFF_C_API tariff_status tariff_estimate_with_stop(const tariff_tariff* tariff,
                                                     const char* contracts_json,
                                                     const char* contract_id,
                                                     const char* state_json, const char* work_json,
                                                     const tariff_stop* stop, char** priced,
                                                     char** errors);

#ifdef __cplusplus
}
#endif

#endif /* TARIFF_TARIFF_H */
