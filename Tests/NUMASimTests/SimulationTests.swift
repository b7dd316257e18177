// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// Runs a scenario and returns its report.
func runScenario(_ yaml: String, _ sysctls: [String] = [], seed: UInt64 = 1) throws -> RunReport {
  var config = try SimulationConfig.parse(yaml: yaml, file: "scenario.yaml")
  for s in sysctls { try SysctlKey.apply(assignment: s, to: &config.sysctl) }
  config.seed = seed
  var sim = try Simulation(config)
  return sim.run()
}

extension RunReport {
  subscript(_ name: String) -> Double { metrics.first { $0.0 == name }?.1.number ?? .nan }
}

/// One 1 GiB node full of clean page cache, hit by bursts of about 4000 pages that outrun
/// kswapd (THP off, so min_free_kbytes comes from the sqrt rule: 4 MiB).
let burstyNearFull = """
  machine: {nodes: [{memory: 1GiB, cpus: 2}]}
  sysctl: {transparent_hugepage: never}
  warmup: 3s
  duration: 3s
  workload:
    - name: cache
      cpus: [0]
      arrival: {poisson: 100000}
      kind: file_clean
    - name: bursts
      cpus: [1]
      arrival: {on_off: {rate: 400000, on: "exponential(mean=0.01)", off: "exponential(mean=0.1)"}}
      kind: file_clean
  """

@Suite struct SimulationTests {
  @Test func aHugePageThatCannotBeHadFallsBackToASmallOne() throws {
    // Scattered page cache leaves plenty free but few free 2 MiB blocks: huge-page faults
    // (GFP_TRANSHUGE_LIGHT, no reclaim) fail and fall back to single pages, which succeed.
    let r = try runScenario(
      """
      machine: {nodes: [{memory: 512MiB, cpus: 2}]}
      warmup: 1s
      duration: 2s
      workload:
        - name: cache
          cpus: [0]
          arrival: {poisson: 200000}
          kind: file_clean
        - name: heap
          cpus: [1]
          arrival: {poisson: 400}
          order: 9
          kind: anon
          gfp: GFP_TRANSHUGE_LIGHT
          lifetime: "exponential(mean=0.2)"
      """)
    #expect(r["thp_fault_alloc"] > 0)
    #expect(r["thp_fault_fallback"] > 0)
    #expect(r["allocation_failures"] == 0)
  }

  @Test func higherWatermarkScaleFactorCutsDirectReclaimAndKeepsFreeMemoryBetweenLowAndHigh() throws {
    let low = try runScenario(burstyNearFull, ["vm.watermark_scale_factor=10"])
    let high = try runScenario(burstyNearFull, ["vm.watermark_scale_factor=200"])
    // At 10 the low-high gap (about 1 MiB) is a fraction of a burst (about 16 MiB): the
    // bursts outrun kswapd and stall hundreds of times in 3 s (439 with seed 1). At 200
    // the gap is about 19 MiB, so kswapd wakes early enough that almost none stall (2). A model
    // whose kswapd woke late, or whose stalls ignored the marks, would stall alike at both.
    #expect(low["direct_reclaim_stalls"] > 200)
    #expect(high["direct_reclaim_stalls"] * 100 < low["direct_reclaim_stalls"])
    #expect(high["stall_total_ms"] * 100 < low["stall_total_ms"])
    // With the gap wider than a burst, kswapd holds free memory between the marks (35.7 MiB):
    // below low it would be waking late; above high, not stopping at high.
    let (lowMark, highMark) = Self.marksMiB(high, \.low, \.high)
    #expect(high["free_mean_mib"] > lowMark && high["free_mean_mib"] < highMark)
  }

  @Test func raisingMinFreeKbytesMovesFreeMemoryWithTheMarks() throws {
    let base = try runScenario(burstyNearFull, ["vm.min_free_kbytes=4096"])
    let raised = try runScenario(burstyNearFull, ["vm.min_free_kbytes=16384"])
    // min rises by about 12 MiB and high by about 18 MiB (the gaps are min/4 each): free
    // memory follows the marks, so it grows by more than min moved and less than high moved
    // (15.9 MiB with seed 1). Marks that did not move, or a kswapd that ignored them, fail this.
    let grown = raised["free_mean_mib"] - base["free_mean_mib"]
    let minMoved = Self.marksMiB(raised, \.min, \.min).0 - Self.marksMiB(base, \.min, \.min).0
    let highMoved = Self.marksMiB(raised, \.high, \.high).0 - Self.marksMiB(base, \.high, \.high).0
    #expect(minMoved > 11 && highMoved > 17)
    #expect(grown > minMoved && grown < highMoved)
    // A wider gap gives kswapd a head start: stalls fall to about a third (1047 → 356).
    #expect(raised["allocstall_movable"] * 2 < base["allocstall_movable"])
  }

  /// The machine-wide sums of two watermarks of a run's zones (MiB).
  static func marksMiB(
    _ r: RunReport, _ a: KeyPath<ZoneWatermarks, Int>, _ b: KeyPath<ZoneWatermarks, Int>
  ) -> (Double, Double) {
    let zones = r.summary.setup.zones.flatMap { $0 }.filter { $0.span.managed.count > 0 }
    let mib = { (k: KeyPath<ZoneWatermarks, Int>) in
      Double(zones.reduce(0) { $0 + $1.watermarks[keyPath: k] } * Pages.size) / 1_048_576
    }
    return (mib(a), mib(b))
  }

  @Test func sameSeedSameReportDifferentSeedDifferentReport() throws {
    let a = try runScenario(burstyNearFull)
    let b = try runScenario(burstyNearFull)
    let c = try runScenario(burstyNearFull, seed: 2)
    // The text's second line reports wall time; everything else is the same.
    let lines = { (r: RunReport) in r.text.split(separator: "\n").filter { !$0.hasPrefix("simulated ") } }
    #expect(lines(a) == lines(b))
    #expect(a.metrics.map { CSVWriter.field($0.1) } == b.metrics.map { CSVWriter.field($0.1) })
    #expect(a.metrics.map { CSVWriter.field($0.1) } != c.metrics.map { CSVWriter.field($0.1) })
  }

  @Test func withNothingReclaimableAndNoSwapGFPKernelEndsInAnOOMKillAndTheRunGoesOn() throws {
    let r = try runScenario(
      """
      machine: {nodes: [{memory: 128MiB, cpus: 1}]}
      warmup: 0s
      duration: 2s
      workload:
        - {name: leak, arrival: {poisson: 40000}, kind: anon, gfp: GFP_KERNEL}
      """)
    #expect(r["oom_kill"] >= 1)
    #expect(r["allocations"] > 60_000)  // it kept allocating after the kill
  }

  @Test func swappinessZeroReclaimsFileOnlyAnd200LeansOnAnon() throws {
    let yaml = """
      machine: {nodes: [{memory: 256MiB, cpus: 2}]}
      swap: {size: 1GiB}
      warmup: 1s
      duration: 2s
      costs: {scan_us: 0.5, clean_file_us: 2.5, free_page_ns: 0}
      workload:
        - {name: heap, cpus: [0], arrival: {poisson: 15000}, kind: anon}
        - name: cache
          cpus: [1]
          arrival: {poisson: 40000}
          kind: file_clean
          access: {reference_interval: "exponential(mean=0.05)", hot_fraction: 1}
      """
    // The cache is a working set (referenced, so activated): the inactive file list runs
    // low, there is no cache_trim_mode, and swappiness decides the split. Reclaim is made
    // slow (3 µs a page) so that kswapd falls behind and reclaim reaches the lower
    // priorities, where the split shows.
    let zero = try runScenario(yaml, ["vm.swappiness=0"])
    let heavy = try runScenario(yaml, ["vm.swappiness=200"])
    #expect(zero["pgscan_file"] > 0 && zero["pgscan_anon"] == 0)
    #expect(heavy["pgscan_anon"] > 0)
    #expect(heavy["pgsteal_anon"] / max(heavy["pgsteal_file"], 1) > zero["pgsteal_anon"] / max(zero["pgsteal_file"], 1))
  }

  @Test func useOncePageCacheIsTrimmedWithoutSwappingTheHeap() throws {
    let r = try runScenario(
      """
      machine: {nodes: [{memory: 256MiB, cpus: 2}]}
      swap: {size: 1GiB}
      warmup: 1s
      duration: 2s
      workload:
        - {name: heap, cpus: [0], arrival: {poisson: 15000}, kind: anon}
        - {name: stream, cpus: [1], arrival: {poisson: 40000}, kind: file_clean}
      """)
    // Never-referenced page cache keeps the inactive file list large and not low:
    // cache_trim_mode reclaims it alone, whatever swappiness says.
    #expect(r["pgsteal_file"] > 10_000 && r["pgscan_anon"] == 0 && r["pswpout"] == 0)
  }

  static func zoneReclaimScenario(mapped: Bool) -> String {
    """
    machine: {nodes: [{memory: 256MiB, cpus: 1}, {memory: 256MiB, cpus: 1}], distances: [[10, 20], [20, 10]]}
    warmup: 1s
    duration: 2s
    workload:
      - {name: cache, cpus: [0], arrival: {poisson: 60000}, kind: file_clean, mapped: \(mapped)}
    """
  }

  @Test func zoneReclaimModeReclaimsUnmappedPageCacheLocallyBeforeFallingBack() throws {
    let yaml = Self.zoneReclaimScenario(mapped: false)
    let off = try runScenario(yaml, ["vm.zone_reclaim_mode=0"])
    let on = try runScenario(yaml, ["vm.zone_reclaim_mode=1"])
    // Off: once node 0 is at its low mark, allocations go to node 1. On: node 0 reclaims its
    // own clean cache first. A node_reclaim that never ran or never succeeded leaves the
    // remote share where it is.
    #expect(off["remote_fraction"] > 0.2)
    #expect(on["zone_reclaim_success"] > 0)
    #expect(on["remote_fraction"] < off["remote_fraction"] / 2)
  }

  @Test func mappedPageCacheNeedsReclaimUnmapForNodeReclaim() throws {
    let yaml = Self.zoneReclaimScenario(mapped: true)
    let zoneOnly = try runScenario(yaml, ["vm.zone_reclaim_mode=1"])
    let unmap = try runScenario(yaml, ["vm.zone_reclaim_mode=5"])
    // node_pagecache_reclaimable(): without RECLAIM_UNMAP mapped cache does not count, so
    // node_reclaim() returns NODE_RECLAIM_FULL at once and allocations go remote.
    #expect(zoneOnly["zone_reclaim_success"] == 0 && zoneOnly["zone_reclaim_failed"] == 0)
    #expect(zoneOnly["remote_fraction"] > 0.2)
    #expect(unmap["zone_reclaim_success"] > 0)
    #expect(unmap["remote_fraction"] < zoneOnly["remote_fraction"] / 2)
  }

  @Test func aNodeReclaimHoldsTheNodeForItsWork() throws {
    var config = try SimulationConfig.parse(yaml: Self.zoneReclaimScenario(mapped: false), file: "zr.yaml")
    try SysctlKey.apply(assignment: "vm.zone_reclaim_mode=1", to: &config.sysctl)
    var sim = try Simulation(config)
    _ = sim.run()
    // PGDAT_RECLAIM_LOCKED was taken: its release time is after the run began and never
    // beyond the run's end plus one reclaim.
    let until = sim.model.reclaim.nodes[0].nodeReclaimLockedUntil
    #expect(until > .seconds(1) && until < .seconds(4))
    #expect(sim.model.reclaim.nodes[1].nodeReclaimLockedUntil == .zero)
  }

  static let shortDefault = """
    machine: {nodes: [{memory: 512MiB, cpus: 2}]}
    warmup: 200ms
    duration: 300ms
    workload:
      - name: cache
        arrival: {poisson: 50000}
        kind: file_clean
      - name: heap
        arrival: {poisson: 20000}
        kind: anon
        lifetime: "exponential(mean=0.1)"
    """

  @Test func aControlledRunInSlicesEqualsOneRunAndStreamsEverySample() throws {
    let config = try SimulationConfig.parse(yaml: Self.shortDefault, file: "s.yaml")
    var whole = try Simulation(config)
    let expected = whole.run()
    var sliced = try Simulation(config)
    var control = RunControl()
    control.sliceTime = .milliseconds(7)
    control.sliceEvents = 5_000
    final class Sink: @unchecked Sendable {
      var rows: [TimeseriesRow] = []
      var stalls: [StallRecord] = []
      var positions: [RunPosition] = []
    }
    let sink = Sink()
    control.record = { rows, stalls in
      sink.rows += rows
      sink.stalls += stalls
    }
    control.progress = { sink.positions.append($0) }
    let report = try sliced.run(control: control)
    #expect(report.metrics.map(\.1) == expected.metrics.map(\.1))
    #expect(report.events == expected.events)
    #expect(sink.rows.count == expected.summary.stats.timeseries.count)
    #expect(sink.rows.map(\.freePages) == expected.summary.stats.timeseries.map(\.freePages))
    #expect(sink.stalls.count == expected.summary.stats.stallLog.count)
    #expect(report.summary.stats.timeseries.isEmpty)
    #expect(sink.positions.last?.now == config.warmup + config.duration)
    #expect(zip(sink.positions, sink.positions.dropFirst()).allSatisfy { $0.now <= $1.now })
  }

  @Test func theEventBudgetStopsARunWhereItWas() throws {
    let config = try SimulationConfig.parse(yaml: Self.shortDefault, file: "s.yaml")
    var sim = try Simulation(config)
    var control = RunControl()
    control.maxEvents = 10_000
    #expect {
      try sim.run(control: control)
    } throws: { error in
      guard case .eventBudget(let p, let budget)? = error as? RunStop else { return false }
      return budget == 10_000 && p.events == 10_000 && p.now < config.warmup + config.duration
    }
  }

  @Test func aStopRequestEndsTheRunAfterTheCurrentSlice() throws {
    let config = try SimulationConfig.parse(yaml: Self.shortDefault, file: "s.yaml")
    var sim = try Simulation(config)
    var control = RunControl()
    control.isStopRequested = { true }
    #expect {
      try sim.run(control: control)
    } throws: { error in
      guard case .interrupted(let p)? = error as? RunStop else { return false }
      return p.now == .milliseconds(100) && "\(error)".hasPrefix("interrupted at 0.100 s of 0.500 s simulated, after ")
    }
  }
}
