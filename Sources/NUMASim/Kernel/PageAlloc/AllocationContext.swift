// SPDX-License-Identifier: MIT

/// A memory policy in the form the allocator's hot path reads: a mode and a node mask.
///
/// - Deviation: node masks hold nodes 0...63 (`MAX_NUMNODES` is larger in distribution
///   kernels); machines with more nodes can use the local and preferred policies only.
public struct NodePolicy: Hashable, Sendable, BitwiseCopyable {
  public enum Mode: UInt8, Sendable, BitwiseCopyable { case local, preferred, bind, interleave }
  public var mode: Mode
  /// The policy's nodes (`pol->nodes`) as a bit mask.
  public var nodes: UInt64

  public init(_ policy: MemPolicy) {
    func mask(_ ns: [NodeID]) -> UInt64 { ns.reduce(0) { $1.index < 64 ? $0 | (1 << UInt64($1.index)) : $0 } }
    switch policy {
    case .local: (mode, nodes) = (.local, 0)
    case .preferred(let n): (mode, nodes) = (.preferred, mask([n]))
    case .bind(let ns): (mode, nodes) = (.bind, mask(ns))
    case .interleave(let ns): (mode, nodes) = (.interleave, mask(ns))
    }
  }
}

/// One allocation request, as a CPU issues it.
public struct AllocationRequest: Sendable, BitwiseCopyable {
  public var order: Int
  public var gfp: GFPFlags
  public var cpu: Int
  public var policy: NodePolicy
  /// The task's interleave counter (`il_prev`): the n-th request of an interleaving task.
  public var interleaveIndex: Int

  public init(order: Int, gfp: GFPFlags, cpu: Int, policy: MemPolicy = .local, interleaveIndex: Int = 0) {
    self.init(order: order, gfp: gfp, cpu: cpu, nodePolicy: NodePolicy(policy), interleaveIndex: interleaveIndex)
  }

  public init(order: Int, gfp: GFPFlags, cpu: Int, nodePolicy: NodePolicy, interleaveIndex: Int = 0) {
    self.order = order
    self.gfp = gfp
    self.cpu = cpu
    self.policy = nodePolicy
    self.interleaveIndex = interleaveIndex
  }
}

/// What the allocator derives from a request before walking zones.
///
/// Mirrors: `struct alloc_context` and `prepare_alloc_pages()` in mm/page_alloc.c and
/// `policy_node()`/`policy_nodemask()`/`interleave_nid()` in mm/mempolicy.c (Linux 6.18).
/// The zones to try are a range of the allocator's precomputed zonelists (already cut at
/// `highest_zoneidx`), filtered by `nodemask` while walking.
public struct AllocationContext: Sendable, BitwiseCopyable {
  public var listStart: Int
  public var listEnd: Int
  /// `MPOL_BIND` nodes, or all ones.
  public var nodemask: UInt64
  public var highestZoneIndex: Int
  public var migratetype: Int
  /// `ac->preferred_zoneref`'s zone, or −1 if no zone is allowed.
  public var preferredZone: Int
  /// `numa_node_id()` of the allocating CPU.
  public var cpuNode: Int
  /// The interleave target for `numa_interleave`, or −1.
  public var interleaveNode: Int

  @inline(__always) func allows(node: Int) -> Bool { node >= 64 || nodemask & (1 << UInt64(node)) != 0 }
}

/// The zones a context walks, in zonelist order, without building an array: the slow path
/// walks them several times per allocation.
///
/// Mirrors: `for_each_zone_zonelist_nodemask()` in include/linux/mmzone.h (Linux 6.18).
public struct ZonelistWalk: Sequence, IteratorProtocol {
  let storage: ContiguousArray<Int32>
  var position: Int
  let end: Int
  let zonesPerNode: Int
  let context: AllocationContext

  public mutating func next() -> Int? {
    while position < end {
      let z = Int(storage[position])
      position &+= 1
      // Flat zone indices are `node * zonesPerNode + zone_idx`.
      if context.allows(node: z / zonesPerNode) { return z }
    }
    return nil
  }
}

extension PageAllocator {
  /// The zones of a context, in walk order.
  public func zones(of ac: AllocationContext) -> ZonelistWalk {
    ZonelistWalk(
      storage: zonelistStorage, position: ac.listStart, end: ac.listEnd, zonesPerNode: zonesPerNode, context: ac)
  }

  /// Builds the context of a request.
  @inline(__always)
  public func context(for request: AllocationRequest) -> AllocationContext {
    let cpuNode = cpuNode[request.cpu]
    var nid = cpuNode
    var nodemask = UInt64.max
    var interleaveNode = -1
    let policy = request.policy
    switch policy.mode {
    case .local: break
    case .preferred: nid = policy.nodes.trailingZeroBitCount
    case .bind:
      nodemask = policy.nodes
      if nodemask & (1 << UInt64(cpuNode)) == 0 { nid = nodemask.trailingZeroBitCount }
    case .interleave:
      let memory = policy.nodes & memoryNodeMask
      let count = memory.nonzeroBitCount
      if count > 0 {
        var k = request.interleaveIndex % count
        var m = memory
        while k > 0 {
          m &= m - 1
          k -= 1
        }
        nid = m.trailingZeroBitCount
        interleaveNode = nid
      }
    }
    let highest = gfpZone(request.gfp)
    let key = (nid * 2 + (request.gfp.contains(.thisNode) ? 1 : 0)) * zonesPerNode + highest
    let range = zonelistRanges[key]
    var preferred = -1
    for i in range where preferred < 0 {
      let z = Int(zonelistStorage[i])
      let node = zones[z].id.node.index
      if node >= 64 || nodemask & (1 << UInt64(node)) != 0 { preferred = z }
    }
    return AllocationContext(
      listStart: range.lowerBound, listEnd: range.upperBound, nodemask: nodemask, highestZoneIndex: highest,
      migratetype: Int(request.gfp.migratetype.rawValue), preferredZone: preferred, cpuNode: cpuNode,
      interleaveNode: interleaveNode)
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
  @inline(__always)
  func noFragmentFlags(preferredZone z: Int, gfp: GFPFlags) -> AllocFlags {
    var flags: AllocFlags = gfp.contains(.kswapdReclaim) ? .kswapd : []
    guard z >= 0, zones[z].type == .normal, let dma32 = dma32Index, dma32 == zones[z].id.index - 1 else { return flags }
    if nodeCount > 1 && !zones[z - 1].isPopulated { return flags }
    flags.insert(.noFragment)
    return flags
  }
}

extension PageAllocator {
  /// `gfp_zone(gfp)`: the highest zone index the flags allow.
  @inline(__always) public func gfpZone(_ gfp: GFPFlags) -> Int {
    gfpZoneTable[Int(gfp.rawValue & GFPFlags.zoneModifierMask)]
  }
}
