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
  /// Per closed-loop group, in group order: its threads and the passes they completed.
  public var programGroups: [ProgramGroupSummary]

  /// A closed-loop group at the end of a run.
  public struct ProgramGroupSummary: Sendable {
    /// The group's index (into ``groupNames`` and the per-group statistics).
    public var group: Int
    public var threads: Int
    /// Whole passes over the program, summed over the threads, since the run began.
    public var passes: Int
  }

  /// The measured zones' occupancy of their watermarks.
  public struct ZoneSummary: Sendable {
    public var flatIndex: Int
    public var node: Int
    public var type: ZoneType
    public var belowMinPercent: Double
    public var belowLowPercent: Double
    public var belowHighPercent: Double
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
