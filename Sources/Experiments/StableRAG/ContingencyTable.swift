/// Counts of samples per (cluster, label) cell, the basis of purity and the pair-counting measures.
public struct ContingencyTable: Sendable, Equatable {
  /// Samples per cell: one row per cluster, one column per label (first-seen order).
  public let cells: [[Int]]
  /// Number of samples.
  public let total: Int

  /// Counts the cells of `pairs`, each one sample's cluster and label.
  public init<Cluster: Hashable, Label: Hashable>(_ pairs: some Sequence<(Cluster, Label)>) {
    var rows: [Cluster: Int] = [:]
    var columns: [Label: Int] = [:]
    var cells: [[Int]] = []
    var total = 0
    for (cluster, label) in pairs {
      let row: Int
      if let known = rows[cluster] {
        row = known
      } else {  // a new cluster: a new row of zeros
        row = cells.count
        rows[cluster] = row
        cells.append(Array(repeating: 0, count: columns.count))
      }
      let column: Int
      if let known = columns[label] {
        column = known
      } else {  // a new label: a new column of zeros
        column = columns.count
        columns[label] = column
        for r in cells.indices { cells[r].append(0) }
      }
      cells[row][column] += 1
      total += 1
    }
    self.cells = cells
    self.total = total
  }

  /// Samples per cluster (row sums).
  public var clusterSizes: [Int] { cells.map { $0.reduce(0, +) } }

  /// Samples per label (column sums).
  public var labelSizes: [Int] {
    guard let width = cells.first?.count else { return [] }
    return (0..<width).map { column in cells.reduce(0) { $0 + $1[column] } }
  }

  /// Unordered pairs of samples in the same cluster with the same label: Σ C(n_cl, 2).
  public var pairsTogetherInBoth: Int { cells.joined().reduce(0) { $0 + pairs($1) } }

  /// Unordered pairs of samples in the same cluster: Σ C(a_c, 2).
  public var pairsInSameCluster: Int { clusterSizes.reduce(0) { $0 + pairs($1) } }

  /// Unordered pairs of samples sharing a label: Σ C(b_l, 2).
  public var pairsWithSameLabel: Int { labelSizes.reduce(0) { $0 + pairs($1) } }

  /// Unordered pairs of all samples: C(n, 2).
  public var allPairs: Int { pairs(total) }
}

/// C(n, 2), the number of unordered pairs among `n` items.
private func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
