// SPDX-License-Identifier: MIT

/// The ACPI SLIT node distance table (`node_distance()`): it orders fallback, it is not a cost.
///
/// - Invariant: square, `LOCAL_DISTANCE` (10) on the diagonal, more than 10 elsewhere,
///   at most 255 (a SLIT entry is one byte; 255 means unreachable).
public struct DistanceMatrix: Hashable, Sendable {
  /// `LOCAL_DISTANCE`.
  public static let local = 10
  /// `REMOTE_DISTANCE`, the kernel's default for a node pair without a SLIT.
  public static let remote = 20
  /// `RECLAIM_DISTANCE`: `zone_reclaim_mode` reclaims locally only for nodes at most this far.
  public static let reclaimDistance = 30

  public let nodeCount: Int
  private let entries: [Int]

  /// Builds a matrix, checking the SLIT rules.
  public init(_ rows: [[Int]]) throws(TopologyError) {
    let n = rows.count
    for (i, row) in rows.enumerated() {
      guard row.count == n else {
        throw .invalid("distance matrix is not square: row \(i) has \(row.count) entries, expected \(n)")
      }
      for (j, d) in row.enumerated() {
        if i == j, d != DistanceMatrix.local {
          throw .invalid("distance[\(i)][\(j)] is \(d); the diagonal must be \(DistanceMatrix.local)")
        }
        if i != j, d <= DistanceMatrix.local || d > 255 {
          throw .invalid("distance[\(i)][\(j)] is \(d); off-diagonal distances must be 11...255")
        }
      }
    }
    nodeCount = n
    entries = rows.flatMap { $0 }
  }

  /// The default when no SLIT is given: 10 locally and `REMOTE_DISTANCE` (20) elsewhere.
  public static func uniform(nodes: Int, remote: Int = DistanceMatrix.remote) -> DistanceMatrix {
    // A uniform table always passes validation.
    try! DistanceMatrix(
      (0..<nodes).map { i in (0..<nodes).map { j in i == j ? local : remote } })
  }

  /// `node_distance(from, to)`.
  public subscript(from: NodeID, to: NodeID) -> Int { entries[from.index * nodeCount + to.index] }

  public var rows: [[Int]] {
    (0..<nodeCount).map { i in Array(entries[(i * nodeCount)..<((i + 1) * nodeCount)]) }
  }
}

/// An error in a machine description.
public enum TopologyError: Error, Equatable, CustomStringConvertible {
  case invalid(String)
  public var description: String {
    switch self {
    case .invalid(let message): message
    }
  }
}
