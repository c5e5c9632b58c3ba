import Foundation
import Inference

/// k-means on row-major points as scikit-learn's `KMeans` runs it: greedy k-means++ seeding
/// (2 + ⌊ln k⌋ candidates per centre, the one lowering the potential most kept), Lloyd iterations
/// until the labels stop changing or the centres move less than `tolerance` × the mean column
/// variance (squared shift summed), empty clusters re-seeded with the points farthest from their
/// centres; the restart with the lowest inertia wins. Deterministic for a seed (`SplitMix64`).
struct KMeans {
  /// One clustering: labels numbered by first appearance (row 0 is in cluster 0), centres
  /// (`centres.count` clusters of `width` values), and the inertia (sum of squared distances).
  struct Fit {
    /// Cluster of each row.
    var labels: [Int]
    /// Centre of each cluster.
    var centres: [[Double]]
    /// Sum of squared Euclidean distances of the rows to their centres.
    var inertia: Double
  }

  /// Points, `rows × width`, row-major.
  let points: [Double]
  /// Number of points.
  let rows: Int
  /// Coordinates per point.
  let width: Int

  /// The lowest-inertia fit of `k` clusters over `restarts` seeded runs.
  /// Fewer than `k` clusters come back only when there are fewer than `k` distinct points.
  func fit(k: Int, seed: UInt64, restarts: Int, maxIterations: Int, tolerance: Double) -> Fit {
    var generator = SplitMix64(seed: seed)
    let threshold = tolerance * meanColumnVariance()
    var best = lloyd(
      from: seeds(k: k, &generator), maxIterations: maxIterations, threshold: threshold)
    for _ in 1..<max(restarts, 1) {
      let run = lloyd(
        from: seeds(k: k, &generator), maxIterations: maxIterations, threshold: threshold)
      if run.inertia < best.inertia { best = run }
    }
    return renumbered(best)
  }

  /// The rows nearest each centre among that cluster's members (Euclidean; lowest row on ties).
  func representatives(of fit: Fit) -> [Int] {
    fit.centres.indices.map { cluster in
      let members = (0..<rows).filter { fit.labels[$0] == cluster }
      return members.min { distance($0, fit.centres[cluster]) < distance($1, fit.centres[cluster]) }
        ?? 0
    }
  }

  /// Squared Euclidean distance from row `row` to `centre`.
  func distance(_ row: Int, _ centre: [Double]) -> Double {
    var sum = 0.0
    for j in 0..<width {
      let delta = points[row * width + j] - centre[j]
      sum += delta * delta
    }
    return sum
  }

  /// Row `row` as an array.
  private func point(_ row: Int) -> [Double] { Array(points[(row * width)..<((row + 1) * width)]) }

  /// The mean over columns of each column's variance (ddof = 0), sklearn's scale for `tol`.
  private func meanColumnVariance() -> Double {
    var total = 0.0
    for j in 0..<width {
      let column = (0..<rows).map { points[$0 * width + j] }
      let mean = column.reduce(0, +) / Double(rows)
      total += column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rows)
    }
    return total / Double(width)
  }

  /// Greedy k-means++: the first centre uniformly at random, each next one the best (lowest
  /// potential) of 2 + ⌊ln k⌋ rows drawn with probability proportional to D².
  private func seeds(k: Int, _ generator: inout SplitMix64) -> [[Double]] {
    var centres = [point(generator.below(rows))]
    var closest = (0..<rows).map { distance($0, centres[0]) }
    let trials = 2 + Int(log(Double(k)))
    while centres.count < k {
      let potential = closest.reduce(0, +)
      var bestRow = 0
      var bestDistances: [Double] = []
      var bestPotential = Double.infinity
      for _ in 0..<trials {
        let target = Double(generator.next() >> 11) * 0x1p-53 * potential
        let row = sampledRow(cumulativeOver: closest, reaching: target)
        let candidate = point(row)
        let distances = (0..<rows).map { min(closest[$0], distance($0, candidate)) }
        let candidatePotential = distances.reduce(0, +)
        if candidatePotential < bestPotential {
          (bestRow, bestDistances, bestPotential) = (row, distances, candidatePotential)
        }
      }
      centres.append(point(bestRow))
      closest = bestDistances
    }
    return centres
  }

  /// The first row whose cumulative weight reaches `target` (numpy's `searchsorted`, left).
  private func sampledRow(cumulativeOver weights: [Double], reaching target: Double) -> Int {
    var sum = 0.0
    for (row, weight) in weights.enumerated() {
      sum += weight
      if sum >= target { return row }
    }
    return rows - 1
  }

  /// Lloyd iterations from `initial` centres.
  private func lloyd(from initial: [[Double]], maxIterations: Int, threshold: Double) -> Fit {
    var centres = initial
    var labels = [Int](repeating: -1, count: rows)
    for _ in 0..<max(maxIterations, 1) {
      let assigned = assign(centres)
      let updated = means(of: assigned, previous: centres)
      var shift = 0.0
      for (new, old) in zip(updated, centres) {
        for j in 0..<width { shift += (new[j] - old[j]) * (new[j] - old[j]) }
      }
      centres = updated
      if assigned == labels { break }  // strict convergence: the labels stopped changing
      labels = assigned
      if shift <= threshold { break }
    }
    labels = assign(centres)
    let inertia = (0..<rows).reduce(0) { $0 + distance($1, centres[labels[$1]]) }
    return Fit(labels: labels, centres: centres, inertia: inertia)
  }

  /// Each row's nearest centre (the lowest index on ties).
  private func assign(_ centres: [[Double]]) -> [Int] {
    (0..<rows).map { row in
      var best = 0
      var bestDistance = Double.infinity
      for (index, centre) in centres.enumerated() {
        let d = distance(row, centre)
        if d < bestDistance { (best, bestDistance) = (index, d) }
      }
      return best
    }
  }

  /// The mean of each cluster; an empty cluster takes the row farthest from its own centre
  /// (then the next farthest, …), moved out of its old cluster's mean.
  private func means(of labels: [Int], previous: [[Double]]) -> [[Double]] {
    var sums = [[Double]](repeating: [Double](repeating: 0, count: width), count: previous.count)
    var counts = [Int](repeating: 0, count: previous.count)
    for row in 0..<rows {
      counts[labels[row]] += 1
      for j in 0..<width { sums[labels[row]][j] += points[row * width + j] }
    }
    let empty = counts.indices.filter { counts[$0] == 0 }
    if !empty.isEmpty {
      let farthest = (0..<rows).sorted {
        let (a, b) = (distance($0, previous[labels[$0]]), distance($1, previous[labels[$1]]))
        return a != b ? a > b : $0 < $1
      }
      for (cluster, row) in zip(empty, farthest) where counts[labels[row]] > 1 {
        counts[labels[row]] -= 1
        for j in 0..<width { sums[labels[row]][j] -= points[row * width + j] }
        counts[cluster] = 1
        sums[cluster] = point(row)
      }
    }
    return sums.indices.map { cluster in
      counts[cluster] == 0
        ? previous[cluster] : sums[cluster].map { $0 / Double(counts[cluster]) }
    }
  }

  /// Labels renumbered by first appearance over the rows; clusters left empty are dropped.
  private func renumbered(_ fit: Fit) -> Fit {
    var mapping: [Int: Int] = [:]
    var centres: [[Double]] = []
    let labels = fit.labels.map { label in
      if let known = mapping[label] { return known }
      mapping[label] = centres.count
      centres.append(fit.centres[label])
      return centres.count - 1
    }
    return Fit(labels: labels, centres: centres, inertia: fit.inertia)
  }
}
