// SPDX-License-Identifier: MIT

extension Reclaim {
  /// Reclaims from one node's LRU lists.
  ///
  /// Mirrors: `shrink_node()` → `shrink_lruvec()` in mm/vmscan.c (Linux 6.18): the inactive
  /// lists are scanned in `SWAP_CLUSTER_MAX` batches in the proportions of
  /// `get_scan_count()`; direct reclaim stops once it has `nr_to_reclaim`; the active lists
  /// are aged by `shrink_active_list()` when `inactive_is_low()`; a pass that reclaimed
  /// anything resets `kswapd_failures`.
  /// - Deviation: the active lists are aged after the inactive scan, by
  ///   `max(SWAP_CLUSTER_MAX, active >> priority)` pages capped at `4 * SWAP_CLUSTER_MAX`,
  ///   not interleaved with it; no slab shrinking.
  public mutating func shrinkNode(_ a: inout PageAllocator, node: Int, _ sc: inout ScanControl) {
    let startReclaimed = sc.nrReclaimed
    let target = sc.nrReclaimed + sc.nrToReclaim
    var nr = getScanCount(a, node: node, sc)
    let batch = Kswapd.swapClusterMax
    while sc.nrReclaimed < target, nr.inactive > 0 {
      for l in [LRUList.inactiveAnon, .inactiveFile] where nr[l] > 0 {
        let n = Swift.min(batch, nr[l])
        nr[l] -= n
        shrinkInactiveList(&a, node: node, file: l.isFile, count: n, &sc)
        if sc.nrReclaimed >= target && !sc.isKswapd { break }
      }
    }
    for file in [false, true] where nodes[node].lruvec.inactiveIsLow(file: file) {
      if !file && !swap.hasFree { continue }
      let n = Swift.max(batch, nodes[node].lruvec.size(.active(file: file)) >> sc.priority)
      shrinkActiveList(&a, node: node, file: file, count: Swift.min(n, 4 * batch), &sc)
    }
    access.scanned(node: node, at: sc.now)
    if sc.nrReclaimed > startReclaimed { nodes[node].kswapdFailures = 0 }
  }
}
