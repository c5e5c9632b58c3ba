import Foundation
import Testing

@testable import Reports

@Test func terminalTableAlignsColumnsAndShowsIntervals() {
  let text = ResultsView.render(Fixtures.sweep(), as: .table)
  let lines = text.split(separator: "\n").map(String.init)
  #expect(lines.count == 2 + 8)
  #expect(lines[0].hasPrefix("retriever  k   n        subem [95% CI]"))
  #expect(lines[0].hasSuffix("f1 [95% CI]  recall@k"))
  #expect(lines[1].hasPrefix("---------  -  --  "))
  #expect(lines[2].contains("bm25       1  40  0.200 [0.100, 0.300]"))
  #expect(Set(lines.map(\.count)).count <= 2)  // every row as wide as the header (bar trailing)
}

@Test func csvHasOneColumnPerBoundAndQuotesCommas() {
  var summary = Fixtures.sweep()
  summary.conditions[0].keys[0].value = "bm25, tuned"
  let lines = ResultsView.render(summary, as: .csv).split(separator: "\n").map(String.init)
  #expect(
    lines[0]
      == "retriever,k,n,subem,subem_low,subem_high,em,em_low,em_high,f1,f1_low,f1_high,recall,recall_low,recall_high"
  )
  #expect(lines[1].hasPrefix("\"bm25, tuned\",1,40,0.2000,0.1000,0.3000,0.1000,0.0500,0.1500"))
  #expect(lines.count == 9)
}

@Test func csvLeavesUnknownRecallEmpty() {
  let csv = ResultsView.render(Fixtures.sweep(recall: [:]), as: .csv)
  #expect(csv.split(separator: "\n")[1].hasSuffix(",,,"))
}

@Test func jsonRoundTripsEveryEstimate() throws {
  let json = ResultsView.render(Fixtures.sweep(), as: .json)
  let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
  #expect(object["experiment"] as? String == "sweep")
  #expect(object["keyOrder"] as? [String] == ["retriever", "k"])
  let conditions = object["conditions"] as! [[String: Any]]
  #expect(conditions.count == 8)
  let last = conditions[7]
  #expect((last["keys"] as? [String: String]) == ["retriever": "dense", "k": "8"])
  #expect(last["n"] as? Int == 40)
  let subem = (last["metrics"] as! [String: [String: Double]])["subem"]!
  #expect(subem["value"] == 0.42)
  #expect(abs(subem["high"]! - 0.52) < 1e-9)
  #expect((last["recall"] as? [String: Double])?["value"] == 0.9)
}
