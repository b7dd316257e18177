// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepSeriesTests {
  @Test func axesPointsAndDerivedAllocstall() throws {
    let sweep = try SweepSeries(folder: try PlotFolders.sweep())
    #expect(sweep.axes == ["sysctl.vm.min_free_kbytes", "sysctl.vm.watermark_scale_factor"])
    #expect(sweep.points.count == 4 && sweep.points.allSatisfy { $0.rows.count == 2 })
    #expect(sweep.points[3].values == ["4096", "100"])
    #expect(sweep.metrics == ["allocstall_dma32", "allocstall_normal", "free_mean_mib", "allocstall"])
    // allocstall = allocstall_dma32 + allocstall_normal: point 2 gives 2 + 20 and 2 + 21.
    #expect(try sweep.values("allocstall", at: sweep.points[2]) == [22, 23])
    let e = try sweep.estimate("allocstall", at: sweep.points[2])
    // Two values 22 and 23: mean 22.5, sd 0.7071, t(0.975, 1) = 12.706: half-width 6.353.
    #expect(e.mean == 22.5 && abs(e.high - e.mean - 6.3531) < 1e-3 && abs(e.mean - e.low - 6.3531) < 1e-3)
    #expect(sweep.axis(named: "vm.watermark_scale_factor") == "sysctl.vm.watermark_scale_factor")
    #expect(sweep.axis(named: "vm.swappiness") == nil)
    #expect(SweepSeries.label("sysctl.vm.min_free_kbytes") == "vm.min_free_kbytes")
  }

  @Test func anUnfinishedSweepIsNamed() throws {
    let folder = try PlotFolders.fresh("unfinished")
    let error = #expect(throws: InputErrors.self) { try SweepSeries(folder: folder) }
    #expect(
      error?.description
        == "\(folder)/sweep-summary.csv: missing: is the folder a finished sweep (numasim sweep --output)?")
  }
}
