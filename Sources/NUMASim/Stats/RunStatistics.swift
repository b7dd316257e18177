// SPDX-License-Identifier: MIT

/// What a run measures after its warm-up.
public struct RunStatistics: Sendable {
  /// Allocation latency: allocator time + direct-reclaim stall + first-touch access (ns).
  public var allocationLatency = LatencyHistogram()
  /// Direct-reclaim stalls (ns), one per allocation that stalled.
  public var stalls = LatencyHistogram()
  /// Pages reclaimed per stall.
  public var stallPages = LatencyHistogram()
  /// First-touch access latency (ns).
  public var accessLatency = LatencyHistogram()
  public var stallNanoseconds: UInt64 = 0
  public var allocatorNanoseconds: UInt64 = 0
  public var accessNanoseconds: UInt64 = 0
  public var allocations: UInt64 = 0
  public var failures: UInt64 = 0
  public var remoteAllocations: UInt64 = 0
  public var frees: UInt64 = 0
  /// Per flat zone: samples with free pages below min / low / high.
  public var belowMin: [UInt64]
  public var belowLow: [UInt64]
  public var belowHigh: [UInt64]
  public var samples: UInt64 = 0
  /// Sum and minimum of machine-wide free pages (buddy lists) over samples.
  public var freePagesSum: Double = 0
  /// Free and LRU pages in the first and last quarters of the window.
  public var steadyState = SteadyStateCheck()
  /// The workload's lost time when the warm-up ended.
  public var baselineLostNanoseconds: UInt64 = 0
  public var freePagesMin = Int.max
  /// Counters at the end of the warm-up, subtracted in the report.
  public var baseline: VMCounters?
  public var baselineNUMA: [UInt64] = []
  /// Per node: kswapd's CPU time after the warm-up, from the cost model (ns).
  public var kswapdNanoseconds: [UInt64]
  /// Per node: time kswapd was runnable but waited for its CPU, held by another entity (ns).
  public var kswapdWaitNanoseconds: [UInt64]
  /// Per CPU: CPU time of the entities run on it (closed-loop threads and kswapds) (ns).
  public var cpuBusyNanoseconds: [UInt64] = []
  /// Closed-loop threads' faults.
  public var programs = ProgramStatistics(groups: 0)
  /// The time series: one row per sample per zone.
  public var timeseries: [TimeseriesRow] = []
  /// Every direct-reclaim stall, in order (drsnoop's view).
  public var stallLog: [StallRecord] = []

  public init(zones: Int, nodes: Int) {
    kswapdNanoseconds = Array(repeating: 0, count: nodes)
    kswapdWaitNanoseconds = kswapdNanoseconds
    belowMin = Array(repeating: 0, count: zones)
    belowLow = Array(repeating: 0, count: zones)
    belowHigh = Array(repeating: 0, count: zones)
  }
}

extension RunStatistics {
  /// Records one stall: in the log, the duration and pages histograms, and the total.
  mutating func recordStall(_ r: StallRecord) {
    stallLog.append(r)
    stalls.record(r.nanoseconds)
    stallPages.record(UInt64(r.pagesReclaimed))
    stallNanoseconds &+= r.nanoseconds
  }
}

/// One direct-reclaim stall: when, on which CPU, for what, how long, how much it freed.
public struct StallRecord: Sendable, BitwiseCopyable {
  public var start: SimTime
  public var nanoseconds: UInt64
  public var pagesReclaimed: Int32
  public var order: Int8
  public var cpu: Int32
  public var group: Int32
}

/// One zone at one sample.
public struct TimeseriesRow: Sendable {
  public var time: SimTime
  public var zone: Int
  public var freePages: Int
  public var min: Int
  public var low: Int
  public var high: Int
  public var boost: Int
  public var kswapdRunning: Bool
  /// The node's LRU sizes, in `LRUList` order (anon/file inactive/active, unevictable).
  public var lru: [Int]
}
