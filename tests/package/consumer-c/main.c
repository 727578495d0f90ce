/* A C host built against tariff the ways README.md describes: with pkg-config (the static
 * libtariff or the shared libtariff_c) or through CMake in a C-only project. Compiles the tariff
 * named on its command line (examples/01-catalogue), prices two lines and prints what came back;
 * run_consumer.cmake compares that with expected.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tariff/tariff.h>

/* The file's text as a new string to free(), or NULL. */
static char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  char* text = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    const long length = ftell(f);
    if (length >= 0 && fseek(f, 0, SEEK_SET) == 0) {
      text = malloc((size_t)length + 1);
      if (text != NULL && fread(text, 1, (size_t)length, f) == (size_t)length) {
        text[length] = '\0';
        *size = (size_t)length;
      } else {
        free(text);
        text = NULL;
      }
    }
  }
  fclose(f);
  return text;
}

/* Prints the string value of `key` in the priced line with id `id` ("5000.00"), or "?". */
static void print_member(const char* priced, const char* id, const char* key) {
  char needle[64];
  snprintf(needle, sizeof needle, "\"id\": \"%s\"", id);
  const char* line = strstr(priced, needle);
  snprintf(needle, sizeof needle, "\"%s\": \"", key);
  const char* value = line != NULL ? strstr(line, needle) : NULL;
  if (value == NULL) {
    fputs("?", stdout);
    return;
  }
  value += strlen(needle);
  fwrite(value, 1, strcspn(value, "\""), stdout);
}

static const char* contracts =
    "[{\"id\": \"C-A\", \"client\": \"K-1\", \"plan\": \"tower_a\", "
    "\"start\": \"2026-01-01\", \"end\": \"2026-12-31\"}]";

/* 1h40min of HVAC repair, billed by started hour at 2500.00; a cartridge, which tower_a's
   catalogue does not list. */
static const char* work =
    "[{\"id\": \"A1\", \"contract\": \"C-A\", \"item\": \"hvac_repair\", "
    "\"start\": \"2026-04-06T09:00:00+03:00\", \"end\": \"2026-04-06T10:40:00+03:00\"},"
    " {\"id\": \"A9\", \"contract\": \"C-A\", \"item\": \"cartridge\", "
    "\"start\": \"2026-04-06T11:00:00+03:00\", \"quantity\": 1}]";

int main(int argc, char** argv) {
  if (argc != 2) {
    fputs("usage: consumer TARIFF_FILE\n", stderr);
    return 2;
  }
  size_t size = 0;
  char* source = read_file(argv[1], &size);
  if (source == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  tariff_tariff* t = NULL;
  char* diagnostics = NULL;
  tariff_status status = tariff_compile(source, size, argv[1], &t, &diagnostics);
  free(source);
  if (status != TARIFF_OK) {
    fprintf(stderr, "%s\n%s", tariff_status_name(status), diagnostics ? diagnostics : "");
    tariff_free(diagnostics);
    return 1;
  }
  tariff_free(diagnostics);

  char* priced = NULL;
  char* errors = NULL;
  status = tariff_price(t, contracts, work, &priced, &errors);
  printf("%s\n", tariff_status_name(status));
  if (status == TARIFF_OK) {
    fputs("A1 ", stdout);
    print_member(priced, "A1", "status");
    fputs(" ", stdout);
    print_member(priced, "A1", "amount");
    fputs("\nA9 ", stdout);
    print_member(priced, "A9", "status");
    fputs(" ", stdout);
    print_member(priced, "A9", "reason");
    fputs("\n", stdout);
  } else {
    fputs(errors != NULL ? errors : "", stderr);
  }
  tariff_free(priced);
  tariff_free(errors);
  tariff_release(t);
  return status == TARIFF_OK ? 0 : 1;
}
