// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunFiguresTests {
  static func figure(_ figures: [Figure], _ name: String) throws -> Figure {
    try #require(figures.first { $0.name == name })
  }

  @Test func everyFigureOfARunWithItsSeries() throws {
    let folder = try PlotFolders.run(
      samples: 30, stalls: [(2.05, 120, "heap"), (2.10, 80, "cache"), (2.2, 300, "heap")])
    let figures = try RunFigures.figures(folder: folder)
    #expect(figures.map(\.name) == ["free-pages", "lru", "stalls", "latency"])
    let free = try Self.figure(figures, "free-pages")
    // Node 0 DMA32: four lines; Normal: four lines and the boosted high (boost in sample 0);
    // node 1: kswapd's ten running samples (every third of 30) and four lines.
    #expect(
      free.series.map(\.title) == [
        "nr_free_pages", "min", "low", "high", "nr_free_pages", "min", "low", "high", "high + boost", "kswapd running",
        "nr_free_pages", "min", "low", "high",
      ])
    #expect(free.series.filter { $0.style == .lines }.allSatisfy { $0.points == 30 })
    #expect(free.series.first { $0.style == .boxes }?.points == 10)
    #expect(free.data.components(separatedBy: "\n\n\n").count == 3)
    // Pages are drawn in MiB: 1000 pages are 3.90625 MiB.
    #expect(free.data.contains("\n2 3.90625 0.390625 0.46875 0.546875 0.546875 0\n"))
    let lru = try Self.figure(figures, "lru")
    #expect(lru.series.count == 8 && lru.series.allSatisfy { $0.points == 30 })
    let stalls = try Self.figure(figures, "stalls")
    #expect(stalls.series.map(\.title) == ["heap", "cache", "all stalls"])
    #expect(stalls.series.map(\.points) == [2, 1, 3])
    #expect(stalls.data.hasSuffix("# CDF of stall durations\n80 0.333333333\n120 0.666666667\n300 1\n"))
    let latency = try Self.figure(figures, "latency")
    // Allocations: slower than 100 ns 50 %, than 200 ns 20 % (the last bucket has none slower);
    // the stalls' one bucket has none slower either.
    #expect(latency.series.map(\.points) == [2])
    #expect(latency.data == "# allocations\n100 0.5\n200 0.2\n")
  }

  @Test func aRunWithoutStallsSaysSoInsteadOfPlottingNothing() throws {
    let folder = try PlotFolders.run(samples: 3, stalls: [])
    let stalls = try Self.figure(try RunFigures.figures(folder: folder), "stalls")
    #expect(stalls.series.isEmpty && stalls.data.isEmpty)
    #expect(stalls.script.contains("no direct-reclaim stalls in the measured window"))
  }

  @Test func longRunsAreDecimatedButKeepTheirSpikes() throws {
    let folder = try PlotFolders.run(samples: RunFigures.lineLimit + 1000, stalls: [])
    let free = try Self.figure(try RunFigures.figures(folder: folder), "free-pages")
    let lines = free.series.filter { $0.style == .lines }
    #expect(lines.allSatisfy { $0.points <= RunFigures.lineLimit && $0.points > RunFigures.lineLimit / 2 })
  }

  @Test func manyStallsDrawEveryKthMarkerAndAFixedSizeCDF() throws {
    let many: [(Double, Double, String)] = (0..<(RunFigures.stallMarkerLimit * 2 + 10)).map { k in
      let time = 2 + Double(k) * 1e-5
      return (time, Double(k % 900) + 1, "heap")
    }
    let folder = try PlotFolders.run(samples: 3, stalls: many)
    let stalls = try Self.figure(try RunFigures.figures(folder: folder), "stalls")
    #expect(stalls.script.contains("\(many.count) direct-reclaim stalls (1 in 3 drawn)"))
    #expect(stalls.series[0].points == (many.count + 2) / 3)
    #expect(stalls.series[1].points == RunFigures.cdfPoints)
  }
}
