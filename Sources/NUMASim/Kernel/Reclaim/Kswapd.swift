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
  /// Pages one kswapd step asks of the LRU lists at most before the simulation lets time
  /// pass (four `SWAP_CLUSTER_MAX` rounds of one list, or one round of all four).
  public static let stepPages = 4 * swapClusterMax
}

/// A node's kswapd thread: asleep, running `balance_pgdat()`, or in its nap.
///
/// Mirrors: the states and locals of `kswapd()` and `kswapd_try_to_sleep()` in mm/vmscan.c
/// (Linux 6.18).
public struct KswapdState: Sendable {
  public enum Phase: Sendable, Equatable { case sleeping, running, napping }
  public var phase = Phase.sleeping
  /// Bumped whenever a scheduled step or nap becomes stale.
  public var generation: UInt32 = 0
  /// The `balance_pgdat()` run in progress, once its first step has begun.
  public var run: BalanceRun?
  /// Times kswapd was woken from sleep or nap.
  public var wakeups = 0
  /// `reclaim_order`: the order kswapd last tries to sleep at.
  public var reclaimOrder = 0
  /// `highest_zoneidx` of `kswapd()`: the zone limit of the last run, the default for the
  /// next; −1 before the first (`MAX_NR_ZONES - 1`).
  public var highestZoneIndex = -1
  public init() {}

  @inline(__always) public var isRunning: Bool { phase == .running }
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
  /// Mirrors: `pgdat_watermark_boosted()` in mm/vmscan.c (Linux 6.18).
  func isBoosted(_ a: borrowing PageAllocator, node: Int, highestZoneIndex: Int) -> Bool {
    (0...Swift.max(0, Swift.min(highestZoneIndex, a.zonesPerNode - 1))).contains {
      a.zones[a.flatZone(node: node, zoneIdx: $0)].watermarks.boost > 0
    }
  }

  /// Records a wake-up request and wakes kswapd if it must run; returns whether it was woken.
  ///
  /// Mirrors: `wakeup_kswapd()` in mm/vmscan.c (Linux 6.18): record the order and zone limit;
  /// wake a sleeping (or napping) kswapd unless the node is hopeless or balanced and
  /// unboosted. A wake during the nap ends it early: `kswapd_low_wmark_hit_quickly`, and
  /// `kswapd_try_to_sleep()` keeps the order and zone limit it was sleeping at.
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
    if nodes[node].kswapd.phase == .napping {
      a.counters[.kswapdLowWmarkHitQuickly] &+= 1
      nodes[node].kswapdOrder = Swift.max(nodes[node].kswapdOrder, nodes[node].kswapd.reclaimOrder)
    }
    startKswapd(node: node)
    nodes[node].kswapd.wakeups += 1
    return true
  }

  mutating func startKswapd(node: Int) {
    nodes[node].kswapd.phase = .running
    nodes[node].kswapd.run = nil
    nodes[node].kswapd.generation &+= 1
  }

  /// Whether kswapd may sleep: the node is hopeless or balanced at `order`.
  ///
  /// Mirrors: `prepare_kswapd_sleep()` in mm/vmscan.c (Linux 6.18).
  func prepareKswapdSleep(_ a: borrowing PageAllocator, node: Int, order: Int, highestZoneIndex: Int) -> Bool {
    nodes[node].isHopeless || isBalanced(a, node: node, order: order, highestZoneIndex: highestZoneIndex)
  }

  /// After `balance_pgdat()`: the nap if kswapd may sleep, else another run at once.
  ///
  /// Mirrors: `kswapd()`'s loop into `kswapd_try_to_sleep()` in mm/vmscan.c (Linux 6.18):
  /// the sleep is tried at the order the run finished at if it fell back from the order it
  /// was asked for, else at the order wakers asked for meanwhile; a node that may not sleep
  /// counts `kswapd_high_wmark_hit_quickly` and runs again.
  /// - Returns: whether kswapd naps.
  mutating func kswapdTryToNap(
    _ a: inout PageAllocator, node: Int, allocOrder: Int, finishedOrder: Int, highestZoneIndex runHz: Int
  ) -> Bool {
    let fellBack = finishedOrder < allocOrder
    let order = fellBack ? finishedOrder : nodes[node].kswapdOrder
    let hz = fellBack || nodes[node].kswapdHighestZoneIndex < 0 ? runHz : nodes[node].kswapdHighestZoneIndex
    nodes[node].kswapd.reclaimOrder = order
    nodes[node].kswapd.highestZoneIndex = hz
    if prepareKswapdSleep(a, node: node, order: order, highestZoneIndex: hz) {
      nodes[node].kswapd.phase = .napping
      nodes[node].kswapd.generation &+= 1
      return true
    }
    a.counters[.kswapdHighWmarkHitQuickly] &+= 1
    startKswapd(node: node)
    return false
  }

  /// The end of the 100 ms nap.
  ///
  /// Mirrors: `kswapd_try_to_sleep()` in mm/vmscan.c (Linux 6.18): may sleep → full sleep;
  /// otherwise `kswapd_high_wmark_hit_quickly` and another run. An early wake during the nap
  /// happens in ``wakeKswapd(_:zone:order:highestZoneIndex:)``.
  /// - Returns: whether kswapd runs again.
  public mutating func kswapdTryToSleep(_ a: inout PageAllocator, node: Int) -> Bool {
    let k = nodes[node].kswapd
    if prepareKswapdSleep(a, node: node, order: k.reclaimOrder, highestZoneIndex: k.highestZoneIndex) {
      nodes[node].kswapd.phase = .sleeping
      return false
    }
    a.counters[.kswapdHighWmarkHitQuickly] &+= 1
    startKswapd(node: node)
    return true
  }
}
