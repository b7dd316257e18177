// SPDX-License-Identifier: MIT

/// What `node_reclaim()` achieved.
///
/// Mirrors: `NODE_RECLAIM_NOSCAN`, `NODE_RECLAIM_FULL`, `NODE_RECLAIM_SOME` in mm/internal.h.
public enum NodeReclaimResult: Sendable {
  case noScan, full, some
}

/// The bits of `vm.zone_reclaim_mode`.
///
/// Mirrors: `RECLAIM_ZONE`, `RECLAIM_WRITE`, `RECLAIM_UNMAP` in mm/internal.h (Linux 6.18).
public struct NodeReclaimMode: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  /// `RECLAIM_ZONE`: reclaim the local node before going off it.
  public static let zone = NodeReclaimMode(rawValue: 1)
  /// `RECLAIM_WRITE`: write dirty pages out (`may_writepage`).
  public static let write = NodeReclaimMode(rawValue: 2)
  /// `RECLAIM_UNMAP`: unmap mapped pages (`may_unmap`).
  public static let unmap = NodeReclaimMode(rawValue: 4)

  /// `node_reclaim_enabled()`: any of the three bits.
  public var isEnabled: Bool { !isDisjoint(with: [.zone, .write, .unmap]) }
}

extension Reclaim {
  /// `NODE_RECLAIM_PRIORITY`.
  static var nodeReclaimPriority: Int { 4 }

  /// `pgdat->min_unmapped_pages`: the page cache a node keeps from `node_reclaim()`.
  ///
  /// Mirrors: `setup_min_unmapped_ratio()` in mm/page_alloc.c (Linux 6.18): the sum over the
  /// node's zones of `zone_managed_pages(zone) * sysctl_min_unmapped_ratio / 100`.
  public static func minUnmappedPages(_ a: borrowing PageAllocator, node: Int) -> Int {
    var pages = 0
    for z in a.zones(ofNode: node) { pages += a.zones[z].managed * a.sysctl.minUnmappedRatio / 100 }
    return pages
  }

  /// The page cache `node_reclaim()` could reclaim in this mode.
  ///
  /// Mirrors: `node_pagecache_reclaimable()` and `node_unmapped_file_pages()` in mm/vmscan.c
  /// (Linux 6.18): all file pages with `RECLAIM_UNMAP`, else the file LRU less `NR_FILE_MAPPED`;
  /// less `NR_FILE_DIRTY` without `RECLAIM_WRITE`.
  public func nodePagecacheReclaimable(node: Int, mode: NodeReclaimMode) -> Int {
    let n = nodes[node]
    let fileLRU = n.lruvec.size(.inactiveFile) + n.lruvec.size(.activeFile)
    let reclaimable = mode.contains(.unmap) ? fileLRU : Swift.max(fileLRU - n.fileMapped, 0)
    let delta = mode.contains(.write) ? 0 : n.fileDirty
    return reclaimable - Swift.min(delta, reclaimable)
  }

  /// Reclaims locally before the allocator falls back to another node.
  ///
  /// Mirrors: `node_reclaim()` → `__node_reclaim()` in mm/vmscan.c (Linux 6.18): nothing
  /// (`NODE_RECLAIM_FULL`) while the reclaimable page cache is at most `min_unmapped_pages`;
  /// no scan (`NODE_RECLAIM_NOSCAN`) when the caller may not block, when the node has CPUs
  /// and is not the caller's, or when another task holds `PGDAT_RECLAIM_LOCKED`; else at
  /// priority 4 (`NODE_RECLAIM_PRIORITY`) and below until `1 << order` pages are reclaimed,
  /// each `shrink_node()` for `max(1 << order, SWAP_CLUSTER_MAX)` pages with
  /// `may_writepage = RECLAIM_WRITE`, `may_unmap = RECLAIM_UNMAP` and
  /// `reclaim_idx = gfp_zone(gfp)`; counts `zone_reclaim_success` when `1 << order` pages
  /// came back, else `zone_reclaim_failed` (a `NODE_RECLAIM_SOME` result). The work and the
  /// pages are added to `task`, and the node to the ones whose lock the task holds for the
  /// work's duration.
  /// - Deviation: reclaimable slab is not counted (`min_slab_pages`; no shrinkers).
  public mutating func nodeReclaim(
    _ a: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int, task: inout TaskContext
  ) -> NodeReclaimResult {
    let mode = NodeReclaimMode(rawValue: a.sysctl.zoneReclaimMode)
    guard nodePagecacheReclaimable(node: node, mode: mode) > Self.minUnmappedPages(a, node: node) else {
      return .full
    }
    guard gfp.allowsBlocking else { return .noScan }
    if a.cpuNode.contains(node) && a.cpuNode[task.cpu] != node { return .noScan }
    if nodes[node].nodeReclaimLockedUntil > task.now { return .noScan }
    var sc = ScanControl(
      nrToReclaim: Swift.max(1 << order, Kswapd.swapClusterMax), gfpMask: gfp, order: order,
      priority: Self.nodeReclaimPriority, reclaimIndex: a.gfpZone(gfp), isKswapd: false, cpu: task.cpu,
      now: task.now)
    sc.mayWritepage = mode.contains(.write)
    sc.mayUnmap = mode.contains(.unmap)
    while true {
      shrinkNode(&a, node: node, &sc)
      guard sc.nrReclaimed < 1 << order, sc.priority > 0 else { break }
      sc.priority -= 1
    }
    task.reclaim += sc.nr
    task.nodeReclaim += sc.nr
    task.reclaimed += sc.nrReclaimed
    if !task.nodeReclaimLocked.contains(Int32(node)) { task.nodeReclaimLocked.append(Int32(node)) }
    let succeeded = sc.nrReclaimed >= 1 << order
    a.counters[succeeded ? .zoneReclaimSuccess : .zoneReclaimFailed] &+= 1
    return .some
  }
}
