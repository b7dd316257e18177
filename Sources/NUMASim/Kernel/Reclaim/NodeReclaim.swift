// SPDX-License-Identifier: MIT

/// What `node_reclaim()` achieved.
///
/// Mirrors: `NODE_RECLAIM_NOSCAN`, `NODE_RECLAIM_FULL`, `NODE_RECLAIM_SOME` in mm/internal.h.
public enum NodeReclaimResult: Sendable {
  case noScan, full, some
}

extension Reclaim {
  /// `NODE_RECLAIM_PRIORITY`.
  static var nodeReclaimPriority: Int { 4 }

  /// Reclaims locally before the allocator falls back to another node.
  ///
  /// Mirrors: `node_reclaim()` → `__node_reclaim()` in mm/vmscan.c (Linux 6.18): only when the
  /// node's page cache exceeds `min_unmapped_ratio` of it and the caller may block, at
  /// priority 4 (`NODE_RECLAIM_PRIORITY`) and below until `1 << order` pages are reclaimed,
  /// each `shrink_node()` for `max(1 << order, SWAP_CLUSTER_MAX)` pages;
  /// counts `zone_reclaim_success` / `zone_reclaim_failed`. The work done is added to
  /// `task.reclaim`.
  /// - Deviation: every page-cache page counts as unmapped; `RECLAIM_WRITE` and
  ///   `RECLAIM_UNMAP` are not honoured; no local-node-only or one-reclaimer-per-node rule.
  public mutating func nodeReclaim(
    _ a: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int, task: inout TaskContext
  ) -> NodeReclaimResult {
    let lru = nodes[node].lruvec
    let file = lru.size(.inactiveFile) + lru.size(.activeFile)
    guard file * 100 > a.nodeSum(node, \.managed) * a.sysctl.minUnmappedRatio, gfp.allowsBlocking else {
      return .full
    }
    var sc = ScanControl(
      nrToReclaim: Swift.max(1 << order, Kswapd.swapClusterMax), gfpMask: gfp, order: order,
      priority: Self.nodeReclaimPriority, reclaimIndex: a.zonesPerNode - 1, isKswapd: false, cpu: task.cpu,
      now: task.now)
    while true {
      shrinkNode(&a, node: node, &sc)
      guard sc.nrReclaimed < 1 << order, sc.priority > 0 else { break }
      sc.priority -= 1
    }
    task.reclaim += sc.nr
    if sc.nrReclaimed > 0 {
      a.counters[.zoneReclaimSuccess] &+= 1
      return .some
    }
    a.counters[.zoneReclaimFailed] &+= 1
    return .full
  }
}
