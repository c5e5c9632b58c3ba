import Testing

@testable import Store

@Test func moduleLinks() {
  #expect(Bool(true))
}
