// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ModelBenchmarkTests {
  @Test func itCountsEveryPageTheKernelsCountersSeeInTheRun() throws {
    let config = try SimulationConfig.parse(yaml: SimulationTests.shortDefault, file: "bench.yaml")
    let measured = try ModelBenchmark(config: config).measure()
    var sim = try Simulation(config)
    let report = sim.run()
    // The same run: the same events; every allocation counted, warm-up included.
    #expect(measured.events == report.events)
    let allocated = report.summary.countersMeasured.pgalloc.reduce(0, +)
    #expect(measured.allocations > allocated)
    #expect(measured.frees > report.summary.stats.frees)
    #expect(measured.pageOperations == measured.allocations + measured.frees)
    #expect(measured.simulatedSeconds == 0.5)
    #expect(measured.cpuSeconds > 0 && measured.cpuSeconds < 60)
  }

  @Test func theResultReadsAsALineAndATableRow() {
    let r = ModelBenchmark.Result(
      name: "default", events: 3_000_000, allocations: 2_000_000, frees: 1_000_000, cpuSeconds: 2,
      wallSeconds: 2.5, simulatedSeconds: 25)
    #expect(
      r.line
        == "RESULT bench=model config=default events=3000000 allocations=2000000 frees=1000000 page_ops=3000000 "
        + "cpu_seconds=2.0000 wall_seconds=2.5000 page_ops_per_cpu_sec=1500000 events_per_cpu_sec=1500000 "
        + "sim_seconds_per_cpu_second=12.500")
    #expect(r.markdownRow == "| `default` | 25 | 2.0 | 12.50 | 1.50 | 1.50 |")
    #expect(ModelBenchmark.Result.markdownHeader.split(separator: "\n").count == 2)
  }
}
