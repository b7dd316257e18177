// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct SweepRunnerTests {
  struct Stop: Error {}

  static let spec = SweepSpec(
    axes: [
      SweepAxis(path: "sysctl.vm.watermark_scale_factor", values: [.int(10), .int(100), .int(1000)]),
      SweepAxis(path: "label", values: [.text("a,b"), .text("plain")]),
    ], replicates: 3, baseSeed: 42)

  /// Metrics computed from the point's values and seed only, after a jittered pause.
  static let work: SweepRunner.Work = { point in
    let jitter = point.seed % 5 + UInt64((point.index * 7 + point.replicate) % 3)
    Thread.sleep(forTimeInterval: Double(jitter) / 1000)
    guard case .int(let factor) = point.assignments[0].value else { throw Stop() }
    var row: MetricRow = [
      "pages": .int(factor * 3 + Int(point.seed % 97)), "ratio": .double(Double(point.seed % 1000) / 7),
    ]
    row.append("note", point.replicate == 1 ? .text("r\"1\"") : .missing)
    return row
  }

  static func scratch() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)").path
  }

  static func results(_ dir: String) throws -> [String] {
    try [SweepAssembler.sweepFile, SweepAssembler.summaryFile, "sweep.done"].map {
      try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)
    }
  }

  static func run(_ dir: String, jobs: Int = 1, shard: SweepShard? = nil, work: SweepRunner.Work = work) throws
    -> SweepRunner.Report
  {
    try SweepRunner(showsProgress: false).run(
      points: spec.points(), jobs: jobs, shard: shard, outputDirectory: dir, runPoint: work)
  }

  @Test func outputDoesNotDependOnJobs() throws {
    let one = Self.scratch()
    let two = Self.scratch()
    defer { for d in [one, two] { try? FileManager.default.removeItem(atPath: d) } }
    #expect(try Self.run(one, jobs: 1).ran == 18)
    #expect(try Self.run(two, jobs: 2).ran == 18)
    #expect(try Self.results(one) == Self.results(two))
    let rerun = try Self.run(two, jobs: 2)
    #expect(rerun.ran == 0 && rerun.skipped == 18)
    #expect(try Self.results(one) == Self.results(two))
  }

  @Test func tablesHoldOneRowPerRunAndPerPoint() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try Self.run(dir)
    let files = try Self.results(dir)
    let sweep = files[0]
    let summary = files[1]
    let done = files[2]
    let lines = sweep.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "point,replicate,seed,sysctl.vm.watermark_scale_factor,label,pages,ratio,note")
    let seed0 = Self.spec.seed(forReplicate: 0)
    #expect(
      lines[1] == "0,0,\(seed0),10,\"a,b\",\(30 + Int(seed0 % 97)),\(CSVWriter.format(Double(seed0 % 1000) / 7)),")
    #expect(lines[2].hasSuffix(",\"r\"\"1\"\"\""))
    #expect(lines.count == 20)
    let summaryLines = summary.split(separator: "\n")
    #expect(
      summaryLines[0]
        == "point,sysctl.vm.watermark_scale_factor,label,replicates,pages_mean,pages_ci95_low,pages_ci95_high,"
        + "ratio_mean,ratio_ci95_low,ratio_ci95_high")
    #expect(summaryLines.count == 7)
    let pages = (0..<3).map { Double(30 + Int(Self.spec.seed(forReplicate: $0) % 97)) }
    let stats = SummaryStatistics(pages)
    let ci = try #require(stats.confidenceInterval95)
    #expect(
      summaryLines[1].hasPrefix(
        "0,10,\"a,b\",3,\(CSVWriter.format(try #require(stats.mean))),\(CSVWriter.format(ci.lower)),\(CSVWriter.format(ci.upper)),"
      ))
    #expect(done == "sweep.csv\nsweep-summary.csv\n")
  }

  @Test func singleReplicateLeavesTheIntervalEmpty() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let points = SweepSpec(axes: [SweepAxis(path: "k", values: [.double(0.5)])]).points()
    try SweepRunner(showsProgress: false).run(points: points, outputDirectory: dir) { _ in ["m": .double(2)] }
    #expect(try Self.results(dir)[1] == "point,k,replicates,m_mean,m_ci95_low,m_ci95_high\n0,0.5,1,2,,\n")
  }

  @Test func shardsMergeToTheUnshardedFiles() throws {
    let whole = Self.scratch()
    let shards = (1...3).map { _ in Self.scratch() }
    let merged = Self.scratch()
    defer { for d in [whole, merged] + shards { try? FileManager.default.removeItem(atPath: d) } }
    _ = try Self.run(whole, jobs: 2)
    for (k, dir) in shards.enumerated() {
      let report = try Self.run(dir, shard: SweepShard(number: k + 1, of: 3))
      #expect(report.files == ["shard-\(k + 1)-of-3.done"])
      #expect(!FileManager.default.fileExists(atPath: dir + "/sweep.csv"))
    }
    let error = #expect(throws: SweepError.self) {
      try SweepRunner.merge(directories: Array(shards.prefix(2)), into: merged)
    }
    #expect(
      error?.description
        == "6 of 18 runs are missing (point-replicate: 2-0, 2-1, 2-2, 5-0, 5-1, 5-2); "
        + "shard markers found: shard-1-of-3.done, shard-2-of-3.done")
    #expect(!FileManager.default.fileExists(atPath: merged + "/points"))
    try SweepRunner.merge(directories: shards, into: merged)
    #expect(try Self.results(merged) == Self.results(whole))
  }

  @Test func interruptedThenResumedEqualsUninterrupted() throws {
    let whole = Self.scratch()
    let resumed = Self.scratch()
    defer { for d in [whole, resumed] { try? FileManager.default.removeItem(atPath: d) } }
    _ = try Self.run(whole)
    let calls = SweepCallCounter()
    let failing: SweepRunner.Work = { point in
      guard calls.increment() <= 5 else { throw Stop() }
      return try Self.work(point)
    }
    #expect(throws: SweepError.self) { try Self.run(resumed, work: failing) }
    #expect(!FileManager.default.fileExists(atPath: resumed + "/sweep.csv"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: resumed + "/points").count == 5)
    let report = try Self.run(resumed, jobs: 2)
    #expect(report.ran == 13 && report.skipped == 5)
    #expect(try Self.results(resumed) == Self.results(whole))
  }

  @Test func refusesAFolderOfAnotherSweep() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try Self.run(dir)
    let other = SweepSpec(axes: Self.spec.axes, replicates: 2, baseSeed: 42).points()
    #expect(throws: SweepError.planMismatch(directory: dir)) {
      try SweepRunner(showsProgress: false).run(points: other, outputDirectory: dir, runPoint: Self.work)
    }
  }

  @Test func metricNamedLikeASweptKeyIsAnError() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let points = SweepSpec(axes: [SweepAxis(path: "k", values: [.int(1)])]).points()
    #expect(throws: SweepError.duplicateColumn("seed")) {
      try SweepRunner(showsProgress: false).run(points: points, outputDirectory: dir) { _ in ["seed": .int(1)] }
    }
  }

  @Test func pointRecordsKeepFullPrecision() throws {
    let row: MetricRow = [
      "a": .double(0.1 + 0.2), "b": .int(-3), "c": .text("x,\"y\"\nz"), "d": .missing,
      "e": .double(.infinity), "f,g": .double(1e-300),
    ]
    #expect(PointRecord.decode(PointRecord.encode(row)) == row)
    #expect(PointRecord.decode("point,value\n1,2\n") == nil)
  }

  @Test func anEditedPointFileStopsTheResumeBeforeAnyRun() throws {
    let dir = Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try Self.run(dir)
    let path = dir + "/points/1-2.csv"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: "pages,int,", with: "pages,int,9").write(
      toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: dir + "/points/0-0.csv")
    #expect(throws: SweepError.badRecord(path: path, problem: PointRecord.damaged)) { try Self.run(dir) }
    // The missing run was not run either.
    #expect(!FileManager.default.fileExists(atPath: dir + "/points/0-0.csv"))
  }
}

/// A thread-safe call counter for tests.
final class SweepCallCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() -> Int {
    lock.withLock {
      count += 1
      return count
    }
  }
}
