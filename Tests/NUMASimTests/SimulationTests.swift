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

  @Test func higherWatermarkScaleFactorCutsDirectReclaimAndKeepsMoreFree() throws {
    let low = try runScenario(burstyNearFull, ["vm.watermark_scale_factor=10"])
    let high = try runScenario(burstyNearFull, ["vm.watermark_scale_factor=200"])
    #expect(low["direct_reclaim_stalls"] > 20)
    #expect(high["direct_reclaim_stalls"] < low["direct_reclaim_stalls"] / 2)
    #expect(high["stall_total_ms"] < low["stall_total_ms"] / 2)
    #expect(high["free_mean_mib"] > low["free_mean_mib"] + 2)
  }

  @Test func raisingMinFreeKbytesLiftsTheMarksAndKeepsAboutThatMuchMoreFree() throws {
    let base = try runScenario(burstyNearFull, ["vm.min_free_kbytes=4096"])
    let raised = try runScenario(burstyNearFull, ["vm.min_free_kbytes=16384"])
    #expect(raised["allocstall_movable"] < base["allocstall_movable"])
    let grown = raised["free_mean_mib"] - base["free_mean_mib"]
    // 12 MiB more reserve: about that much more is kept free (with the larger gaps on top).
    #expect(grown > 8 && grown < 60)
    #expect(raised["kswapd_low_wmark_hit_quickly"] + raised["pageoutrun"] > 0)
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
      workload:
        - {name: heap, cpus: [0], arrival: {poisson: 15000}, kind: anon}
        - {name: cache, cpus: [1], arrival: {poisson: 40000}, kind: file_clean}
      """
    let zero = try runScenario(yaml, ["vm.swappiness=0"])
    let heavy = try runScenario(yaml, ["vm.swappiness=200"])
    #expect(zero["pgscan_file"] > 0 && zero["pgscan_anon"] == 0)
    #expect(heavy["pgscan_anon"] > 0)
    #expect(heavy["pgsteal_anon"] / max(heavy["pgsteal_file"], 1) > zero["pgsteal_anon"] / max(zero["pgsteal_file"], 1))
  }

  @Test func zoneReclaimModeReclaimsLocallyBeforeFallingBack() throws {
    let yaml = """
      machine: {nodes: [{memory: 256MiB, cpus: 1}, {memory: 256MiB, cpus: 1}], distances: [[10, 20], [20, 10]]}
      warmup: 1s
      duration: 2s
      workload:
        - {name: cache, cpus: [0], arrival: {poisson: 60000}, kind: file_clean}
      """
    let off = try runScenario(yaml, ["vm.zone_reclaim_mode=0"])
    let on = try runScenario(yaml, ["vm.zone_reclaim_mode=1"])
    #expect(off["remote_fraction"] > 0.2)
    #expect(on["zone_reclaim_success"] > 0)
    #expect(on["remote_fraction"] < off["remote_fraction"] / 2)
  }
}
