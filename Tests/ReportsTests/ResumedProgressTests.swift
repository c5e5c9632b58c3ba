import Experiments
import Testing

@testable import Reports

@Test func aResumedRunsProgressLeavesTheTrialsFoundDoneOutOfRateAndETA() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 100, interactive: false)
  // 90 trials were stored by an earlier run; this run stores 5 in 10 s: 0.5/s, 5 left, ETA 10 s.
  recorder.advanceClock(10)
  bar.show(
    RunProgress(completed: 95, total: 100, resumedFrom: 90, tokens: PromptTokenTally()))
  #expect(bar.snapshot.rate == 0.5)
  #expect(bar.snapshot.eta == 10)
  #expect(recorder.output.last == "trials [###################.] 95/100 0.5/s ETA 0:10\n")
}
