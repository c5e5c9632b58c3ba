import Foundation
import Testing

@testable import Reports

/// Collects what a bar prints, and a clock the test moves by hand.
final class ProgressRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var chunks: [String] = []
  private var now = 0.0

  var output: [String] { lock.withLock { chunks } }
  func advanceClock(_ seconds: Double) { lock.withLock { now += seconds } }
  func bar(total: Int, interactive: Bool) -> ProgressBar {
    ProgressBar(
      total: total, label: "trials", interactive: interactive,
      sink: { text in self.lock.withLock { self.chunks.append(text) } },
      clock: { self.lock.withLock { self.now } })
  }
}

@Test func etaIsRemainingUnitsOverRate() {
  let line = ProgressLine(done: 120, total: 400, elapsed: 40)
  #expect(line.rate == 3)
  #expect(line.eta == 280.0 / 3)
  #expect(line.counts == "120/400 3.0/s ETA 1:33")
  #expect(line.bar(width: 10) == "[###.......]")
}

@Test func etaIsUnknownBeforeAnyProgressAndDurationsUseHours() {
  #expect(ProgressLine(done: 0, total: 10, elapsed: 5).counts == "0/10 0.0/s ETA ?")
  #expect(ProgressLine(done: 1, total: 3601, elapsed: 1).counts == "1/3601 1.0/s ETA 1:00:00")
  #expect(ProgressLine(done: 10, total: 10, elapsed: 130).counts == "10/10 0.1/s in 2:10")
}

@Test func plainOutputPrintsAboutEveryFivePercent() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 400, interactive: false)
  for _ in 0..<400 {
    recorder.advanceClock(0.01)
    bar.advance()
  }
  bar.finish()
  let lines = recorder.output
  #expect(lines.count == 21)  // 0 %, 5 %, …, 100 %, and no duplicate at finish
  #expect(lines.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\r") })
  #expect(lines[1] == "trials [#...................] 20/400 100/s ETA 0:04\n")
  #expect(lines.last == "trials [####################] 400/400 100/s in 0:04\n")
}

@Test func plainOutputAlsoPrintsAfterTenQuietSeconds() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 1000, interactive: false)
  bar.advance()
  recorder.advanceClock(11)
  bar.advance()
  #expect(recorder.output.count == 2)
  #expect(recorder.output[1].hasPrefix("trials [....................] 2/1000"))
}

@Test func terminalOutputRedrawsOneLineAndEndsIt() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 4, interactive: true)
  for _ in 0..<4 {
    recorder.advanceClock(1)
    bar.advance()
  }
  bar.finish()
  let out = recorder.output
  #expect(out.dropLast().allSatisfy { $0.hasPrefix("\r") && !$0.contains("\n") })
  #expect(out.contains("\rtrials [##########..........] 2/4 1.0/s ETA 0:02\u{1B}[K"))
  #expect(out.last == "\n")
}

@Test func concurrentAdvancesAreAllCounted() async {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 800, interactive: false)
  await withTaskGroup(of: Void.self) { group in
    for _ in 0..<8 { group.addTask { for _ in 0..<100 { bar.advance() } } }
  }
  #expect(bar.snapshot.done == 800)
}

@Test func resumedWorkCountsOnlyNewUnitsInRateAndETA() {
  let line = ProgressLine(done: 300, total: 400, elapsed: 50, initial: 200)
  #expect(line.rate == 2)
  #expect(line.eta == 50)
  #expect(line.counts == "300/400 2.0/s ETA 0:50")
  let bar = ProgressBar(total: 10, initial: 5, interactive: false, sink: { _ in }, clock: { 0 })
  #expect(bar.snapshot.done == 5)
  #expect(bar.snapshot.rate == 0)
}

@Test func updateCanNameTheResumedUnitsLate() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 100, interactive: false)
  recorder.advanceClock(10)
  bar.update(done: 60, total: 100, initial: 50)
  #expect(bar.snapshot.rate == 1)
  #expect(recorder.output.last == "trials [############........] 60/100 1.0/s ETA 0:40\n")
}
