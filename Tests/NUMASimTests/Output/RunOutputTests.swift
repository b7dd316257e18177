// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

/// Golden tests: small configs whose `summary.csv` must match the recorded file byte for byte.
///
/// A change to the model that moves any figure fails here. When the change is meant, re-record
/// deliberately with `NUMASIM_RECORD_GOLDEN=1 make test` and commit the new files with it.
@Suite struct RunOutputTests {
  static var sourceFolder: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/golden").path
  }

  @Test(arguments: ["uma-small", "numa-small"])
  func summaryMatchesTheRecordedFile(name: String) throws {
    let config = try SimulationConfig.load(path: Fixtures.path("golden/\(name).yaml"))
    var simulation = try Simulation(config)
    let summary = RunOutput.summary(simulation.run())
    let recorded = "\(Self.sourceFolder)/\(name).summary.csv"
    if ProcessInfo.processInfo.environment["NUMASIM_RECORD_GOLDEN"] == "1" {
      try summary.write(toFile: recorded, atomically: true, encoding: .utf8)
      Issue.record("re-recorded \(recorded); unset NUMASIM_RECORD_GOLDEN and commit it")
      return
    }
    let expected = try String(contentsOfFile: Fixtures.path("golden/\(name).summary.csv"), encoding: .utf8)
    #expect(summary == expected)
    let header = { (text: String) in text.prefix { $0 != "\n" } }
    if header(summary) != header(expected) {
      Issue.record("the columns differ: now \(header(summary))")
    } else if summary != expected {
      let a = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      let b = expected.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      for (i, column) in a[0].enumerated() where i < a[1].count && i < b[1].count && a[1][i] != b[1][i] {
        Issue.record("\(column): \(b[1][i]) recorded, \(a[1][i]) now")
      }
    }
  }

  @Test func writesEveryFileAndLeavesNoTemporaryOnes() throws {
    let config = try SimulationConfig.load(path: Fixtures.path("golden/numa-small.yaml"))
    var simulation = try Simulation(config)
    let report = simulation.run()
    let folder = try Fixtures.temporaryFolder("out") + "/run"
    try RunOutput.write(report, config: config, to: folder)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(
      files == [
        "latency-histogram.csv", "latency.csv", "metadata.json", "stalls.csv", "summary.csv", "threads.csv",
        "timeseries.csv", "vmstat.txt",
        "zoneinfo.txt",
      ])
    #expect(try String(contentsOfFile: "\(folder)/summary.csv", encoding: .utf8) == RunOutput.summary(report))
    let latency = try String(contentsOfFile: "\(folder)/latency.csv", encoding: .utf8).split(separator: "\n")
    #expect(latency.first == "quantile,alloc_latency_ns,stall_us,access_latency_ns")
    #expect(latency.count == 6)
    let histogram = try String(contentsOfFile: "\(folder)/latency-histogram.csv", encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",") }
    #expect(histogram.first == ["latency_ns", "allocations", "stalls", "accesses"])
    let rows = histogram.dropFirst().map { $0.map { Int($0)! } }
    #expect(zip(rows, rows.dropFirst()).allSatisfy { $0[0] < $1[0] })
    #expect(rows.map { $0[1] }.reduce(0, +) == Int(report.allocationLatency.count))
    #expect(rows.map { $0[2] }.reduce(0, +) == Int(report.stallLatency.count))
    #expect(rows.map { $0[3] }.reduce(0, +) == Int(report.accessLatency.count))
    #expect(rows.last![0] == Int(max(report.allocationLatency.max, report.stallLatency.max, report.accessLatency.max)))
    let metadata = try String(contentsOfFile: "\(folder)/metadata.json", encoding: .utf8)
    #expect(metadata.contains("\"seed\": 5") && metadata.contains("\"kernel_modelled\": \"6.18\""))
  }
}
