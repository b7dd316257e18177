// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepFiguresTests {
  @Test func heatmapHasACellPerPointAndTheTradeoffItsParetoPoints() throws {
    let figures = try SweepFigures.figures(folder: try PlotFolders.sweep(), options: .init())
    #expect(figures.map(\.name) == ["heatmap", "tradeoff"])
    let heatmap = figures[0]
    #expect(heatmap.series.map(\.style) == [.image, .labels] && heatmap.series.map(\.points) == [4, 4])
    // Cells: x = min_free_kbytes index, y = watermark_scale_factor index, the allocstall mean.
    #expect(heatmap.data == "# allocstall\n0 0 0.5\n1 0 22.5\n0 1 11.5\n1 1 33.5\n")
    #expect(heatmap.script.contains("set xtics ('1024' 0, '4096' 1)"))
    let tradeoff = figures[1]
    // free_mean_mib = 100 − 10 × point falls as allocstall rises: every point is Pareto.
    #expect(tradeoff.series.map(\.points) == [4, 4, 4])
    #expect(
      tradeoff.data.hasSuffix(
        "70 33.5 \"4096, 100\"\n80 22.5 \"4096, 10\"\n90 11.5 \"1024, 100\"\n100 0.5 \"1024, 10\"\n"))
  }

  @Test func axesOptionSwapsTheHeatmap() throws {
    var options = SweepFigures.Options()
    options.axes = ["vm.watermark_scale_factor", "vm.min_free_kbytes"]
    options.metric = "free_mean_mib"
    let heatmap = try SweepFigures.figures(folder: try PlotFolders.sweep(), options: options)[0]
    #expect(heatmap.data == "# free_mean_mib\n0 0 100\n1 0 90\n0 1 80\n1 1 70\n")
  }

  @Test func oneSweptKeyGivesACurveAndThreeGivePanels() throws {
    let one = try SweepFigures.figures(
      folder: try PlotFolders.sweep(axes: [("sysctl.vm.swappiness", ["0", "60", "100"])]), options: .init())
    #expect(one[0].series.map(\.style) == [.errorbars] && one[0].series[0].points == 3)
    let three = try SweepFigures.figures(
      folder: try PlotFolders.sweep(axes: [("a", ["1", "2"]), ("b", ["1", "2"]), ("c", ["x", "y", "z"])]),
      options: .init())
    #expect(three[0].series.count == 6 && three[0].script.contains("set title 'c=z'"))
  }

  @Test func unknownMetricAndAxisAreErrorsAtTheirOption() throws {
    let folder = try PlotFolders.sweep()
    var options = SweepFigures.Options()
    options.metric = "stalls"
    let metric = #expect(throws: InputErrors.self) { try SweepFigures.figures(folder: folder, options: options) }
    #expect(metric?.description.hasPrefix("<command line>: --metric: 'stalls' is not a metric of this sweep") == true)
    options = .init()
    options.axes = ["vm.swappiness", "vm.min_free_kbytes"]
    let axis = #expect(throws: InputErrors.self) { try SweepFigures.figures(folder: folder, options: options) }
    #expect(
      axis?.description
        == "<command line>: --axes: 'vm.swappiness' is not a swept key (the sweep's: vm.min_free_kbytes, vm.watermark_scale_factor)"
    )
  }
}
