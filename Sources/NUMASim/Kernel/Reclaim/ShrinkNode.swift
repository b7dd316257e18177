// SPDX-License-Identifier: MIT

extension Reclaim {
  /// Reclaims from one node's LRU lists.
  ///
  /// Mirrors: `shrink_node()` → `shrink_node_memcgs()` → `shrink_lruvec()` in mm/vmscan.c
  /// (Linux 6.18): ``prepareScanControl(_:node:_:)``, one whole ``LRUScan`` pass, and
  /// ``endShrinkNode(_:node:reclaimedBefore:_:)``.
  /// - Deviation: no memory cgroups (one lruvec per node), no slab shrinking, and no
  ///   `should_continue_reclaim()` loop for reclaim/compaction.
  public mutating func shrinkNode(_ a: inout PageAllocator, node: Int, _ sc: inout ScanControl) {
    let before = sc.nrReclaimed
    var scan = beginShrinkNode(a, node: node, &sc)
    var budget = Int.max
    _ = continueShrinkLruvec(&a, node: node, &scan, &sc, budget: &budget)
    endShrinkNode(&a, node: node, reclaimedBefore: before, &sc)
  }

  /// The start of `shrink_node()`: `sc`'s per-pass fields, then the scan targets.
  public func beginShrinkNode(_ a: borrowing PageAllocator, node: Int, _ sc: inout ScanControl) -> LRUScan {
    prepareScanControl(a, node: node, &sc)
    return beginShrinkLruvec(a, node: node, sc)
  }

  /// The end of `shrink_node()`: the anon lists rebalanced, the scan recorded for the access
  /// model, and a pass that reclaimed anything resets `kswapd_failures`.
  public mutating func endShrinkNode(
    _ a: inout PageAllocator, node: Int, reclaimedBefore: Int, _ sc: inout ScanControl
  ) {
    ageAnonIfLow(&a, node: node, &sc)  // the tail of shrink_lruvec()
    access.scanned(node: node, at: sc.now)
    if sc.nrReclaimed > reclaimedBefore { nodes[node].kswapdFailures = 0 }
  }

  /// Sets the per-pass fields of `sc` from the node's LRU state.
  ///
  /// Mirrors: `prepare_scan_control()` in mm/vmscan.c (Linux 6.18), for reclaim outside any
  /// memory cgroup: `anon_cost`/`file_cost` from the lruvec; `may_deactivate` of a type when
  /// its inactive list is low (`inactive_is_low()`); `cache_trim_mode` when
  /// `inactive_file >> priority` is non-zero and the file lists need no aging; `file_is_tiny`
  /// when the node's page cache plus free pages are at or below the sum of its high marks,
  /// the anon lists need no aging and `inactive_anon >> priority` is non-zero.
  /// - Deviation: refaults (`WORKINGSET_ACTIVATE_*`) are not modelled, so they never set
  ///   `may_deactivate`; `force_deactivate` and `no_cache_trim_mode`, the retries that lift
  ///   these limits when a whole reclaim fails, are not modelled.
  public func prepareScanControl(_ a: borrowing PageAllocator, node: Int, _ sc: inout ScanControl) {
    let lru = nodes[node].lruvec
    sc.anonCost = lru.anonCost
    sc.fileCost = lru.fileCost
    sc.mayDeactivateAnon = lru.inactiveIsLow(file: false)
    sc.mayDeactivateFile = lru.inactiveIsLow(file: true)
    sc.cacheTrimMode = lru.size(.inactiveFile) >> sc.priority != 0 && !sc.mayDeactivateFile
    var highMarks = 0
    for z in a.zones(ofNode: node) where a.zones[z].isManaged { highMarks += a.zones[z].mark(.high) }
    let file = lru.size(.inactiveFile) + lru.size(.activeFile)
    sc.fileIsTiny =
      file + a.nodeSum(node, \.freePages) <= highMarks && !sc.mayDeactivateAnon
      && lru.size(.inactiveAnon) >> sc.priority != 0
  }
}
