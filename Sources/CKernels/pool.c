// Thread team with generation-counter hand-off: workers spin on an atomic counter for a short
// while after each task (the next one usually follows within microseconds during a forward pass)
// and then sleep on a futex (Linux; a condition variable elsewhere) until the caller publishes
// new work.
#define _GNU_SOURCE
#include "ckpool.h"

#include "arch.h"

#if CK_X86
#include <immintrin.h>
#define cpu_relax() _mm_pause()
#elif defined(__aarch64__)
#define cpu_relax() __asm__ __volatile__("yield" ::: "memory")
#else
#define cpu_relax() __asm__ __volatile__("" ::: "memory")
#endif
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>
#if defined(__linux__) && !defined(CK_POOL_PORTABLE_WAIT)
#include <linux/futex.h>
#include <sys/syscall.h>
#endif

/// Pause-loop iterations a worker spins before sleeping (~0.2 ms on this machine's cores).
enum { SPIN_LIMIT = 1 << 13 };

struct ck_pool {
  int threads;
  pthread_t *workers;
  pthread_mutex_t caller_lock; ///< serialises ck_pool_run callers
  _Atomic unsigned generation; ///< bumped once per task; futex word for sleeping workers
  _Atomic int sleepers;        ///< workers blocked in futex_wait
  _Atomic int pending;         ///< workers that have not finished the current task
  _Atomic int stop;
  ck_task_fn fn;
  void *ctx;
};

struct worker_arg {
  ck_pool *pool;
  int ith;
};

#if defined(__linux__) && !defined(CK_POOL_PORTABLE_WAIT)
static void futex_wait(_Atomic unsigned *addr, unsigned expected) {
  syscall(SYS_futex, (unsigned *)addr, FUTEX_WAIT_PRIVATE, expected, NULL, NULL, 0);
}

static void futex_wake_all(_Atomic unsigned *addr) {
  syscall(SYS_futex, (unsigned *)addr, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
}
#else
// Without futexes (macOS) one process-wide condition variable stands in: a waiter re-checks the
// word under the mutex, so a wake between its check and its sleep is not lost.
static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond = PTHREAD_COND_INITIALIZER;

static void futex_wait(_Atomic unsigned *addr, unsigned expected) {
  pthread_mutex_lock(&wait_lock);
  while (atomic_load(addr) == expected) pthread_cond_wait(&wait_cond, &wait_lock);
  pthread_mutex_unlock(&wait_lock);
}

static void futex_wake_all(_Atomic unsigned *addr) {
  (void)addr;
  pthread_mutex_lock(&wait_lock);
  pthread_cond_broadcast(&wait_cond);
  pthread_mutex_unlock(&wait_lock);
}
#endif

/// Waits until the generation differs from `seen` and returns the new one.
static unsigned await_task(ck_pool *pool, unsigned seen) {
  for (int i = 0; i < SPIN_LIMIT; i++) {
    unsigned now = atomic_load_explicit(&pool->generation, memory_order_acquire);
    if (now != seen) return now;
    cpu_relax();
  }
  for (;;) {
    atomic_fetch_add(&pool->sleepers, 1);
    unsigned now = atomic_load(&pool->generation);
    if (now == seen) futex_wait(&pool->generation, seen);
    atomic_fetch_sub(&pool->sleepers, 1);
    now = atomic_load_explicit(&pool->generation, memory_order_acquire);
    if (now != seen) return now;
  }
}

static void *worker_main(void *raw) {
  struct worker_arg arg = *(struct worker_arg *)raw;
  free(raw);
  ck_pool *pool = arg.pool;
  unsigned seen = 0;
  for (;;) {
    seen = await_task(pool, seen);
    if (atomic_load(&pool->stop)) return NULL;
    pool->fn(pool->ctx, arg.ith, pool->threads);
    atomic_fetch_sub_explicit(&pool->pending, 1, memory_order_release);
  }
}

ck_pool *ck_pool_create(int threads) {
  ck_pool *pool = calloc(1, sizeof *pool);
  if (!pool) return NULL;
  pool->threads = threads < 1 ? 1 : threads;
  pthread_mutex_init(&pool->caller_lock, NULL);
  pool->workers = calloc((size_t)pool->threads, sizeof(pthread_t));
  for (int i = 1; i < pool->threads; i++) {
    struct worker_arg *arg = malloc(sizeof *arg);
    if (!arg) return NULL;
    *arg = (struct worker_arg){pool, i};
    if (pthread_create(&pool->workers[i], NULL, worker_main, arg) != 0) return NULL;
  }
  return pool;
}

void ck_pool_run(ck_pool *pool, ck_task_fn fn, void *ctx) {
  if (pool->threads == 1) {
    fn(ctx, 0, 1);
    return;
  }
  pthread_mutex_lock(&pool->caller_lock);
  pool->fn = fn;
  pool->ctx = ctx;
  atomic_store_explicit(&pool->pending, pool->threads - 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&pool->generation, 1, memory_order_release);
  if (atomic_load(&pool->sleepers) > 0) futex_wake_all(&pool->generation);
  fn(ctx, 0, pool->threads);
  // Spin for the stragglers; past the limit yield the core, in case a worker waits for it (an
  // oversubscribed machine would otherwise burn whole time slices here).
  for (int spins = 0; atomic_load_explicit(&pool->pending, memory_order_acquire) > 0; spins++) {
    if (spins < SPIN_LIMIT) cpu_relax(); else sched_yield();
  }
  pthread_mutex_unlock(&pool->caller_lock);
}

void ck_pool_destroy(ck_pool *pool) {
  if (!pool) return;
  atomic_store(&pool->stop, 1);
  atomic_fetch_add_explicit(&pool->generation, 1, memory_order_release);
  futex_wake_all(&pool->generation);
  for (int i = 1; i < pool->threads; i++) pthread_join(pool->workers[i], NULL);
  pthread_mutex_destroy(&pool->caller_lock);
  free(pool->workers);
  free(pool);
}
