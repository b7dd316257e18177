// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct RunSeriesTests {
  @Test func readsEveryZoneSampleStallAndBucket() throws {
    let folder = try PlotFolders.run(samples: 4, stalls: [(2.01, 120, "heap"), (2.02, 90.5, "cache")])
    let run = try RunSeries(folder: folder)
    #expect(run.samples.count == 12)
    #expect(run.zones.map { "\($0.node) \($0.zone)" } == ["0 DMA32", "0 Normal", "1 Normal"])
    #expect(run.nodes == [0, 1])
    let first = run.samples[2]
    #expect(first.node == 1 && first.free == 3000 && first.high == 420 && first.kswapdRunning)
    #expect(first.lru == [11, 21, 31, 41, 0])
    #expect(run.samples[1].boost == 50)
    #expect(run.stalls.map(\.microseconds) == [120, 90.5] && run.stalls[1].group == "cache")
    #expect(run.histogram.bound == [100, 200, 300, 150000] && run.histogram.stalls == [0, 0, 0, 2])
  }

  @Test func aFolderWithoutTheHistogramIsAnOlderRunAndSaysSo() throws {
    let folder = try PlotFolders.run(samples: 2, stalls: [])
    try FileManager.default.removeItem(atPath: "\(folder)/latency-histogram.csv")
    let error = #expect(throws: InputErrors.self) { try RunSeries(folder: folder) }
    #expect(
      error?.description.hasSuffix(
        "latency-histogram.csv: missing: is the folder a run's results (numasim run --output)?") == true)
  }
}
