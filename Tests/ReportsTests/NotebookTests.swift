import Foundation
import Testing

@testable import Reports

@Test func notebookHoldsSpecProvenanceTableSentencesAndRelativeImages() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let summary = Fixtures.sweep()
  let notebook = Notebook(
    summary: summary, path: "\(root)/notebooks-md/sweep.md",
    images: ["\(root)/plots/sweep/accuracy-vs-k.png"], database: "runs/lab.sqlite")
  try notebook.write()
  let text = try String(contentsOfFile: notebook.path, encoding: .utf8)

  #expect(text.hasPrefix("# Experiment: sweep\n"))
  #expect(text.contains("```yaml\nname: sweep\nmodule:\n"))
  #expect(text.contains("| model sha256 | `b179c952db53` |"))
  #expect(text.contains("| wall time | 15:00 |"))
  #expect(text.contains("| retriever | k | n | subem [95% CI] | em | f1 | recall@k |"))
  #expect(text.contains("| dense | 4 | 40 | 0.500 [0.400, 0.600] | 0.250 | 0.400 | 0.850 |"))
  #expect(text.contains("![accuracy-vs-k](../plots/sweep/accuracy-vs-k.png)"))
  #expect(text.contains("[SVG](../plots/sweep/accuracy-vs-k.svg)"))
  for sentence in Findings.sentences(for: summary) { #expect(text.contains(sentence)) }
}

@Test func notebookSentencesFollowTheNumbers() {
  let a = Notebook(summary: Fixtures.sweep(), path: "n/a.md", images: [], database: "db")
  let b = Notebook(
    summary: Fixtures.sweep(dense: [0.1, 0.2, 0.3, 0.9]), path: "n/a.md", images: [],
    database: "db")
  #expect(a.markdown() != b.markdown())
  #expect(b.markdown().contains("keeps rising with k, from 0.100 at k = 1 to 0.900 at k = 8"))
  #expect(a.markdown().contains("run `raglab plot sweep`"))
}

@Test func relativePathsClimbOutOfTheNotebookFolder() {
  #expect(RelativePath.of("/r/plots/x/a.png", from: "/r/notebooks-md") == "../plots/x/a.png")
  #expect(RelativePath.of("/r/n/a.png", from: "/r/n") == "a.png")
}

@Test func experimentNamesCannotEscapeTheOutputFolders() {
  #expect(ReportPaths.fileName(for: "../etc/x") == "_.._etc_x")
  #expect(ReportPaths.fileName(for: "quickstart-v2.1") == "quickstart-v2.1")
  #expect(ReportPaths.notebook(root: "/r/nb", experiment: "a/b") == "/r/nb/a_b.md")
}

@Test func specWithBackticksGetsALongerFence() {
  var summary = Fixtures.sweep()
  summary.specYAML = "name: x # ```not a fence```\n"
  let text = Notebook(summary: summary, path: "n/x.md", images: [], database: "db").markdown()
  #expect(text.contains("````yaml\nname: x # ```not a fence```\n````"))
}
