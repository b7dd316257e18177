// SPDX-License-Identifier: MIT
//
// A bursting anonymous faulter: each of N threads maps SIZE MiB of anonymous memory, touches
// every 4 KiB page as fast as the fault path allows, holds the mapping HOLD ms, unmaps it all
// at once, and repeats until DURATION seconds have passed. The threads start each burst
// together (a barrier). Every page's fault is timed; the end prints one line of key=value
// pairs: faults, fault-in rate, the per-fault latency quantiles (ns) and munmap's time per page.
//
//   faulter THREADS SIZE_MIB HOLD_MS DURATION_S [HISTOGRAM_CSV]
//
// With HISTOGRAM_CSV it also writes the latency histogram there: lower_ns,upper_ns,faults per
// 1/8-octave bucket (the raw measurement behind numasim's default fault_us).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

enum { BUCKETS = 64 * 8 };  // log2 buckets of 1/8 octave, ns

static int threads, size_mib, hold_ms;
static double duration_s;
static pthread_barrier_t barrier;
static volatile int stop;
static uint64_t hist[BUCKETS];
static uint64_t faults, fault_ns, max_ns, unmap_ns, unmapped_pages;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static int bucket(uint64_t ns) {
  if (ns < 1) ns = 1;
  int b = 63 - __builtin_clzll(ns);
  int frac = b >= 3 ? (int)((ns >> (b - 3)) & 7) : 0;
  int i = b * 8 + frac;
  return i < BUCKETS ? i : BUCKETS - 1;
}

static uint64_t bucket_value(int i) {
  int b = i / 8, frac = i % 8;
  return b >= 3 ? ((uint64_t)(8 + frac) << (b - 3)) : (1ull << b);
}

static void *run(void *arg) {
  (void)arg;
  size_t bytes = (size_t)size_mib << 20;
  long page = sysconf(_SC_PAGESIZE);
  uint64_t local[BUCKETS] = {0}, n = 0, total = 0, worst = 0, unmap_total = 0, unmap_pages = 0;
  uint64_t end = now_ns() + (uint64_t)(duration_s * 1e9);
  for (;;) {
    pthread_barrier_wait(&barrier);
    if (stop) break;
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      perror("mmap");
      exit(1);
    }
    madvise(p, bytes, MADV_NOHUGEPAGE);
    for (size_t off = 0; off < bytes; off += (size_t)page) {
      uint64_t t0 = now_ns();
      p[off] = 1;
      uint64_t d = now_ns() - t0;
      local[bucket(d)]++;
      n++;
      total += d;
      if (d > worst) worst = d;
    }
    struct timespec h = {hold_ms / 1000, (long)(hold_ms % 1000) * 1000000};
    nanosleep(&h, NULL);
    uint64_t u0 = now_ns();
    munmap(p, bytes);
    unmap_total += now_ns() - u0;
    unmap_pages += bytes / (size_t)page;
    if (now_ns() >= end) stop = 1;
  }
  pthread_mutex_lock(&lock);
  for (int i = 0; i < BUCKETS; i++) hist[i] += local[i];
  faults += n;
  fault_ns += total;
  if (worst > max_ns) max_ns = worst;
  unmap_ns += unmap_total;
  unmapped_pages += unmap_pages;
  pthread_mutex_unlock(&lock);
  return NULL;
}

static uint64_t quantile(double q) {
  uint64_t want = (uint64_t)(q * (double)faults), seen = 0;
  for (int i = 0; i < BUCKETS; i++) {
    seen += hist[i];
    if (seen > want) return bucket_value(i);
  }
  return max_ns;
}

int main(int argc, char **argv) {
  if (argc != 5 && argc != 6) {
    fprintf(stderr, "usage: faulter THREADS SIZE_MIB HOLD_MS DURATION_S [HISTOGRAM_CSV]\n");
    return 2;
  }
  threads = atoi(argv[1]);
  size_mib = atoi(argv[2]);
  hold_ms = atoi(argv[3]);
  duration_s = atof(argv[4]);
  if (threads < 1 || size_mib < 1 || hold_ms < 0 || duration_s <= 0) {
    fprintf(stderr, "faulter: THREADS and SIZE_MIB must be positive, HOLD_MS >= 0, DURATION_S > 0\n");
    return 2;
  }
  pthread_barrier_init(&barrier, NULL, (unsigned)threads);
  pthread_t t[threads];
  uint64_t start = now_ns();
  for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, run, NULL);
  for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
  double wall = (double)(now_ns() - start) / 1e9;
  printf("faults=%llu fault_rate_per_s=%.0f fault_mean_ns=%.0f fault_p50_ns=%llu fault_p99_ns=%llu "
         "fault_p999_ns=%llu fault_max_ns=%llu unmap_ns_per_page=%.0f\n",
         (unsigned long long)faults, (double)faults / wall, faults ? (double)fault_ns / (double)faults : 0.0,
         (unsigned long long)quantile(0.5), (unsigned long long)quantile(0.99),
         (unsigned long long)quantile(0.999), (unsigned long long)max_ns,
         unmapped_pages ? (double)unmap_ns / (double)unmapped_pages : 0.0);
  if (argc == 6) {
    FILE *f = fopen(argv[5], "w");
    if (!f) {
      perror(argv[5]);
      return 1;
    }
    fprintf(f, "lower_ns,upper_ns,faults\n");
    for (int i = 0; i + 1 < BUCKETS; i++)
      if (hist[i]) fprintf(f, "%llu,%llu,%llu\n", (unsigned long long)bucket_value(i),
                           (unsigned long long)bucket_value(i + 1), (unsigned long long)hist[i]);
    fclose(f);
  }
  return 0;
}
