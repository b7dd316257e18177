// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunReportTests {
  @Test func metricsComeFromTheSummaryUnderKernelNames() throws {
    let report = try runScenario(smallTwoNodeRun)
    let s = report.summary
    let names = report.metrics.map(\.0)
    #expect(names.prefix(5) == ["pgalloc_dma", "pgalloc_dma32", "pgalloc_normal", "pgalloc_movable", "pgfree"])
    #expect(report["pgscan_kswapd"] == Double(s.countersMeasured[.pgscanKswapd]))
    #expect(report["allocations"] == Double(s.stats.allocations))
    #expect(report["direct_reclaim_stalls"] == Double(s.stats.stalls.count))
    #expect(names.contains("kswapd_cpu_pct_node1") && names.contains("below_low_pct_node1_dma32"))
    #expect(names.last == "watermark_scale_factor")
  }

  @Test func theStallTableHasARowPerStall() throws {
    let report = try runScenario(smallTwoNodeRun)
    #expect(report.stalls.rows.count == report.summary.stats.stallLog.count)
    #expect(report.timeseries.rows.count == Int(report.summary.stats.samples) * report.summary.zones.count)
  }

  @Test func theThreadTableHasARowPerClosedLoopGroupWithItsFaultsAndReads() throws {
    let report = try runScenario(
      """
      machine: {nodes: [{memory: 512MiB, cpus: 3}]}
      warmup: 0s
      duration: 1s
      workload:
        - {name: heap, arrival: {poisson: 1000}, kind: anon}
        - name: faulter
          cpus: [0, 1]
          start: 1ms
          threads: 2
          program: [{touch: 1000 pages}, unmap]
          repeat: 4
          fault_us: 3
        - name: reader
          kind: file_clean
          cpus: [2]
          start: 1ms
          threads: 1
          program: [{read: 100 pages}]
          repeat: 2
          read_us: 5
      """)
    #expect(report.threads.header == RunReport.threadHeader)
    let rows = report.threads.rows.map { $0.map(CSVWriter.field) }
    #expect(rows.count == 2)
    let column = { (name: String) in RunReport.threadHeader.firstIndex(of: name)! }
    #expect(rows[0][column("group")] == "faulter" && rows[1][column("group")] == "reader")
    #expect(rows[0][column("threads")] == "2" && rows[0][column("passes")] == "8")
    #expect(rows[0][column("faults")] == "8000" && rows[0][column("fault_p50_ns")] == "3000")
    #expect(rows[0][column("reads")] == "0" && rows[1][column("reads")] == "200" && rows[1][column("faults")] == "0")
    #expect(rows[1][column("read_p50_ns")] == "5000" && rows[1][column("passes")] == "2")
  }
}
