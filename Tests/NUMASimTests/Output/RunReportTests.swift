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

  @Test func theTextShowsTheSameFiguresAsTheMetrics() throws {
    let report = try runScenario(smallTwoNodeRun)
    let s = report.summary
    #expect(report.text.contains("allocations      \(s.stats.allocations) (\(s.stats.failures) failed)"))
    #expect(report.text.contains("pageoutrun \(s.countersMeasured[.pageoutrun])"))
    #expect(report.text.contains("numa_miss \(s.numaMeasured[NUMAStat.numaMiss.rawIndex])"))
  }

  @Test func theStallTableHasARowPerStall() throws {
    let report = try runScenario(smallTwoNodeRun)
    #expect(report.stalls.rows.count == report.summary.stats.stallLog.count)
    #expect(report.timeseries.rows.count == Int(report.summary.stats.samples) * report.summary.zones.count)
  }
}
