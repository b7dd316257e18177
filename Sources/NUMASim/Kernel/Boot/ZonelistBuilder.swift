// SPDX-License-Identifier: MIT

/// The order in which an allocation tries zones: a node's fallback zonelist.
///
/// Mirrors: `node_zonelists[ZONELIST_FALLBACK]` and `[ZONELIST_NOFALLBACK]` in
/// include/linux/mmzone.h (Linux 6.18).
public struct Zonelist: Hashable, Sendable {
  /// The node whose list this is.
  public var node: NodeID
  /// Nodes in fallback order (what `Fallback order for Node N:` prints).
  public var nodeOrder: [NodeID]
  /// Populated zones in fallback order: per node, highest zone index first.
  public var zones: [ZoneID]
  /// `ZONELIST_NOFALLBACK`: the node's own populated zones, for `__GFP_THISNODE`.
  public var thisNodeZones: [ZoneID]
}

/// Builds every node's zonelists.
public enum ZonelistBuilder {
  /// `PENALTY_FOR_NODE_WITH_CPUS`.
  static let penaltyForNodeWithCPUs = 1
  /// `MAX_NUMNODES` = `1 << CONFIG_NODES_SHIFT`; 10 in Debian, Ubuntu and RHEL x86-64 kernels.
  public static let defaultMaxNumNodes = MachineLimits.nodes

  /// Builds the zonelists of all nodes in ascending node id, sharing one `node_load[]`.
  /// O(nodes³), as the kernel's loop is: about a second for 1024 nodes.
  ///
  /// Mirrors: `__build_all_zonelists()` → `build_zonelists()` → `find_next_best_node()` in
  /// mm/page_alloc.c (Linux 6.18): the score of a candidate `n` for node `local` is
  ///
  ///     (distance(local, n) + (n < local) + (n has CPUs ? 1 : 0)) * MAX_NUMNODES + node_load[n]
  ///
  /// lowest first, ties to the lower id; the first node of each new distance group gets
  /// `node_load[n] += 1` (5.19+; earlier rules in ``NodeLoadRule``).
  /// - Parameters:
  ///   - applyCPUPenalty: whether `cpumask_of_node()` is populated when the lists are built.
  ///     At x86-64 boot it is not (lists are built before CPUs are added to node masks);
  ///     rebuilds after memory hotplug do see CPUs.
  public static func build(
    nodes: [NodeLayout], distances: DistanceMatrix, kernel: KernelVersion,
    applyCPUPenalty: Bool = false, maxNumNodes: Int = defaultMaxNumNodes
  ) -> [Zonelist] {
    var nodeLoad = Array(repeating: 0, count: nodes.count)
    let memoryNodes = nodes.filter(\.hasMemory).map(\.id)
    let online = nodes.count
    return nodes.map { local in
      var used = [Bool](repeating: false, count: nodes.count)
      var order: [NodeID] = []
      var prev = local.id
      var load = online
      while let n = nextBestNode(
        local: local, used: &used, memoryNodes: memoryNodes, nodes: nodes,
        distances: distances, nodeLoad: nodeLoad, kernel: kernel,
        applyCPUPenalty: applyCPUPenalty, maxNumNodes: maxNumNodes, onlineNodes: online)
      {
        if distances[local.id, n] != distances[local.id, prev] {
          switch kernel.zonelistNodeLoadRule {
          case .incrementByOne: nodeLoad[n.index] += 1
          case .accumulateLoad: nodeLoad[n.index] += load
          case .assignDecreasingLoad: nodeLoad[n.index] = load
          }
        }
        order.append(n)
        prev = n
        load -= 1
      }
      let zones = order.flatMap { populatedZonesHighestFirst(of: nodes[$0.index]) }
      return Zonelist(
        node: local.id, nodeOrder: order, zones: zones,
        thisNodeZones: populatedZonesHighestFirst(of: local))
    }
  }

  /// Mirrors: `find_next_best_node()` in mm/page_alloc.c (Linux 6.18).
  ///
  /// - Deviation: before 6.7 a memoryless local node is returned first, as the kernel did;
  ///   it contributes no zones.
  static func nextBestNode(
    local: NodeLayout, used: inout [Bool], memoryNodes: [NodeID], nodes: [NodeLayout],
    distances: DistanceMatrix, nodeLoad: [Int], kernel: KernelVersion, applyCPUPenalty: Bool,
    maxNumNodes: Int, onlineNodes: Int
  ) -> NodeID? {
    if !used[local.id.index], local.hasMemory || !kernel.skipsMemorylessLocalNode {
      used[local.id.index] = true
      return local.id
    }
    let weight =
      kernel.zonelistNodeLoadRule == .assignDecreasingLoad ? onlineNodes * maxNumNodes : maxNumNodes
    var best: NodeID?
    var bestValue = Int.max
    for n in memoryNodes where !used[n.index] {
      var value = distances[local.id, n]
      if n < local.id { value += 1 }
      if applyCPUPenalty, nodes[n.index].hasCPUs { value += penaltyForNodeWithCPUs }
      value = value * weight + nodeLoad[n.index]
      if value < bestValue {
        bestValue = value
        best = n
      }
    }
    if let best { used[best.index] = true }
    return best
  }

  /// Mirrors: `build_zonerefs_node()` in mm/page_alloc.c (Linux 6.18): populated zones,
  /// highest `zone_idx()` first.
  static func populatedZonesHighestFirst(of node: NodeLayout) -> [ZoneID] {
    node.zones.indices.reversed().filter { node.zones[$0].isPopulated }.map {
      ZoneID(node: node.id, index: $0)
    }
  }
}
