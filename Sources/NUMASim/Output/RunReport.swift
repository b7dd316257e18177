// SPDX-License-Identifier: MIT

import Foundation

/// The results of a run, rendered from its ``RunSummary``: kernel-named counters, latency and
/// stall distributions, kswapd CPU, watermark occupancy and free memory, as ordered metrics
/// (`summary.csv`), as readable text, and as the kernel's own views.
public struct RunReport: Sendable {
  public var summary: RunSummary
  /// Ordered `(column, value)` pairs: the row of `summary.csv` and of a sweep.
  public var metrics: [(String, CSVValue)]
  public var text: String
  public var timeseries: CSVTable
  /// One row per direct-reclaim stall: start, duration, pages reclaimed, order, CPU, group.
  public var stalls: CSVTable
  /// One row per closed-loop group: its threads' faults, reads, stalls and waits for a CPU.
  public var threads: CSVTable
  /// `/proc/vmstat` at the end of the run: the counters the model keeps, in the kernel's order.
  public var vmstat: String
  /// `/proc/zoneinfo` at the end of the run.
  public var zoneinfo: String
  public var wallSeconds: Double

  public var events: UInt64 { summary.events }
  /// Page allocations plus frees after the warm-up.
  public var pageOperations: UInt64 { summary.pageOperations }
  /// The distributions behind the percentile metrics.
  public var allocationLatency: LatencyHistogram { summary.stats.allocationLatency }
  public var stallLatency: LatencyHistogram { summary.stats.stalls }
  public var accessLatency: LatencyHistogram { summary.stats.accessLatency }

  /// The `/proc/vmstat` events `summary.csv` reports, in the kernel's order.
  static let reportedEvents: [VMEvent] = [
    .pgscanKswapd, .pgscanDirect, .pgscanDirectThrottle, .pgscanAnon, .pgscanFile, .pgstealKswapd, .pgstealDirect,
    .pgstealAnon, .pgstealFile, .pgactivate, .pgdeactivate, .pgrefill, .kswapdLowWmarkHitQuickly,
    .kswapdHighWmarkHitQuickly, .pageoutrun, .oomKill, .zoneReclaimSuccess, .zoneReclaimFailed, .pswpout,
    .thpFaultAlloc, .thpFaultFallback,
  ]

  public init(_ summary: RunSummary, wallSeconds: Double) {
    self.summary = summary
    self.wallSeconds = wallSeconds
    metrics = Self.metrics(summary)
    text = RunSummaryText.render(summary, wall: wallSeconds)
    timeseries = Self.timeseriesTable(summary)
    stalls = Self.stallTable(summary)
    threads = Self.threadTable(summary)
    vmstat = VMStatReport.render(summary)
    zoneinfo = ZoneInfoReport.render(summary.zoneinfo)
  }

  static func metrics(_ r: RunSummary) -> [(String, CSVValue)] {
    let arch = r.setup.machine.architecture
    let c = r.countersMeasured
    let s = r.stats
    let types = arch.zoneTypes.filter { $0 != .device }
    var out: [(String, CSVValue)] = []
    func int(_ name: String, _ v: UInt64) { out.append((name, .int(Int(v)))) }
    func dbl(_ name: String, _ v: Double) { out.append((name, .double(v))) }
    for t in types { int("pgalloc_\(t.counterSuffix)", c.pgalloc[arch.zoneIndex(of: t) ?? 0]) }
    int("pgfree", c[.pgfree])
    for t in types { int("allocstall_\(t.counterSuffix)", c.allocstall[arch.zoneIndex(of: t) ?? 0]) }
    for e in reportedEvents { int(e.kernelName, c[e]) }
    for stat in NUMAStat.allCases { int(stat.kernelName, r.numaMeasured[stat.rawIndex]) }
    int("allocations", s.allocations)
    int("allocation_failures", s.failures)
    dbl("remote_fraction", r.remoteFraction)
    let lat = s.allocationLatency
    int("alloc_latency_p50_ns", lat.quantile(0.5))
    int("alloc_latency_p90_ns", lat.quantile(0.9))
    int("alloc_latency_p99_ns", lat.quantile(0.99))
    int("alloc_latency_p999_ns", lat.quantile(0.999))
    int("alloc_latency_max_ns", lat.count == 0 ? 0 : lat.max)
    int("direct_reclaim_stalls", s.stalls.count)
    dbl("stall_total_ms", Double(s.stallNanoseconds) / 1e6)
    int("stall_p50_us", s.stalls.quantile(0.5) / 1000)
    int("stall_p99_us", s.stalls.quantile(0.99) / 1000)
    int("stall_max_us", s.stalls.count == 0 ? 0 : s.stalls.max / 1000)
    int("stall_pages_p50", s.stallPages.quantile(0.5))
    dbl("allocator_time_ms", Double(s.allocatorNanoseconds) / 1e6)
    dbl("access_time_ms", Double(s.accessNanoseconds) / 1e6)
    for (n, pct) in r.kswapdCPUPercent.enumerated() { dbl("kswapd_cpu_pct_node\(n)", pct) }
    for (n, ns) in s.kswapdWaitNanoseconds.enumerated() { dbl("kswapd_wait_ms_node\(n)", Double(ns) / 1e6) }
    for (c, ns) in s.cpuBusyNanoseconds.enumerated() {
      dbl("cpu\(c)_busy_pct", Double(ns) / 1e9 / r.duration.seconds * 100)
    }
    let faults = s.programs.allFaults
    int("faults", faults.count)
    dbl("fault_rate_per_s", Double(faults.count) / r.duration.seconds)
    dbl("fault_mean_ns", faults.mean)
    int("fault_p50_ns", faults.quantile(0.5))
    int("fault_p99_ns", faults.quantile(0.99))
    int("fault_p999_ns", faults.quantile(0.999))
    int("fault_max_ns", faults.count == 0 ? 0 : faults.max)
    for z in r.zones {
      let name = "node\(z.node)_\(z.type.counterSuffix)"
      dbl("below_min_pct_\(name)", z.belowMinPercent)
      dbl("below_low_pct_\(name)", z.belowLowPercent)
      dbl("below_high_pct_\(name)", z.belowHighPercent)
    }
    dbl("free_mean_mib", r.freeMeanMiB)
    dbl("free_min_mib", r.freeMinMiB)
    dbl("lost_ms", Double(r.lostNanoseconds) / 1e6)
    dbl("free_drift_pct", s.steadyState.freeDriftPercent)
    dbl("lru_drift_pct", s.steadyState.lruDriftPercent)
    int("min_free_kbytes", UInt64(r.setup.minFreeKbytes))
    int("watermark_scale_factor", UInt64(r.setup.sysctl.watermarkScaleFactor))
    return out
  }

  static func timeseriesTable(_ r: RunSummary) -> CSVTable {
    var t = CSVTable(header: timeseriesHeader)
    let zones = r.setup.zones.flatMap { $0 }
    for row in r.stats.timeseries { t.append(timeseriesRow(row, zones: zones)) }
    return t
  }

  /// The columns of `timeseries.csv`.
  public static let timeseriesHeader =
    ["time_s", "node", "zone", "nr_free_pages", "min", "low", "high", "boost", "kswapd_running"]
    + LRUList.allCases.map(\.kernelName)

  /// One line of `timeseries.csv`; `zones` are the machine's zones, node-major.
  public static func timeseriesRow(_ row: TimeseriesRow, zones: [ZoneSetup]) -> [CSVValue] {
    let zone = zones[row.zone]
    return [
      .double(row.time.seconds), .int(zone.id.node.index), .text(zone.span.type.kernelName),
      .int(row.freePages), .int(row.min), .int(row.low), .int(row.high), .int(row.boost),
      .int(row.kswapdRunning ? 1 : 0),
    ] + row.lru.map { .int($0) }
  }

  static func stallTable(_ r: RunSummary) -> CSVTable {
    var t = CSVTable(header: stallHeader)
    for s in r.stats.stallLog { t.append(stallRow(s, groupNames: r.groupNames)) }
    return t
  }

  /// The columns of `threads.csv`.
  public static let threadHeader = [
    "group", "threads", "passes", "faults", "fault_rate_per_s", "fault_mean_ns", "fault_p50_ns", "fault_p99_ns",
    "fault_p999_ns", "fault_max_ns", "reads", "read_p50_ns", "read_p99_ns", "stall_ms", "cpu_wait_ms",
  ]

  static func threadTable(_ r: RunSummary) -> CSVTable {
    var t = CSVTable(header: threadHeader)
    let p = r.stats.programs
    for g in r.programGroups {
      let faults = p.faultLatency[g.group]
      let reads = p.readLatency[g.group]
      t.append([
        .text(r.groupNames[g.group]), .int(g.threads), .int(g.passes), .int(Int(faults.count)),
        .double(Double(faults.count) / r.duration.seconds), .double(faults.mean), .int(Int(faults.quantile(0.5))),
        .int(Int(faults.quantile(0.99))), .int(Int(faults.quantile(0.999))),
        .int(faults.count == 0 ? 0 : Int(faults.max)), .int(Int(reads.count)), .int(Int(reads.quantile(0.5))),
        .int(Int(reads.quantile(0.99))), .double(Double(p.stallNanoseconds[g.group]) / 1e6),
        .double(Double(p.waitNanoseconds[g.group]) / 1e6),
      ])
    }
    return t
  }

  /// The columns of `stalls.csv`.
  public static let stallHeader = ["start_s", "duration_us", "pages_reclaimed", "order", "cpu", "group"]

  /// One line of `stalls.csv`.
  public static func stallRow(_ s: StallRecord, groupNames: [String]) -> [CSVValue] {
    [
      .double(s.start.seconds), .double(Double(s.nanoseconds) / 1e3), .int(Int(s.pagesReclaimed)),
      .int(Int(s.order)), .int(Int(s.cpu)), .text(groupNames[Int(s.group)]),
    ]
  }
}
