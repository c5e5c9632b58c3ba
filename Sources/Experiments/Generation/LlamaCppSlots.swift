/// What raglab asks of a llama.cpp server beyond the OpenAI API: keep each slot's prompt cache
/// (`cache_prompt: true`) and send worker i's requests to slot i (`id_slot`) when every worker
/// can have a slot of its own.
///
/// Only a server that answers llama.cpp's `GET /props` gets these fields: an OpenAI-compatible
/// server that rejects unknown request fields never sees them.
struct LlamaCppSlots: Sendable, Equatable {
  /// The server's slot count (`/props` `total_slots`), when it reports one.
  let totalSlots: Int?
  /// The run's workers (`generator.concurrency`).
  let workers: Int

  /// Whether each worker gets a slot of its own: the server reports at least `workers` slots.
  var pinsSlots: Bool { totalSlots.map { workers <= $0 } ?? false }

  /// `id_slot` for `worker`'s requests: the worker's index when slots are pinned, else nil (the
  /// server then picks the slot whose cached prompt is most similar).
  func slot(worker: Int) -> Int? {
    pinsSlots && (0..<workers).contains(worker) ? worker : nil
  }
}

extension OpenAIGenerator {
  /// One line on how requests are sent: workers, and llama.cpp's slots and prompt cache.
  public var requestPlan: String {
    let workers = "\(concurrency) request\(concurrency == 1 ? "" : "s") in flight"
    guard let llamaCpp else {
      return workers + " (no llama.cpp /props: plain OpenAI requests)"
    }
    if llamaCpp.pinsSlots {
      let slots = concurrency == 1 ? "slot 0" : "slots 0…\(concurrency - 1)"
      return workers + ", one llama.cpp slot each (id_slot: \(slots)), cache_prompt: true"
    }
    let reported =
      llamaCpp.totalSlots.map { "\($0) slots, fewer than the workers" } ?? "no total_slots"
    return workers + ", llama.cpp reports \(reported): the server picks slots by prompt "
      + "similarity, cache_prompt: true"
  }
}
