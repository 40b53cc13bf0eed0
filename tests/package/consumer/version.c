/* The C API through pkg-config: the header and the library agree. */
#include <stdio.h>
#include <string.h>

#include "evq.h"

int main(void) {
  printf("evq %s (header %s)\n", evq_libversion(), EVQ_VERSION);
  return strcmp(evq_libversion(), EVQ_VERSION) == 0 &&
                 evq_libversion_number() == EVQ_VERSION_NUMBER
             ? 0
             : 1;
}
