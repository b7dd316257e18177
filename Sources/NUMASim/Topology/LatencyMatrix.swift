// SPDX-License-Identifier: MIT

/// Memory access latency between a CPU's node and a page's node, in nanoseconds.
///
/// Distance is not latency: an AMD EPYC with SLIT distances 10/12/32 measured about
/// 107/117/200 ns (see `users-and-measurements.md`), far from proportional. When no matrix is
/// given it is derived from the distances by ``derived(from:localNanoseconds:nanosecondsPerDistanceUnit:)``.
public struct LatencyMatrix: Hashable, Sendable {
  /// Default local DRAM load-to-use latency: 107 ns, the EPYC local figure.
  public static let defaultLocalNanoseconds = 107
  /// Default slope: 4.2 ns per SLIT unit above 10, the least-squares fit of the EPYC
  /// figures (10 → 107, 12 → 117, 32 → 200 ns), kept as tenths to stay in integers.
  public static let defaultTenthsOfNanosecondsPerDistanceUnit = 42

  public let nodeCount: Int
  private let entries: [Int]

  public init(_ rows: [[Int]], nodeCount expected: Int) throws(TopologyError) {
    guard rows.count == expected, rows.allSatisfy({ $0.count == expected }) else {
      throw .invalid(
        "latency matrix must be \(expected)x\(expected) (one row and column per node), got \(rows.count) rows"
      )
    }
    for (i, row) in rows.enumerated() {
      for (j, v) in row.enumerated() where v <= 0 {
        throw .invalid("latency[\(i)][\(j)] is \(v) ns; latencies must be positive")
      }
    }
    nodeCount = expected
    entries = rows.flatMap { $0 }
  }

  /// Derives latencies as `local + (distance − 10) × slope`, rounded to whole nanoseconds.
  public static func derived(
    from distances: DistanceMatrix,
    localNanoseconds: Int = defaultLocalNanoseconds,
    tenthsOfNanosecondsPerDistanceUnit slope: Int = defaultTenthsOfNanosecondsPerDistanceUnit
  ) -> LatencyMatrix {
    let n = distances.nodeCount
    let rows = (0..<n).map { i in
      (0..<n).map { j in
        localNanoseconds + ((distances[NodeID(i), NodeID(j)] - DistanceMatrix.local) * slope + 5) / 10
      }
    }
    // Derived values are positive by construction.
    return try! LatencyMatrix(rows, nodeCount: n)
  }

  /// Latency of an access from `cpuNode` to memory on `memoryNode`, in ns.
  public subscript(from cpuNode: NodeID, to memoryNode: NodeID) -> Int {
    entries[cpuNode.index * nodeCount + memoryNode.index]
  }

  public var rows: [[Int]] {
    (0..<nodeCount).map { i in Array(entries[(i * nodeCount)..<((i + 1) * nodeCount)]) }
  }
}
