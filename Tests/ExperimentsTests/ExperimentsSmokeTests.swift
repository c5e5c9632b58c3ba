import Testing

@testable import Experiments

@Test func moduleLinks() {
  #expect(Bool(true))
}
