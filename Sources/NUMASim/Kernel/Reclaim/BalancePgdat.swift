// SPDX-License-Identifier: MIT

/// One `balance_pgdat(pgdat, order, highest_zoneidx)` call in progress: its `scan_control`
/// and the locals that outlive one priority.
public struct BalanceRun: Sendable {
  /// `order` as asked (`alloc_order`); `sc.order` may fall back to 0.
  public let allocOrder: Int
  /// `highest_zoneidx`.
  public let highestZoneIndex: Int
  /// `sc`: priority, order, `nr_reclaimed` and the rest, kept across priorities.
  public var sc: ScanControl
  /// `nr_boost_reclaim`: boost pages still to reclaim; 0 once the run is a normal one.
  public var nrBoostReclaim: Int
  /// `zone_boosts[]`: each zone's boost when the run began.
  public var zoneBoosts: InlineArray<6, Int>
  /// The `kswapd_shrink_node()` of the current priority, while it is under way.
  public var pass: KswapdPass?
}

/// One `kswapd_shrink_node()` under way: its `shrink_lruvec()` and the loop's locals.
public struct KswapdPass: Sendable {
  public var scan: LRUScan
  /// `sc.nr_reclaimed` when the priority's iteration began.
  public let reclaimedBefore: Int
  /// `raise_priority`.
  public var raisePriority: Bool
}

/// What one kswapd step did, and what kswapd does next.
public struct KswapdStep: Sendable {
  /// The work the step did, for the cost model.
  public var work: ReclaimStat
  /// Whether kswapd goes on to another step (of this run or of a new one) rather than nap.
  public var continues: Bool
}

extension Reclaim {
  /// One step of kswapd: up to ``Kswapd/stepPages`` pages of `balance_pgdat()`'s work.
  ///
  /// Mirrors: `balance_pgdat()` and `kswapd_shrink_node()` in mm/vmscan.c (Linux 6.18):
  /// `pageoutrun` per run; the boosts of the zones up to `highest_zoneidx` summed into
  /// `nr_boost_reclaim` (a run that finds the node imbalanced drops the boost and restarts
  /// as a normal one); `ZONE_RECLAIM_ACTIVE` set on those zones for the run
  /// (``setReclaimActive(_:node:highestZoneIndex:_:)``); then from `DEF_PRIORITY` down: done
  /// once balanced (for a boosted run, once the boost is reclaimed); boosted reclaim neither
  /// writes nor swaps and keeps its priority from going below `DEF_PRIORITY - 2`;
  /// `kswapd_age_node()`; one `shrink_node()` pass for `nr_to_reclaim` = the sum over managed
  /// zones of `max(high_wmark, SWAP_CLUSTER_MAX)`; the order falls back to 0 once
  /// `compact_gap(order)` pages are reclaimed; the priority is raised when the pass scanned
  /// and reclaimed less than `nr_to_reclaim`, or reclaimed nothing. A run that reclaimed
  /// nothing counts a `kswapd_failure`; at its end `ZONE_RECLAIM_ACTIVE` is cleared and each
  /// boost lowered by what it was when the run began.
  /// - Deviation: the run is cut into steps (``continueShrinkLruvec(_:node:_:_:budget:)``)
  ///   so that allocations interleave with it in simulated time; no `cache_trim_mode`
  ///   restart (`no_cache_trim_mode`), no memcg soft limit, no `buffer_heads_over_limit`.
  public mutating func balancePgdatStep(_ a: inout PageAllocator, node: Int, now: SimTime) -> KswapdStep {
    var run = nodes[node].kswapd.run ?? beginBalance(&a, node: node, now: now)
    run.sc.now = now
    run.sc.nr = ReclaimStat()
    var budget = Kswapd.stepPages
    var finished = false
    var countFailure = false
    while budget > 0 {
      if run.pass == nil {
        guard run.sc.priority >= 1 else {
          finished = true
          countFailure = true
          break
        }
        guard let pass = beginBalancePass(&a, node: node, &run) else {
          finished = true
          break
        }
        run.pass = pass
      }
      guard var pass = run.pass else { break }
      if !continueShrinkLruvec(&a, node: node, &pass.scan, &run.sc, budget: &budget) {
        run.pass = pass
        break
      }
      run.pass = nil
      endShrinkNode(&a, node: node, reclaimedBefore: pass.reclaimedBefore, &run.sc)
      if run.sc.order > 0 && run.sc.nrReclaimed >= 2 << run.sc.order { run.sc.order = 0 }
      let reclaimed = run.sc.nrReclaimed - pass.reclaimedBefore
      if Swift.max(run.sc.nrScanned, reclaimed) >= run.sc.nrToReclaim { pass.raisePriority = false }
      run.nrBoostReclaim -= Swift.min(run.nrBoostReclaim, reclaimed)
      if run.nrBoostReclaim > 0 && reclaimed == 0 {
        finished = true
        countFailure = true
        break
      }
      if pass.raisePriority || reclaimed == 0 { run.sc.priority -= 1 }
    }
    let work = run.sc.nr
    guard finished else {
      nodes[node].kswapd.run = run
      return KswapdStep(work: work, continues: true)
    }
    endBalance(&a, node: node, run, countFailure: countFailure)
    let naps = kswapdTryToNap(
      &a, node: node, allocOrder: run.allocOrder, finishedOrder: run.sc.order, highestZoneIndex: run.highestZoneIndex)
    return KswapdStep(work: work, continues: !naps)
  }

  /// The start of `balance_pgdat()`: the order and zone limit wakers asked for (taken and
  /// reset, as `kswapd()` does before the call), `pageoutrun`, the boosts, and
  /// `ZONE_RECLAIM_ACTIVE`.
  mutating func beginBalance(_ a: inout PageAllocator, node: Int, now: SimTime) -> BalanceRun {
    let asked = nodes[node].kswapdHighestZoneIndex
    let previous = nodes[node].kswapd.highestZoneIndex
    let hz = Swift.min(asked >= 0 ? asked : previous >= 0 ? previous : a.zonesPerNode - 1, a.zonesPerNode - 1)
    let order = nodes[node].kswapdOrder
    nodes[node].kswapdOrder = 0
    nodes[node].kswapdHighestZoneIndex = -1
    a.counters[.pageoutrun] &+= 1
    var boosts = InlineArray<6, Int>(repeating: 0)
    var nrBoostReclaim = 0
    for zi in 0...hz {
      let z = a.flatZone(node: node, zoneIdx: zi)
      guard a.zones[z].isManaged else { continue }
      boosts[zi] = a.zones[z].watermarks.boost
      nrBoostReclaim += boosts[zi]
    }
    let sc = ScanControl(
      nrToReclaim: 0, gfpMask: .kernel, order: order, priority: Kswapd.defaultPriority, reclaimIndex: hz,
      isKswapd: true, cpu: nodes[node].kswapdCPU, now: now)
    setReclaimActive(&a, node: node, highestZoneIndex: hz, true)
    return BalanceRun(
      allocOrder: order, highestZoneIndex: hz, sc: sc, nrBoostReclaim: nrBoostReclaim, zoneBoosts: boosts, pass: nil)
  }

  /// The top of one priority of `balance_pgdat()`'s loop: `nil` when the run is done
  /// (balanced, and no boost left to reclaim), else the pass to make.
  mutating func beginBalancePass(_ a: inout PageAllocator, node: Int, _ run: inout BalanceRun) -> KswapdPass? {
    let hz = run.highestZoneIndex
    run.sc.reclaimIndex = hz
    let balanced = isBalanced(a, node: node, order: run.sc.order, highestZoneIndex: hz)
    if !balanced && run.nrBoostReclaim > 0 {
      // restart: a normal run from DEF_PRIORITY.
      run.nrBoostReclaim = 0
      setReclaimActive(&a, node: node, highestZoneIndex: hz, true)
      run.sc.priority = Kswapd.defaultPriority
    }
    if run.nrBoostReclaim == 0 && balanced { return nil }
    let boosted = run.nrBoostReclaim > 0
    run.sc.mayWritepage = !boosted || run.sc.priority < Kswapd.defaultPriority - 2
    run.sc.maySwap = !boosted
    ageAnonIfLow(&a, node: node, &run.sc)
    run.sc.nrScanned = 0
    run.sc.nrToReclaim = kswapdReclaimTarget(a, node: node, reclaimIndex: hz)
    let before = run.sc.nrReclaimed
    let scan = beginShrinkNode(a, node: node, &run.sc)
    return KswapdPass(
      scan: scan, reclaimedBefore: before,
      raisePriority: !(boosted && run.sc.priority == Kswapd.defaultPriority - 2))
  }

  /// `nr_to_reclaim` of a kswapd pass: the sum over the managed zones up to `reclaim_idx` of
  /// `max(high_wmark_pages(zone), SWAP_CLUSTER_MAX)`.
  ///
  /// Mirrors: the target of `kswapd_shrink_node()` in mm/vmscan.c (Linux 6.18).
  func kswapdReclaimTarget(_ a: borrowing PageAllocator, node: Int, reclaimIndex: Int) -> Int {
    var target = 0
    for zi in 0...reclaimIndex {
      let zone = a.zones[a.flatZone(node: node, zoneIdx: zi)]
      if zone.isManaged { target += Swift.max(zone.mark(.high), Kswapd.swapClusterMax) }
    }
    return target
  }

  /// The end of `balance_pgdat()` (its `out:` label).
  mutating func endBalance(_ a: inout PageAllocator, node: Int, _ run: BalanceRun, countFailure: Bool) {
    if countFailure && run.sc.nrReclaimed == 0 { nodes[node].kswapdFailures += 1 }
    setReclaimActive(&a, node: node, highestZoneIndex: run.highestZoneIndex, false)
    for zi in 0...run.highestZoneIndex where run.zoneBoosts[zi] > 0 {
      let z = a.flatZone(node: node, zoneIdx: zi)
      a.zones[z].watermarks.boost -= Swift.min(a.zones[z].watermarks.boost, run.zoneBoosts[zi])
    }
    nodes[node].kswapd.run = nil
  }

  /// Sets or clears `ZONE_RECLAIM_ACTIVE` on the managed zones up to `highestZoneIndex`: while
  /// it is set, the zone's per-CPU lists keep fewer pages (``PageAllocator/nrPCPHigh``).
  ///
  /// Mirrors: `update_reclaim_active()` (`set_reclaim_active()`, `clear_reclaim_active()`)
  /// in mm/vmscan.c (Linux 6.18).
  func setReclaimActive(_ a: inout PageAllocator, node: Int, highestZoneIndex: Int, _ active: Bool) {
    for zi in 0...highestZoneIndex {
      let z = a.flatZone(node: node, zoneIdx: zi)
      guard a.zones[z].isManaged else { continue }
      if active { a.zones[z].flags.insert(.reclaimActive) } else { a.zones[z].flags.remove(.reclaimActive) }
    }
  }
}
