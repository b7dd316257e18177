// SPDX-License-Identifier: MIT

/// The run-time state `/proc/zoneinfo` shows for one zone.
public struct ZoneInfoState: Hashable, Sendable {
  public var freePages: Int
  public var boost: Int
  /// Indexed by ``ZoneStat``.
  public var zoneStats: [Int]
  /// Indexed by ``NUMAStat``.
  public var numaStats: [Int]
  /// Per online CPU: pages on the pcp lists and the current `pcp->high`.
  public var pcpCount: [Int]
  public var pcpHigh: [Int]
}

/// Everything `/proc/zoneinfo` prints for a machine at one moment.
public struct ZoneInfoSnapshot: Sendable {
  public var setup: MachineSetup
  /// `zones[node][zone_idx]`.
  public var zones: [[ZoneInfoState]]
  /// Per node, indexed by ``NodeStat``.
  public var nodeStats: [[Int]]
  /// Per node: `kswapd_failures >= MAX_RECLAIM_RETRIES`.
  public var nodeUnreclaimable: [Bool]

  /// The machine straight after boot: every managed page free, counters zero.
  ///
  /// `pcp->high` is 0 until the first free into the list on 6.7+ kernels, whose
  /// `nr_pcp_high()` sets it lazily; earlier kernels store `high` directly.
  /// - Deviation: `nr_free_pages_blocks` counts whole 512-page blocks of the managed count;
  ///   the kernel counts free pageblocks, which reservations can break up.
  public static func boot(_ setup: MachineSetup) -> ZoneInfoSnapshot {
    let cpus = setup.machine.onlineCPUs
    let zones = setup.zones.map { row in
      row.map { z -> ZoneInfoState in
        var stats = Array(repeating: 0, count: ZoneStat.allCases.count)
        let free = z.span.managed.count
        stats[ZoneStat.nrFreePages.index] = free
        stats[ZoneStat.nrFreePagesBlocks.index] =
          free / Buddy.pageblockPages * Buddy.pageblockPages
        let high = setup.kernel.pcpHighRule == .highMinMax ? 0 : z.pcp.highMin
        return ZoneInfoState(
          freePages: free, boost: z.watermarks.boost, zoneStats: stats,
          numaStats: Array(repeating: 0, count: NUMAStat.allCases.count),
          pcpCount: Array(repeating: 0, count: cpus),
          pcpHigh: Array(repeating: z.span.isPopulated ? high : 0, count: cpus))
      }
    }
    return ZoneInfoSnapshot(
      setup: setup, zones: zones,
      nodeStats: setup.zones.map { _ in Array(repeating: 0, count: NodeStat.allCases.count) },
      nodeUnreclaimable: setup.zones.map { _ in false })
  }
}
