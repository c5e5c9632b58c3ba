/// Carries a value with raw pointers into `concurrentPerform` closures whose iterations touch disjoint memory.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
