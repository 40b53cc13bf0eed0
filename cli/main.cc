// evq: the command-line client of the evq library.
#include <cstdio>

int main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  std::fputs("usage: evq COMMAND [OPTIONS]\n", stderr);
  return 2;
}
