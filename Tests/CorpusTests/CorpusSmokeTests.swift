import Testing

@testable import Corpus

@Test func moduleLinks() {
  #expect(Bool(true))
}
