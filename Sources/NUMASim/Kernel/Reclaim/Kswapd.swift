// SPDX-License-Identifier: MIT

/// Constants of reclaim.
public enum Kswapd {
  /// `SWAP_CLUSTER_MAX`.
  public static let swapClusterMax = 32
  /// `DEF_PRIORITY`.
  public static let defaultPriority = 12
  /// `MAX_RECLAIM_RETRIES`: `kswapd_failures` at which a node is hopeless.
  public static let maxFailures = 16
  /// The nap in `kswapd_try_to_sleep()`: `HZ/10`.
  public static let nap = SimTime.milliseconds(100)
  /// Pages one kswapd step reclaims at most before the simulation lets time pass.
  public static let stepPages = 4 * swapClusterMax
}

/// A node's kswapd thread: asleep, running `balance_pgdat()`, or in its nap.
///
/// Mirrors: the states of `kswapd()` and `kswapd_try_to_sleep()` in mm/vmscan.c (Linux 6.18).
public struct KswapdState: Sendable {
  public enum Phase: Sendable, Equatable { case sleeping, running, napping }
  public var phase = Phase.sleeping
  /// Bumped whenever a scheduled step or nap becomes stale.
  public var generation: UInt32 = 0
  /// The `balance_pgdat()` run in progress, once its first step has begun.
  public var run: BalanceRun?
  /// Times kswapd was woken from sleep or nap.
  public var wakeups = 0
  public init() {}

  @inline(__always) public var isRunning: Bool { phase == .running }
}

/// One `balance_pgdat(pgdat, order, highest_zoneidx)` call in progress.
public struct BalanceRun: Sendable, Equatable {
  /// The order and zone limit the run balances for.
  public var order: Int
  public var highestZoneIndex: Int
  /// `sc.priority`.
  public var priority = Kswapd.defaultPriority
  /// Pages reclaimed so far (`sc.nr_reclaimed`).
  public var reclaimed = 0
}

extension Reclaim {
  /// Whether any managed zone up to `highestZoneIndex` is above its high watermark.
  ///
  /// Mirrors: `pgdat_balanced()` in mm/vmscan.c (Linux 6.18); a node with no managed zone in
  /// range counts as balanced.
  /// - Deviation: the high mark is used; the kernel uses promo only with NUMA-balancing
  ///   memory tiering, which is not modelled.
  public func isBalanced(_ a: borrowing PageAllocator, node: Int, order: Int, highestZoneIndex: Int) -> Bool {
    var anyManaged = false
    for zi in 0...Swift.max(0, Swift.min(highestZoneIndex, a.zonesPerNode - 1)) {
      let z = a.flatZone(node: node, zoneIdx: zi)
      guard a.zones[z].isManaged else { continue }
      anyManaged = true
      if a.watermarkOK(
        zone: z, order: order, mark: a.zones[z].mark(.high), highestZoneIndex: highestZoneIndex, flags: [])
      {
        return true
      }
    }
    return !anyManaged
  }

  /// Whether a zone up to `highestZoneIndex` has a watermark boost.
  ///
  /// Mirrors: the `nr_boost_reclaim` sum at the start of `balance_pgdat()` (Linux 6.18).
  func isBoosted(_ a: borrowing PageAllocator, node: Int, highestZoneIndex: Int) -> Bool {
    (0...Swift.max(0, Swift.min(highestZoneIndex, a.zonesPerNode - 1))).contains {
      a.zones[a.flatZone(node: node, zoneIdx: $0)].watermarks.boost > 0
    }
  }

  /// Records a wake-up request and wakes kswapd if it must run; returns whether it was woken.
  ///
  /// Mirrors: `wakeup_kswapd()` in mm/vmscan.c (Linux 6.18): record the order and zone limit;
  /// wake a sleeping (or napping) kswapd unless the node is hopeless or balanced and unboosted.
  public mutating func wakeKswapd(_ a: inout PageAllocator, zone z: Int, order: Int, highestZoneIndex: Int) -> Bool {
    guard a.zones[z].isManaged else { return false }
    let node = a.zones[z].id.node.index
    nodes[node].kswapdHighestZoneIndex = Swift.max(nodes[node].kswapdHighestZoneIndex, highestZoneIndex)
    nodes[node].kswapdOrder = Swift.max(nodes[node].kswapdOrder, order)
    guard !nodes[node].kswapd.isRunning, !nodes[node].isHopeless else { return false }
    if isBalanced(a, node: node, order: order, highestZoneIndex: highestZoneIndex),
      !isBoosted(a, node: node, highestZoneIndex: highestZoneIndex)
    {
      return false
    }
    if nodes[node].kswapd.phase == .napping { a.counters[.kswapdLowWmarkHitQuickly] &+= 1 }
    startKswapd(node: node)
    nodes[node].kswapd.wakeups += 1
    return true
  }

  mutating func startKswapd(node: Int) {
    nodes[node].kswapd.phase = .running
    nodes[node].kswapd.run = nil
    nodes[node].kswapd.generation &+= 1
  }

  /// One step of `balance_pgdat()`: returns the reclaim pass it made, or `nil` when the run
  /// is over and kswapd goes to its nap.
  ///
  /// Mirrors: `balance_pgdat()` in mm/vmscan.c (Linux 6.18): `pageoutrun` per run; priority
  /// from `DEF_PRIORITY` down while a pass makes no progress; done once a zone is above its
  /// high mark (boosts cleared at the end of the run); a run that reclaims nothing counts a
  /// `kswapd_failure`.
  /// - Deviation: a run is cut into steps of at most ``Kswapd/stepPages`` so that allocations
  ///   interleave with it in simulated time; the boosted-reclaim variant (no writeback, no
  ///   swap) is not distinguished.
  public mutating func balancePgdatStep(_ a: inout PageAllocator, node: Int, now: SimTime) -> ScanControl? {
    if nodes[node].kswapd.run == nil {
      let hz = nodes[node].kswapdHighestZoneIndex
      nodes[node].kswapd.run = BalanceRun(
        order: nodes[node].kswapdOrder, highestZoneIndex: hz < 0 ? a.zonesPerNode - 1 : hz)
      nodes[node].kswapdOrder = 0
      nodes[node].kswapdHighestZoneIndex = -1
      a.counters[.pageoutrun] &+= 1
    }
    guard var run = nodes[node].kswapd.run else { return nil }
    let hz = run.highestZoneIndex
    if isBalanced(a, node: node, order: run.order, highestZoneIndex: hz) || run.priority < 1 {
      // Balanced (for a boosted run, its goal reached: the boosts are cleared) or out of
      // priorities: the run ends.
      finishBalance(&a, node: node, run)
      return nil
    }
    var sc = ScanControl(
      nrToReclaim: Kswapd.stepPages, gfpMask: .kernel, order: run.order, priority: run.priority,
      reclaimIndex: hz, isKswapd: true, cpu: nodes[node].kswapdCPU, now: now)
    shrinkNode(&a, node: node, &sc)
    a.counters[.pgscanKswapd] &+= UInt64(sc.nrScanned)
    a.counters[.pgstealKswapd] &+= UInt64(sc.nrReclaimed)
    run.reclaimed += sc.nrReclaimed
    if sc.nrReclaimed == 0 { run.priority -= 1 }
    nodes[node].kswapd.run = run
    return sc
  }

  /// Ends `balance_pgdat()`: failure accounting, boosts cleared, kswapd naps.
  mutating func finishBalance(_ a: inout PageAllocator, node: Int, _ run: BalanceRun) {
    if run.reclaimed == 0 { nodes[node].kswapdFailures += 1 }
    for zi in 0...run.highestZoneIndex { a.zones[a.flatZone(node: node, zoneIdx: zi)].watermarks.boost = 0 }
    nodes[node].kswapd.phase = .napping
    nodes[node].kswapd.generation &+= 1
  }

  /// The end of the 100 ms nap.
  ///
  /// Mirrors: `kswapd_try_to_sleep()` in mm/vmscan.c (Linux 6.18): balanced → full sleep;
  /// otherwise `kswapd_high_wmark_hit_quickly` and another run. An early wake during the nap
  /// (counted as `kswapd_low_wmark_hit_quickly`) happens in
  /// ``wakeKswapd(_:zone:order:highestZoneIndex:)``.
  /// - Returns: whether kswapd runs again.
  public mutating func kswapdTryToSleep(_ a: inout PageAllocator, node: Int) -> Bool {
    let run = nodes[node].kswapd.run
    let hz = run?.highestZoneIndex ?? a.zonesPerNode - 1
    if nodes[node].isHopeless || isBalanced(a, node: node, order: run?.order ?? 0, highestZoneIndex: hz) {
      nodes[node].kswapd.phase = .sleeping
      return false
    }
    a.counters[.kswapdHighWmarkHitQuickly] &+= 1
    startKswapd(node: node)
    return true
  }
}
