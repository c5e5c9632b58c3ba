import CKernels
import Foundation
import Testing

@testable import Inference

@Test(arguments: [1, 2, 3])
func everyWorkerRunsOncePerStep(threads: Int) {
  let pool = ComputePool(threads: threads)
  let counts = UnsafeMutablePointer<Int>.allocate(capacity: threads)
  defer { counts.deallocate() }
  counts.initialize(repeating: 0, count: threads)
  for _ in 0..<1000 {  // many short steps: the spinning hand-off must never skip or repeat one
    pool.run { worker, workers in
      precondition(workers == threads)
      counts[worker] += 1
    }
  }
  #expect((0..<threads).allSatisfy { counts[$0] == 1000 })
}

@Test func sharesCoverTheRangeOnceAfterTheWorkersHaveSlept() {
  let pool = ComputePool(threads: 2)
  Thread.sleep(forTimeInterval: 0.05)  // past the spin limit: workers are parked on the futex
  let seen = UnsafeMutablePointer<Int>.allocate(capacity: 1001)
  defer { seen.deallocate() }
  seen.initialize(repeating: 0, count: 1001)
  pool.run { worker, workers in
    for i in ComputePool.share(of: 1001, worker: worker, workers: workers) { seen[i] += 1 }
  }
  #expect((0..<1001).allSatisfy { seen[$0] == 1 })
}

@Test func geluKernelMatchesErfDefinition() {
  let xs = stride(from: -8.0 as Float, through: 8, by: 0.001).map { $0 }
  var ys = xs
  ck_gelu_erf(&ys, Int32(ys.count))
  let worst = zip(xs, ys).map { x, y in abs(y - 0.5 * x * (1 + erf(x / Float(2).squareRoot()))) }
    .max()!
  #expect(worst < 2e-6)
}
