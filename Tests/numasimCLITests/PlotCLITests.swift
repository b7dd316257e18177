// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// `numasim plot`, `run --plot` and `sweep --plot`, checked in the pictures gnuplot drew: each
/// series in the SVG holds as many points as the CSV files it was drawn from.
@Suite struct PlotCLITests {
  static let runConfig = """
    machine: {nodes: [{memory: 1GiB, cpus: 2}, {memory: 1GiB, cpus: 2}]}
    warmup: 100ms
    duration: 1s
    workload:
      - {name: heap, arrival: {poisson: 300000}, kind: anon}
      - {name: cache, arrival: {poisson: 300000}, kind: file_clean}

    """

  static let sweepConfig = """
    machine: {nodes: [{memory: 512MiB, cpus: 2}, {memory: 512MiB, cpus: 2}]}
    warmup: 100ms
    duration: 150ms
    workload:
      - {name: cache, arrival: {poisson: 400000}, kind: file_clean}
      - {name: heap, arrival: {poisson: 20000}, kind: anon, lifetime: "exponential(mean=0.05)"}
    sweep:
      grid:
        sysctl.vm.min_free_kbytes: [4096, 65536]
        sysctl.vm.watermark_scale_factor: [10, 200]
      replicates: 2
      seed: 7

    """

  static func folder(_ label: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("numasim-plot-\(label)-\(UUID().uuidString)").path
  }

  /// A CSV file's rows after the header, split at commas.
  static func rows(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  static func expectPictures(_ names: [String], in dir: String) throws {
    for name in names {
      let png = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(name).png"))
      #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name).png")
      _ = try SVGPicture(path: "\(dir)/\(name).svg")
      for ext in ["gp", "dat"] { #expect(FileManager.default.fileExists(atPath: "\(dir)/\(name).\(ext)")) }
    }
    let staging = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".plot-") }
    #expect(staging.isEmpty)
  }

  @Test func aRunsPicturesDrawEverySampleAndEveryStall() throws {
    let dir = Self.folder("run")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile(Self.runConfig)
    let r = try CLIRunner.run(["run", cfg, "--output", dir, "--no-progress", "--plot"], timeout: 120)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("plots: \(dir)/free-pages.svg, \(dir)/lru.svg, \(dir)/stalls.svg, \(dir)/latency.svg"))
    try Self.expectPictures(["free-pages", "lru", "stalls", "latency"], in: dir)

    // free-pages: a panel per zone, each with kswapd's boxes and four lines of every sample.
    let samples = try Self.rows("\(dir)/timeseries.csv")
    let zones = Dictionary(grouping: samples) { "\($0[1]) \($0[2])" }
    let free = try SVGPicture(path: "\(dir)/free-pages.svg").series
    #expect(
      free.map(\.title)
        == Array(repeating: ["kswapd running", "nr_free_pages", "min", "low", "high"], count: zones.count).flatMap {
          $0
        })
    let perZone = zones.values.map(\.count)
    #expect(Set(perZone).count == 1)
    for s in free where s.title != "kswapd running" { #expect(s.coordinates == perZone[0] + 2, "\(s.title)") }

    // lru: a panel per node, four lists each.
    let nodes = Set(samples.map { $0[1] }).count
    let lru = try SVGPicture(path: "\(dir)/lru.svg").series
    #expect(lru.count == 4 * nodes)
    let perNode = samples.count / zones.count
    #expect(lru.allSatisfy { $0.coordinates == perNode + 2 })

    // stalls: a marker per stall of each group, then the CDF of all of them.
    let stalls = try Self.rows("\(dir)/stalls.csv")
    let picture = try SVGPicture(path: "\(dir)/stalls.svg").series
    let groups = Dictionary(grouping: stalls) { $0[5] }
    #expect(!stalls.isEmpty)
    #expect(picture.count == groups.count + 1 && picture.last?.title == "all stalls")
    for s in picture.dropLast() { #expect(s.markers == (groups[s.title]?.count ?? -1) + 1, "\(s.title)") }

    // latency: the share slower than x, one staircase per distribution that has samples.
    let buckets = try Self.rows("\(dir)/latency-histogram.csv")
    let latency = try SVGPicture(path: "\(dir)/latency.svg").series
    #expect(latency.map(\.title).starts(with: ["allocations"]))
    let allocationBuckets = buckets.filter { $0[1] != "0" }.count
    #expect(latency[0].coordinates >= allocationBuckets && latency[0].coordinates <= 2 * allocationBuckets + 2)
  }

  @Test func aSweepsPicturesHaveACellPerPointAndItsParetoFront() throws {
    let dir = Self.folder("sweep")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile(Self.sweepConfig)
    let r = try CLIRunner.run(["sweep", cfg, "--output", dir, "--no-progress", "--jobs", "2", "--plot"], timeout: 300)
    #expect(r.status == 0, "\(r.stderr)")
    try Self.expectPictures(["heatmap", "tradeoff"], in: dir)
    let points = try Self.rows("\(dir)/sweep-summary.csv").count
    #expect(points == 4)
    let heatmap = try SVGPicture(path: "\(dir)/heatmap.svg").series
    #expect(heatmap.count == 2 && heatmap[0].images == 1 && heatmap[1].texts == points)
    let tradeoff = try SVGPicture(path: "\(dir)/tradeoff.svg").series
    #expect(tradeoff.map(\.title).prefix(2) == ["sweep point", "Pareto"])
    #expect(tradeoff[0].markers == points + 1)
    let front = tradeoff[1].markers - 1
    #expect(front >= 1 && front <= points)
    #expect(tradeoff[2].texts == front)

    // Plotting again with another metric redraws in place.
    let again = try CLIRunner.run(["plot", dir, "--metric", "pgscan_kswapd"], timeout: 60)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try String(contentsOfFile: "\(dir)/heatmap.gp", encoding: .utf8).contains("pgscan_kswapd"))
  }

  @Test func withoutGnuplotRunPlotSaysHowToInstallItAndRunsNothing() throws {
    let dir = Self.folder("nognuplot")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile(Self.runConfig)
    let empty = Self.folder("path")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let r = try CLIRunner.run(
      ["run", cfg, "--output", dir, "--no-progress", "--plot"], timeout: 60,
      environment: ["PATH": empty, "NUMASIM_GNUPLOT": ""])
    #expect(r.status == 1)
    #expect(r.stderr.contains("--plot") && r.stderr.contains("apt-get install gnuplot-nox"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir))
  }

  @Test func plottingWhatIsNotAResultsFolderNamesIt() throws {
    let dir = Self.folder("empty")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLIRunner.run(["plot", dir], timeout: 30)
    #expect(r.status == 1)
    #expect(r.stderr.contains(dir), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    let missing = try CLIRunner.run(["plot", dir + "/nothing"], timeout: 30)
    #expect(missing.status == 1 && missing.stderr.contains("nothing"), "\(missing.stderr)")
  }
}
