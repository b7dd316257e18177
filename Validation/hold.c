// SPDX-License-Identifier: MIT
//
// Holds SIZE MiB of touched anonymous memory until killed, so that the rest of the machine is
// the memory a scenario plays in. Prints "ready" once every page is touched.
//
//   hold SIZE_MIB
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 2 || atol(argv[1]) < 1) {
    fprintf(stderr, "usage: hold SIZE_MIB\n");
    return 2;
  }
  size_t bytes = (size_t)atol(argv[1]) << 20;
  char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  for (size_t off = 0; off < bytes; off += 4096) p[off] = 1;
  printf("ready\n");
  fflush(stdout);
  for (;;) pause();
}
