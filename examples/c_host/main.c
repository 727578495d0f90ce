/* A host in C: bills one contract for a period through the C interface and prints the statement
 * as JSON, or the diagnostics and input errors on stderr.
 *
 *   tariff-c-host TARIFF CONTRACTS.json CONTRACT_ID DAY WORK.json [STATE.json]
 *   tariff-c-host examples/03-subscription/tariff.tariff examples/c_host/contracts.json C-1 \
 *       2026-03-01 examples/c_host/work.json
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tariff/tariff.h>

/* The whole file as a NUL-terminated string, or NULL; *size gets its length. */
static char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  long length = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = malloc((size_t)length + 1);
    if (text != NULL && fread(text, 1, (size_t)length, f) == (size_t)length) {
      text[length] = '\0';
      if (size != NULL) *size = (size_t)length;
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(f);
  return text;
}

int main(int argc, char** argv) {
  size_t size = 0;
  char *source, *contracts, *work, *state = NULL;
  char *diagnostics = NULL, *statement = NULL, *errors = NULL;
  tariff_tariff* tariff = NULL;
  tariff_status status;
  int code = 0;

  if (argc < 6) {
    fprintf(stderr, "usage: %s TARIFF CONTRACTS.json CONTRACT_ID DAY WORK.json [STATE.json]\n",
            argv[0]);
    return 2;
  }
  source = read_file(argv[1], &size);
  contracts = read_file(argv[2], NULL);
  work = read_file(argv[5], NULL);
  if (argc > 6) state = read_file(argv[6], NULL);
  if (source == NULL || contracts == NULL || work == NULL || (argc > 6 && state == NULL)) {
    fprintf(stderr, "cannot read the input files\n");
    return 1;
  }

  status = tariff_compile(source, size, argv[1], &tariff, &diagnostics);
  if (diagnostics != NULL) fprintf(stderr, "%s\n", diagnostics);
  if (status == TARIFF_OK) {
    status = tariff_bill(tariff, contracts, argv[3], argv[4], state, work, &statement, &errors);
    if (status == TARIFF_OK)
      fputs(statement, stdout);
    else
      fprintf(stderr, "%s: %s", tariff_status_name(status), errors != NULL ? errors : "\n");
  }
  code = status == TARIFF_OK ? 0 : 1;

  tariff_free(diagnostics);
  tariff_free(statement);
  tariff_free(errors);
  tariff_release(tariff);
  free(source);
  free(contracts);
  free(work);
  free(state);
  return code;
}
