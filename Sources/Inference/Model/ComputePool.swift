import CBLAS
import CKernels

/// The model's team of compute threads: every parallel step of a forward pass runs on it.
///
/// Workers spin briefly between steps and then sleep (see `Sources/CKernels/pool.c`), so the many
/// small steps of decoding one token cost no thread wake-ups. Calls from several threads are
/// serialised.
final class ComputePool: @unchecked Sendable {
  /// Threads in the team, the caller included.
  let threads: Int
  private let handle: OpaquePointer

  /// Starts `threads - 1` worker threads and makes OpenBLAS single-threaded (the team splits GEMMs).
  init(threads: Int) {
    openblas_set_num_threads(1)
    self.threads = max(1, threads)
    guard let handle = ck_pool_create(Int32(self.threads)) else {
      fatalError("cannot start \(self.threads) compute threads")
    }
    self.handle = handle
  }

  deinit { ck_pool_destroy(handle) }

  /// Runs `body(worker, workers)` once on every thread and returns when all calls have returned.
  func run(_ body: (_ worker: Int, _ workers: Int) -> Void) {
    withoutActuallyEscaping(body) { body in
      var task = body
      withUnsafeMutablePointer(to: &task) { pointer in
        ck_pool_run(handle, runTask, pointer)
      }
    }
  }

  /// The contiguous part of `0..<count` that `worker` of `workers` takes (empty when none is left).
  static func share(of count: Int, worker: Int, workers: Int) -> Range<Int> {
    let per = (count + workers - 1) / workers
    return min(count, worker * per)..<min(count, (worker + 1) * per)
  }
}

/// C entry point: calls the Swift closure `ctx` points to.
private func runTask(_ ctx: UnsafeMutableRawPointer?, _ worker: Int32, _ workers: Int32) {
  let body = ctx!.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee
  body(Int(worker), Int(workers))
}
