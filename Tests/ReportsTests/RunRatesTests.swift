import Experiments
import Testing

@testable import Reports

@Test func runRatesAreRequestsAndPromptTokensPerSecond() {
  let rates = RunRates(requests: 25, promptTokens: 5001, seconds: 2)
  #expect(rates.requestsPerSecond == 12.5 && rates.tokensPerSecond == 2500.5)
  #expect(rates.text == "12.5 req/s 2500 prompt tok/s")
  #expect(RunRates(requests: 3, promptTokens: 9, seconds: 0).text == "0.0 req/s 0 prompt tok/s")
}

@Test func anOpenAIRunsProgressLineEndsWithItsServerRates() {
  let recorder = ProgressRecorder()
  let bar = recorder.bar(total: 40, interactive: false)
  let progress = RunProgress(
    completed: 20, total: 40, resumedFrom: 0,
    tokens: PromptTokenTally(evaluated: 3000, naive: 9000),
    generated: 16, seconds: 4)
  bar.show(progress, serverRates: true)
  #expect(recorder.output.last?.hasSuffix("20/40 0.0/s ETA ? 4.0 req/s 750 prompt tok/s\n") == true)
  let plain = recorder.bar(total: 40, interactive: false)
  plain.show(progress)  // an in-process run's line has no rates
  #expect(recorder.output.last?.hasSuffix("20/40 0.0/s ETA ?\n") == true)
  let noted = ProgressLine(done: 1, total: 2, elapsed: 1, note: "x")
  #expect(noted.text(label: "") == "[##########..........] 1/2 1.0/s ETA 0:01 x")
}
