// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// A two-node run short enough for unit tests, with reclaim, remote allocations and stalls.
let smallTwoNodeRun = """
  machine: {nodes: [{memory: 96MiB, cpus: 1}, {memory: 96MiB, cpus: 1}]}
  sysctl: {transparent_hugepage: never}
  warmup: 200ms
  duration: 400ms
  workload:
    - {name: cache, cpus: [0], arrival: {poisson: 80000}, kind: file_clean}
    - {name: heap, cpus: [1], arrival: {poisson: 20000}, kind: anon, lifetime: 100ms}
  """

@Suite struct VMStatReportTests {
  @Test func namesComeInTheOrderLinuxPrintsThem() throws {
    let report = try runScenario(smallTwoNodeRun)
    let names = report.vmstat.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    let kernel = Fixtures.text("local-6.18.vmstat").split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    let position = Dictionary(uniqueKeysWithValues: kernel.enumerated().map { ($1, $0) })
    // Every name is a real /proc/vmstat name (the x86-64 zones), and they are in its order.
    let positions = names.map { position[$0] }
    #expect(!positions.contains(nil), "\(zip(names, positions).filter { $0.1 == nil }.map(\.0))")
    let known = positions.compactMap { $0 }
    #expect(known == known.sorted())
    #expect(names.count == 51)
  }

  @Test func valuesAreTheMachineAtTheEndCountedFromBoot() throws {
    let report = try runScenario(smallTwoNodeRun)
    var values: [String: Int] = [:]
    for line in report.vmstat.split(separator: "\n") {
      let parts = line.split(separator: " ")
      values[String(parts[0])] = Int(parts[1])
    }
    let zones = report.summary.zoneinfo.zones.flatMap { $0 }
    #expect(values["nr_free_pages"] == zones.reduce(0) { $0 + $1.freePages })
    #expect(values["pgfree"] == Int(report.summary.counters[.pgfree]))
    // From boot: at least what the measured window counted.
    #expect(values["pgscan_kswapd"] ?? -1 >= Int(report.summary.countersMeasured[.pgscanKswapd]))
    #expect(values["numa_miss"] == values["numa_foreign"])
    let lru = report.summary.zoneinfo.nodeStats.reduce(0) { $0 + $1[NodeStat.nrInactiveFile.index] }
    #expect(values["nr_inactive_file"] == lru && lru > 0)
  }
}
