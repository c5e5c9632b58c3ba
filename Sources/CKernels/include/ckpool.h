// A fixed team of worker threads that runs one parallel task at a time with a spinning hand-off,
// so that the ~250 small parallel steps of one decoded token do not each pay a thread wake-up.
#pragma once

/// Work for thread `ith` of `nth` (the caller is thread 0); `ctx` is the caller's data.
typedef void (*ck_task_fn)(void *ctx, int ith, int nth);

/// An opaque thread team.
typedef struct ck_pool ck_pool;

/// Starts `threads - 1` workers (threads ≥ 1); returns NULL if a thread cannot be created.
ck_pool *ck_pool_create(int threads);
/// Runs fn(ctx, ith, nth) on every thread of the team and returns when all have finished.
/// Calls from several threads are serialised. Workers spin briefly for the next task, then sleep.
void ck_pool_run(ck_pool *pool, ck_task_fn fn, void *ctx);
/// Stops and joins the workers and frees the team.
void ck_pool_destroy(ck_pool *pool);
