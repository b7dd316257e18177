// SPDX-License-Identifier: MIT

import Foundation

/// The results of a run: kernel-named counters, latency and stall distributions, kswapd CPU,
/// watermark occupancy and free memory, as ordered metrics and as readable text.
public struct RunReport: Sendable {
  /// Ordered `(column, value)` pairs: the row of `summary.csv` and of a sweep.
  public var metrics: [(String, CSVValue)]
  public var text: String
  public var timeseries: CSVTable
  /// One row per direct-reclaim stall: start, duration, pages reclaimed, order, CPU, group.
  public var stalls: CSVTable
  /// Page allocations plus frees after the warm-up.
  public var pageOperations: UInt64
  public var vmstat: String
  public var zoneinfo: String
  public var wallSeconds: Double
  public var events: UInt64
  /// The distributions behind the percentile metrics.
  public var allocationLatency: LatencyHistogram
  public var stallLatency: LatencyHistogram
  public var accessLatency: LatencyHistogram

  init(model m: SimulationModel, config: SimulationConfig, setup: MachineSetup, events: UInt64, wallSeconds: Double) {
    self.events = events
    self.wallSeconds = wallSeconds
    allocationLatency = m.stats.allocationLatency
    stallLatency = m.stats.stalls
    accessLatency = m.stats.accessLatency
    let a = m.allocator
    let c = a.counters
    let base = m.stats.baseline ?? VMCounters(zoneCount: a.zonesPerNode)
    let types = a.architecture.zoneTypes.filter { $0 != .device }
    var out: [(String, CSVValue)] = []
    func int(_ name: String, _ v: UInt64) { out.append((name, .int(Int(v)))) }
    func dbl(_ name: String, _ v: Double) { out.append((name, .double(v))) }
    for t in types {
      let i = a.architecture.zoneIndex(of: t) ?? 0
      int("pgalloc_\(t.counterSuffix)", c.pgalloc[i] &- base.pgalloc[i])
    }
    int("pgfree", c[.pgfree] &- base[.pgfree])
    for t in types {
      let i = a.architecture.zoneIndex(of: t) ?? 0
      int("allocstall_\(t.counterSuffix)", c.allocstall[i] &- base.allocstall[i])
    }
    let events: [VMEvent] = [
      .pgscanKswapd, .pgscanDirect, .pgscanDirectThrottle, .pgscanAnon, .pgscanFile, .pgstealKswapd, .pgstealDirect,
      .pgstealAnon, .pgstealFile, .pgactivate, .pgdeactivate, .pgrefill, .kswapdLowWmarkHitQuickly,
      .kswapdHighWmarkHitQuickly, .pageoutrun, .oomKill, .zoneReclaimSuccess, .zoneReclaimFailed, .pswpout,
      .thpFaultAlloc, .thpFaultFallback,
    ]
    for e in events { int(e.kernelName, c[e] &- base[e]) }
    for stat in NUMAStat.allCases {
      var total: UInt64 = 0
      for z in 0..<a.zoneCount {
        let i = z * NUMAStat.count + stat.rawIndex
        total &+= a.numaStats[i] &- (m.stats.baselineNUMA.isEmpty ? 0 : m.stats.baselineNUMA[i])
      }
      int(stat.kernelName, total)
    }
    let s = m.stats
    int("allocations", s.allocations)
    int("allocation_failures", s.failures)
    dbl("remote_fraction", s.allocations == 0 ? 0 : Double(s.remoteAllocations) / Double(s.allocations))
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
    let seconds = config.duration.seconds
    for (n, k) in m.reclaim.kswapd.enumerated() {
      let cpu = k.cpuNanoseconds &- (s.baselineKswapdCPU.isEmpty ? 0 : s.baselineKswapdCPU[n])
      dbl("kswapd_cpu_pct_node\(n)", Double(cpu) / 1e9 / seconds * 100)
    }
    for (z, zone) in a.zones.enumerated() where zone.isManaged {
      let name = "node\(zone.id.node.index)_\(zone.type.counterSuffix)"
      let samples = Double(Swift.max(s.samples, 1))
      dbl("below_min_pct_\(name)", Double(s.belowMin[z]) / samples * 100)
      dbl("below_low_pct_\(name)", Double(s.belowLow[z]) / samples * 100)
      dbl("below_high_pct_\(name)", Double(s.belowHigh[z]) / samples * 100)
    }
    dbl("free_mean_mib", s.samples == 0 ? 0 : s.freePagesSum / Double(s.samples) * Double(Pages.size) / 1048576)
    dbl("free_min_mib", s.freePagesMin == Int.max ? 0 : Double(s.freePagesMin * Pages.size) / 1048576)
    dbl("lost_ms", Double(m.workload.lostNanoseconds) / 1e6)
    int("min_free_kbytes", UInt64(setup.minFreeKbytes))
    int("watermark_scale_factor", UInt64(setup.sysctl.watermarkScaleFactor))
    metrics = out
    text = RunReport.render(out, config: config, setup: setup, events: self.events, wall: wallSeconds)
    timeseries = RunReport.timeseriesTable(s.timeseries, a)
    var stallTable = CSVTable(header: ["start_s", "duration_us", "pages_reclaimed", "order", "cpu", "group"])
    let names = m.workload.groups.map(\.group.name)
    for r in s.stallLog {
      stallTable.append(
        [
          .double(r.start.seconds), .double(Double(r.nanoseconds) / 1e3), .int(Int(r.pagesReclaimed)),
          .int(Int(r.order)),
          .int(Int(r.cpu)), .text(names[Int(r.group)]),
        ])
    }
    stalls = stallTable
    pageOperations = s.allocations &+ s.frees
    vmstat = out.map { "\($0.0) \(CSVWriter.field($0.1))" }.joined(separator: "\n") + "\n"
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
    for n in 0..<a.nodeCount {
      for l in LRUList.allCases {
        if let stat = NodeStat(rawValue: l.kernelName) {
          snapshot.nodeStats[n][stat.index] = m.reclaim.lru.size(node: n, l)
        }
      }
      snapshot.nodeUnreclaimable[n] = m.reclaim.kswapd[n].failures >= Kswapd.maxFailures
    }
    zoneinfo = ZoneInfoReport.render(snapshot)
  }

  static func timeseriesTable(_ rows: [TimeseriesRow], _ a: PageAllocator) -> CSVTable {
    var t = CSVTable(
      header: ["time_s", "node", "zone", "nr_free_pages", "min", "low", "high", "boost", "kswapd_running"]
        + LRUList.allCases.map(\.kernelName))
    for r in rows {
      let z = a.zones[r.zone]
      t.append(
        [
          .double(r.time.seconds), .int(z.id.node.index), .text(z.type.kernelName), .int(r.freePages), .int(r.min),
          .int(r.low), .int(r.high), .int(r.boost), .int(r.kswapdRunning ? 1 : 0),
        ] + r.lru.map { .int($0) })
    }
    return t
  }

  static func render(
    _ m: [(String, CSVValue)], config: SimulationConfig, setup: MachineSetup, events: UInt64, wall: Double
  )
    -> String
  {
    func v(_ k: String) -> String { m.first { $0.0 == k }.map { CSVWriter.field($0.1) } ?? "-" }
    let seconds = config.duration.seconds
    var out = "numasim run '\(config.name)': Linux \(setup.kernel), \(setup.machine.nodes.count) nodes, "
    out += "\(setup.machine.onlineCPUs) CPUs, seed \(config.seed)\n"
    out +=
      "simulated \(config.warmup.seconds)s warm-up + \(seconds)s measured in \(String(format: "%.2f", wall))s wall "
    out +=
      "(\(events) events, \(String(format: "%.1f", (config.warmup.seconds + seconds) / Swift.max(wall, 1e-9)))x real time)\n"
    out +=
      "vm.min_free_kbytes = \(setup.minFreeKbytes), vm.watermark_scale_factor = \(setup.sysctl.watermarkScaleFactor)\n\n"
    out +=
      "allocations      \(v("allocations")) (\(v("allocation_failures")) failed), remote fraction \(v("remote_fraction"))\n"
    out +=
      "latency ns       p50 \(v("alloc_latency_p50_ns"))  p90 \(v("alloc_latency_p90_ns"))  p99 \(v("alloc_latency_p99_ns"))"
    out += "  p99.9 \(v("alloc_latency_p999_ns"))  max \(v("alloc_latency_max_ns"))\n"
    out +=
      "direct reclaim   \(v("direct_reclaim_stalls")) stalls, \(v("stall_total_ms")) ms in all; p50 \(v("stall_p50_us")) us"
    out += ", p99 \(v("stall_p99_us")) us, max \(v("stall_max_us")) us\n"
    let stallNames = m.filter { $0.0.hasPrefix("allocstall_") }.map { "\($0.0) \(CSVWriter.field($0.1))" }
    out += "                 " + stallNames.joined(separator: "  ") + "\n"
    out +=
      "kswapd           pgscan_kswapd \(v("pgscan_kswapd")), pgsteal_kswapd \(v("pgsteal_kswapd")), pageoutrun \(v("pageoutrun"))"
    out +=
      ", low_wmark_hit_quickly \(v("kswapd_low_wmark_hit_quickly")), high_wmark_hit_quickly \(v("kswapd_high_wmark_hit_quickly"))\n"
    out +=
      "                 "
      + m.filter { $0.0.hasPrefix("kswapd_cpu_pct") }.map { "\($0.0) \(CSVWriter.field($0.1))" }.joined(separator: "  ")
      + "\n"
    out +=
      "direct scans     pgscan_direct \(v("pgscan_direct")), pgsteal_direct \(v("pgsteal_direct")), throttled \(v("pgscan_direct_throttle")), oom_kill \(v("oom_kill"))\n"
    out +=
      "NUMA             numa_hit \(v("numa_hit")), numa_miss \(v("numa_miss")), numa_foreign \(v("numa_foreign")), numa_local \(v("numa_local")), numa_other \(v("numa_other"))\n"
    out +=
      "free memory      mean \(v("free_mean_mib")) MiB, min \(v("free_min_mib")) MiB; workload time lost to stalls \(v("lost_ms")) ms\n"
    out +=
      "below watermark  "
      + m.filter { $0.0.hasPrefix("below_low_pct") }.map { "\($0.0.dropFirst(14)) \(CSVWriter.field($0.1))%" }.joined(
        separator: "  ") + " (of samples, low)\n"
    return out
  }
}
