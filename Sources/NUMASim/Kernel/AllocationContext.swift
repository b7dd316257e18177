// SPDX-License-Identifier: MIT

/// One allocation request, as a CPU issues it.
public struct AllocationRequest: Sendable {
  public var order: Int
  public var gfp: GFPFlags
  public var cpu: Int
  public var policy: MemPolicy
  /// The task's interleave counter (`il_prev`): the n-th request of an interleaving task.
  public var interleaveIndex: Int

  public init(order: Int, gfp: GFPFlags, cpu: Int, policy: MemPolicy = .local, interleaveIndex: Int = 0) {
    self.order = order
    self.gfp = gfp
    self.cpu = cpu
    self.policy = policy
    self.interleaveIndex = interleaveIndex
  }
}

/// What the allocator derives from a request before walking zones.
///
/// Mirrors: `struct alloc_context` and `prepare_alloc_pages()` in mm/page_alloc.c and
/// `policy_node()`/`policy_nodemask()`/`interleave_nid()` in mm/mempolicy.c (Linux 6.18).
public struct AllocationContext: Sendable {
  /// The zones to try, in order: the zonelist filtered to `highestZoneIndex` and the nodemask.
  public var zones: [Int]
  /// The zonelist before filtering by the nodemask (what `for_each_zone_zonelist` walks).
  public var zonelist: [Int]
  public var highestZoneIndex: Int
  public var migratetype: Int
  /// `ac->preferred_zoneref`'s zone, or `nil` if no zone is allowed.
  public var preferredZone: Int?
  /// `numa_node_id()` of the allocating CPU.
  public var cpuNode: Int
  /// The interleave target, for `numa_interleave`.
  public var interleaveNode: Int?
  /// `MPOL_BIND` nodes, or `nil`.
  public var nodemask: [Int]?
}

extension PageAllocator {
  /// Builds the context of a request.
  public func context(for request: AllocationRequest) -> AllocationContext {
    let cpuNode = cpuNode[request.cpu]
    var nid = cpuNode
    var nodemask: [Int]?
    var interleaveNode: Int?
    switch request.policy {
    case .local: break
    case .preferred(let n): nid = n.index
    case .bind(let nodes):
      nodemask = nodes.map(\.index)
      if !nodes.contains(NodeID(cpuNode)), let first = nodes.first { nid = first.index }
    case .interleave(let nodes):
      let memory = nodes.filter { nodeHasMemory($0.index) }
      if !memory.isEmpty {
        nid = memory[request.interleaveIndex % memory.count].index
        interleaveNode = nid
      }
    }
    let highest = request.gfp.highestZoneIndex(on: architecture)
    let zonelist: [Int]
    if request.gfp.contains(.thisNode) {
      zonelist = (0..<zonesPerNode).reversed().map { flatZone(node: nid, zoneIdx: $0) }.filter { zones[$0].isPopulated }
    } else {
      zonelist = zonelists[nid]
    }
    let allowed = zonelist.filter { z in
      zones[z].id.index <= highest && (nodemask.map { $0.contains(zones[z].id.node.index) } ?? true)
    }
    return AllocationContext(
      zones: allowed, zonelist: zonelist, highestZoneIndex: highest, migratetype: Int(request.gfp.migratetype.rawValue),
      preferredZone: allowed.first, cpuNode: cpuNode, interleaveNode: interleaveNode, nodemask: nodemask)
  }

  /// `node_state(nid, N_MEMORY)`.
  public func nodeHasMemory(_ node: Int) -> Bool {
    (0..<zonesPerNode).contains { zones[flatZone(node: node, zoneIdx: $0)].isPopulated }
  }

  /// The fast path's extra flags.
  ///
  /// Mirrors: `alloc_flags_nofragment()` in mm/page_alloc.c (Linux 6.18): `ALLOC_KSWAPD` for
  /// `__GFP_KSWAPD_RECLAIM`; `ALLOC_NOFRAGMENT` when the preferred zone is ZONE_NORMAL and the
  /// node's DMA32 is populated (always on a one-node machine).
  func noFragmentFlags(preferredZone: Int?, gfp: GFPFlags) -> AllocFlags {
    var flags: AllocFlags = gfp.contains(.kswapdReclaim) ? .kswapd : []
    guard let z = preferredZone, zones[z].type == .normal, let dma32 = architecture.zoneIndex(of: .dma32),
      dma32 == zones[z].id.index - 1
    else { return flags }
    if nodeCount > 1 && !zones[z - 1].isPopulated { return flags }
    flags.insert(.noFragment)
    return flags
  }
}
