// SPDX-License-Identifier: MIT

/// Everything a run measured, as plain values: the one place that reads the model's state
/// at the end of a run. Reports, CSV files and views are rendered from it.
public struct RunSummary: Sendable {
  public var name: String
  public var seed: UInt64
  public var setup: MachineSetup
  public var warmup: SimTime
  public var duration: SimTime
  public var events: UInt64
  /// The kernel's event counters since boot, and their change over the measured window.
  public var counters: VMCounters
  public var countersMeasured: VMCounters
  /// NUMA counters summed over zones, over the measured window, by ``NUMAStat/rawIndex``.
  public var numaMeasured: [UInt64]
  /// The machine at the end, as `/proc/zoneinfo` shows it.
  public var zoneinfo: ZoneInfoSnapshot
  /// The managed zones: flat index, node, type, and the share of samples below each mark.
  public var zones: [ZoneSummary]
  /// Per node: kswapd's share of one CPU over the measured window (%).
  public var kswapdCPUPercent: [Double]
  public var stats: RunStatistics
  /// Time the workload's CPUs spent stalled (ns).
  public var lostNanoseconds: UInt64
  /// Task group names, by group index (the stall log's `group`).
  public var groupNames: [String]

  /// The measured zones' occupancy of their watermarks.
  public struct ZoneSummary: Sendable {
    public var flatIndex: Int
    public var node: Int
    public var type: ZoneType
    public var belowMinPercent: Double
    public var belowLowPercent: Double
    public var belowHighPercent: Double
  }

  init(model m: SimulationModel, config: SimulationConfig, setup: MachineSetup, events: UInt64) {
    let a = m.allocator
    let s = m.stats
    name = config.name
    seed = config.seed
    self.setup = setup
    warmup = config.warmup
    duration = config.duration
    self.events = events
    counters = a.counters
    countersMeasured = a.counters.since(s.baseline ?? VMCounters(zoneCount: a.zonesPerNode))
    numaMeasured = NUMAStat.allCases.map { stat in
      (0..<a.zoneCount).reduce(0) {
        let i = $1 * NUMAStat.count + stat.rawIndex
        return $0 &+ (a.numaStats[i] &- (s.baselineNUMA.isEmpty ? 0 : s.baselineNUMA[i]))
      }
    }
    let samples = Double(Swift.max(s.samples, 1))
    zones = a.zones.enumerated().filter { $0.element.isManaged }.map { z, zone in
      ZoneSummary(
        flatIndex: z, node: zone.id.node.index, type: zone.type,
        belowMinPercent: Double(s.belowMin[z]) / samples * 100, belowLowPercent: Double(s.belowLow[z]) / samples * 100,
        belowHighPercent: Double(s.belowHigh[z]) / samples * 100)
    }
    kswapdCPUPercent = s.kswapdNanoseconds.map { Double($0) / 1e9 / config.duration.seconds * 100 }
    stats = s
    lostNanoseconds = m.workload.lostNanoseconds
    groupNames = m.workload.groups.map(\.group.name)
    zoneinfo = Self.snapshot(m, setup)
  }

  /// The end-of-run `/proc/zoneinfo` state.
  static func snapshot(_ m: SimulationModel, _ setup: MachineSetup) -> ZoneInfoSnapshot {
    let a = m.allocator
    var snapshot = ZoneInfoSnapshot.boot(setup)
    for (z, zone) in a.zones.enumerated() {
      let n = zone.id.node.index
      let i = zone.id.index
      snapshot.zones[n][i].freePages = zone.freePages
      snapshot.zones[n][i].boost = zone.watermarks.boost
      snapshot.zones[n][i].zoneStats[ZoneStat.nrFreePages.index] = zone.freePages
      for stat in NUMAStat.allCases {
        snapshot.zones[n][i].numaStats[stat.index] = Int(a.numaStats[z * NUMAStat.count + stat.rawIndex])
      }
      for cpu in 0..<a.cpuCount {
        snapshot.zones[n][i].pcpCount[cpu] = Int(a.pcp[a.pcpIndex(cpu: cpu, zone: z)].count)
        snapshot.zones[n][i].pcpHigh[cpu] = Int(a.pcp[a.pcpIndex(cpu: cpu, zone: z)].high)
      }
    }
    for (n, node) in m.reclaim.nodes.enumerated() {
      for l in LRUList.allCases {
        if let stat = NodeStat(rawValue: l.kernelName) { snapshot.nodeStats[n][stat.index] = node.lruvec.size(l) }
      }
      snapshot.nodeUnreclaimable[n] = node.isHopeless
    }
    return snapshot
  }

  /// Allocations plus frees after the warm-up.
  public var pageOperations: UInt64 { stats.allocations &+ stats.frees }
  /// Mean machine-wide free memory over the samples (MiB).
  public var freeMeanMiB: Double {
    stats.samples == 0 ? 0 : stats.freePagesSum / Double(stats.samples) * Double(Pages.size) / 1_048_576
  }
  /// Least machine-wide free memory at a sample (MiB).
  public var freeMinMiB: Double {
    stats.freePagesMin == Int.max ? 0 : Double(stats.freePagesMin * Pages.size) / 1_048_576
  }
  /// Share of allocations served by another node than the CPU's.
  public var remoteFraction: Double {
    stats.allocations == 0 ? 0 : Double(stats.remoteAllocations) / Double(stats.allocations)
  }
}
