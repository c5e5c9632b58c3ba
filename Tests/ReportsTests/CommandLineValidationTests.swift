import Foundation
import Testing

/// A bad numeric option and the words its error must contain.
struct BadOption: Sendable, CustomStringConvertible {
  /// The `raglab` arguments.
  let arguments: [String]
  /// Text the error must contain.
  let message: String
  var description: String { arguments.joined(separator: " ") }
}

/// A one-prompt JSON-lines file for the model commands (the prompt is `line`).
private func promptFile(_ line: String) throws -> String {
  let path = try Fixtures.temporaryFolder() + "/prompts.jsonl"
  try "\(line)\n".write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

/// Options that used to trap (exit 132) or were silently misread.
private func badOptions() throws -> [BadOption] {
  let prompts = try promptFile("\"The capital of France is\"")
  return [
    BadOption(
      arguments: ["model", "next", "--jsonl", prompts, "--top=-1"],
      message: "--top must be 1 or more (got -1)"),
    BadOption(
      arguments: ["model", "bench", "--generate=-1"],
      message: "--generate must be in 1...1048576 (got -1)"),
    BadOption(
      arguments: ["model", "bench", "--prompt-tokens", "512,abc"],
      message: "--prompt-tokens must list integers in 1...1048576 separated by commas"),
    BadOption(
      arguments: ["model", "bench", "--decode-depth=-3"],
      message: "--decode-depth must be in 0...1048576 (got -3)"),
    BadOption(
      arguments: ["model", "bench", "--context", "0"],
      message: "--context must be in 1...1048576 (got 0)"),
    BadOption(
      arguments: ["model", "generate", "--prompt", "hi", "--max-tokens=-1"],
      message: "--max-tokens must be in 1...1048576 (got -1)"),
    BadOption(
      arguments: ["model", "generate", "--prompt", "hi", "--temperature", "nan"],
      message: "--temperature must be a number in 0.0...100.0 (got nan)"),
    BadOption(
      arguments: ["model", "generate", "--prompt", "hi", "--top-p", "2"],
      message: "--top-p must be a number in 0.0...1.0 (got 2.0)"),
    BadOption(
      arguments: ["model", "generate", "--prompt", ""], message: "--prompt must not be empty"),
    BadOption(
      arguments: ["data", "recall", "squad-dev", "--k", "1,x,20", "--db", "/nonexistent/x.sqlite"],
      message:
        "--k must list integers in 1...1048576 separated by commas, e.g. 1,5,20 ('x' is not one)"),
    BadOption(
      arguments: ["data", "recall", "squad-dev", "--limit", "0", "--db", "/nonexistent/x.sqlite"],
      message: "--limit must be 1 or more (got 0)"),
    BadOption(
      arguments: [
        "dense", "index", "squad-dev", "--batch-size", "0", "--db", "/nonexistent/x.sqlite",
      ],
      message: "--batch-size must be in 1...1024 (got 0)"),
    BadOption(
      arguments: ["run", "any.yaml", "--limit", "0"],
      message: "--limit must be at least 1 (got 0)"),
  ]
}

@Test(arguments: try badOptions())
func badNumericOptionIsAUsageErrorNamingTheOptionAndRange(_ bad: BadOption) throws {
  let outcome = try RaglabProcess.run(bad.arguments)
  #expect(outcome.status == 64, "exit \(outcome.status): \(outcome.errors)")
  #expect(outcome.errors.contains(bad.message), "\(outcome.errors)")
}

@Test func emptyPromptOfModelHiddenNamesTheFileAndLine() throws {
  let prompts = try promptFile("\"\"")
  let outcome = try RaglabProcess.run(["model", "hidden", "--jsonl", prompts, "--layers", "1"])
  #expect(outcome.status == 1, "exit \(outcome.status): \(outcome.errors)")
  #expect(outcome.errors.contains("\(prompts):1: the prompt is empty"), "\(outcome.errors)")
}

@Test func threadCountsOutsideTheRangeAreClampedWithANote() throws {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  for (requested, used) in [(0, 1), (1000, 4 * cores)] {
    let outcome = try RaglabProcess.run([
      "model", "info", "--threads", "\(requested)", "--model", "/nonexistent/model.gguf",
    ])
    #expect(
      outcome.errors.contains(
        "--threads \(requested) is outside 1...\(4 * cores) (4 × this machine's \(cores) cores); "
          + "using \(used)"), "\(outcome.errors)")
    #expect(outcome.errors.contains("model file /nonexistent/model.gguf does not exist"))
  }
}
