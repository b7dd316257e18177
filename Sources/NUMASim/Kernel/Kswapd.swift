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

/// A node's kswapd thread.
///
/// Mirrors: the kswapd fields of `struct pglist_data` (`kswapd_order`,
/// `kswapd_highest_zoneidx`, `kswapd_failures`) and the states of `kswapd()` in
/// mm/vmscan.c (Linux 6.18).
public struct KswapdState: Sendable {
  public enum Phase: Sendable, Equatable { case sleeping, running, napping }
  public var phase = Phase.sleeping
  public var order = 0
  /// `kswapd_highest_zoneidx`; −1 when unset (`MAX_NR_ZONES`).
  public var highestZoneIndex = -1
  public var failures = 0
  /// Bumped whenever a scheduled step or nap becomes stale.
  public var generation: UInt32 = 0
  /// `balance_pgdat()` in progress: its order, zone limit, priority and pages reclaimed.
  public var runOrder = 0
  public var runHighestZoneIndex = 0
  public var priority = Kswapd.defaultPriority
  public var runReclaimed = 0
  public var runStarted = false
  public var cpuNanoseconds: UInt64 = 0
  public var wakeups = 0
  public init() {}
}

extension ReclaimState {
  /// Whether any managed zone up to `highestZoneIndex` is above its high watermark.
  ///
  /// Mirrors: `pgdat_balanced()` in mm/vmscan.c (Linux 6.18); a node with no managed zone in
  /// range counts as balanced.
  /// - Deviation: the high mark is used; the kernel uses promo only with NUMA-balancing
  ///   memory tiering, which is not modelled.
  public func isBalanced(_ a: PageAllocator, node: Int, order: Int, highestZoneIndex: Int) -> Bool {
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

  func isBoosted(_ a: PageAllocator, node: Int, highestZoneIndex: Int) -> Bool {
    (0...Swift.max(0, Swift.min(highestZoneIndex, a.zonesPerNode - 1))).contains {
      a.zones[a.flatZone(node: node, zoneIdx: $0)].watermarks.boost > 0
    }
  }

  /// Mirrors: `wakeup_kswapd()` in mm/vmscan.c (Linux 6.18): record the order and zone limit;
  /// wake a sleeping (or napping) kswapd unless the node is hopeless or balanced and unboosted.
  public mutating func wake(_ a: inout PageAllocator, zone z: Int, order: Int, highestZoneIndex: Int) {
    guard a.zones[z].isManaged else { return }
    let node = a.zones[z].id.node.index
    kswapd[node].highestZoneIndex = Swift.max(kswapd[node].highestZoneIndex, highestZoneIndex)
    kswapd[node].order = Swift.max(kswapd[node].order, order)
    guard kswapd[node].phase != .running else { return }
    if kswapd[node].failures >= Kswapd.maxFailures { return }
    if isBalanced(a, node: node, order: order, highestZoneIndex: highestZoneIndex),
      !isBoosted(a, node: node, highestZoneIndex: highestZoneIndex)
    {
      return
    }
    if kswapd[node].phase == .napping { a.counters[.kswapdLowWmarkHitQuickly] &+= 1 }
    kswapd[node].phase = .running
    kswapd[node].runStarted = false
    kswapd[node].generation &+= 1
    kswapd[node].wakeups += 1
    a.kswapdActive[node] = true
    pendingWakeups.append(node)
  }

  /// One step of `balance_pgdat()`: returns how long it took, or `nil` when the run is over
  /// and kswapd goes to its nap.
  ///
  /// Mirrors: `balance_pgdat()` in mm/vmscan.c (Linux 6.18): `pageoutrun` per run; priority
  /// from `DEF_PRIORITY` down while a pass makes no progress; done once a zone is above its
  /// high mark (boosts cleared at the end of the run); a run that reclaims nothing counts a
  /// `kswapd_failure`.
  /// - Deviation: a run is cut into steps of at most ``Kswapd/stepPages`` so that allocations
  ///   interleave with it in simulated time; the boosted-reclaim variant (no writeback, no
  ///   swap) is not distinguished.
  public mutating func kswapdStep(_ a: inout PageAllocator, node: Int) -> SimTime? {
    var k = kswapd[node]
    if !k.runStarted {
      k.runStarted = true
      k.runOrder = k.order
      k.runHighestZoneIndex = k.highestZoneIndex < 0 ? a.zonesPerNode - 1 : k.highestZoneIndex
      k.order = 0
      k.highestZoneIndex = -1
      k.priority = Kswapd.defaultPriority
      k.runReclaimed = 0
      a.counters[.pageoutrun] &+= 1
    }
    kswapd[node] = k
    let hz = k.runHighestZoneIndex
    let balanced = isBalanced(a, node: node, order: k.runOrder, highestZoneIndex: hz)
    if (balanced && !isBoosted(a, node: node, highestZoneIndex: hz)) || k.priority < 1 {
      finishRun(&a, node: node)
      return nil
    }
    if balanced {
      // Boosted reclaim reaches its goal: clear the boosts.
      for zi in 0...hz { a.zones[a.flatZone(node: node, zoneIdx: zi)].watermarks.boost = 0 }
      finishRun(&a, node: node)
      return nil
    }
    let cpu0 = cpu
    cpu = kswapdCPU[node]
    let p = shrinkNode(&a, node: node, nrToReclaim: Kswapd.stepPages, priority: kswapd[node].priority, isKswapd: true)
    cpu = cpu0
    a.counters[.pgscanKswapd] &+= UInt64(p.scanned)
    a.counters[.pgstealKswapd] &+= UInt64(p.reclaimed)
    kswapd[node].runReclaimed += p.reclaimed
    if p.reclaimed == 0 { kswapd[node].priority -= 1 }
    kswapd[node].cpuNanoseconds &+= p.nanoseconds
    // A step that found nothing at all still costs the scan of an empty list.
    return SimTime(nanoseconds: Swift.max(p.nanoseconds, 1_000))
  }

  /// Ends `balance_pgdat()`: failure accounting, boosts cleared, kswapd naps.
  mutating func finishRun(_ a: inout PageAllocator, node: Int) {
    if kswapd[node].runReclaimed == 0 { kswapd[node].failures += 1 }
    let hz = kswapd[node].runHighestZoneIndex
    for zi in 0...hz { a.zones[a.flatZone(node: node, zoneIdx: zi)].watermarks.boost = 0 }
    kswapd[node].phase = .napping
    kswapd[node].generation &+= 1
    a.kswapdActive[node] = false
  }

  /// The end of the 100 ms nap.
  ///
  /// Mirrors: `kswapd_try_to_sleep()` in mm/vmscan.c (Linux 6.18): balanced → full sleep;
  /// otherwise `kswapd_high_wmark_hit_quickly` and another run. An early wake during the nap
  /// (counted as `kswapd_low_wmark_hit_quickly`) happens in ``wake(_:zone:order:highestZoneIndex:)``.
  /// - Returns: whether kswapd runs again.
  public mutating func napEnded(_ a: inout PageAllocator, node: Int) -> Bool {
    let hz = kswapd[node].runHighestZoneIndex
    if kswapd[node].failures >= Kswapd.maxFailures
      || isBalanced(a, node: node, order: kswapd[node].runOrder, highestZoneIndex: hz)
    {
      kswapd[node].phase = .sleeping
      return false
    }
    a.counters[.kswapdHighWmarkHitQuickly] &+= 1
    kswapd[node].phase = .running
    kswapd[node].runStarted = false
    kswapd[node].generation &+= 1
    a.kswapdActive[node] = true
    return true
  }
}
