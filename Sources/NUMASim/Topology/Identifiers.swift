// SPDX-License-Identifier: MIT

/// A NUMA node number, as in `pgdat->node_id`.
public struct NodeID: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
  public var index: Int
  public init(_ index: Int) { self.index = index }
  public static func < (a: NodeID, b: NodeID) -> Bool { a.index < b.index }
  public var description: String { "\(index)" }
}

/// A logical CPU number, as `numa_node_id()` and `cpumask_of_node()` see it.
public struct CPUID: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
  public var index: Int
  public init(_ index: Int) { self.index = index }
  public static func < (a: CPUID, b: CPUID) -> Bool { a.index < b.index }
  public var description: String { "\(index)" }
}

/// A zone: its node and its index in the architecture's zone layout (`zone_idx()`).
public struct ZoneID: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
  public var node: NodeID
  public var index: Int
  public init(node: NodeID, index: Int) {
    self.node = node
    self.index = index
  }
  public static func < (a: ZoneID, b: ZoneID) -> Bool {
    (a.node.index, a.index) < (b.node.index, b.index)
  }
  public var description: String { "\(node.index):\(index)" }
}
