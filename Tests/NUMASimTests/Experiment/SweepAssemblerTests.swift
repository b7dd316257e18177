// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct SweepAssemblerTests {
  /// Two grid points of `k` (1 and 2), two replicates each, seeds 11 and 22.
  static func plan(paths: [String] = ["k"]) throws -> SweepPlan {
    var points: [SweepPoint] = []
    for (index, value) in [1, 2].enumerated() {
      for (replicate, seed) in [UInt64(11), 22].enumerated() {
        points.append(
          SweepPoint(
            index: index, replicate: replicate, seed: seed,
            assignments: paths.map { SweepAssignment(path: $0, value: .int(value)) }))
      }
    }
    return try SweepPlan(points: points)
  }

  static let records: [MetricRow] = [
    ["m": .int(1), "t": .text("x")],
    ["m": .int(3)],
    ["m": .double(2.5), "t": .text("y")],
    ["m": .missing, "z": .int(4)],
  ]

  @Test func sweepTableHasOneRowPerRunAndEveryMetricInFirstSeenOrder() throws {
    let (sweep, _) = try SweepAssembler.tables(plan: Self.plan(), records: Self.records)
    #expect(sweep.header == ["point", "replicate", "seed", "k", "m", "t", "z"])
    #expect(
      sweep.rows == [
        [.text("0"), .text("0"), .text("11"), .text("1"), .int(1), .text("x"), .missing],
        [.text("0"), .text("1"), .text("22"), .text("1"), .int(3), .missing, .missing],
        [.text("1"), .text("0"), .text("11"), .text("2"), .double(2.5), .text("y"), .missing],
        [.text("1"), .text("1"), .text("22"), .text("2"), .missing, .missing, .int(4)],
      ])
  }

  @Test func summaryHasOneRowPerPointWithMeansAndIntervalsOfNumericMetrics() throws {
    let (_, summary) = try SweepAssembler.tables(plan: Self.plan(), records: Self.records)
    #expect(
      summary.header == [
        "point", "k", "replicates", "m_mean", "m_ci95_low", "m_ci95_high", "z_mean", "z_ci95_low", "z_ci95_high",
      ])
    #expect(summary.rows.count == 2)
    let first = summary.rows[0]
    #expect(Array(first.prefix(3)) == [.text("0"), .text("1"), .int(2)])
    // m is 1 and 3: mean 2, sd √2, t(0.975, 1 dof) = 12.7062047361747, so the half width is t.
    let t = 12.706_204_736_174_7
    #expect(try #require(first[3].number).isApproximatelyEqual(to: 2, relativeTolerance: 1e-12))
    #expect(try #require(first[4].number).isApproximatelyEqual(to: 2 - t, relativeTolerance: 1e-9))
    #expect(try #require(first[5].number).isApproximatelyEqual(to: 2 + t, relativeTolerance: 1e-9))
    #expect(Array(first.suffix(3)) == [.missing, .missing, .missing])
    // Point 1: m has one value (the missing cell is not counted), z has one.
    let second = summary.rows[1]
    #expect(Array(second.prefix(3)) == [.text("1"), .text("2"), .int(2)])
    #expect(try #require(second[3].number).isApproximatelyEqual(to: 2.5, relativeTolerance: 1e-12))
    #expect(Array(second[4...5]) == [.missing, .missing])
    #expect(try #require(second[6].number).isApproximatelyEqual(to: 4, relativeTolerance: 1e-12))
    #expect(Array(second[7...8]) == [.missing, .missing])
  }

  @Test func aMetricWithOnlyMissingValuesIsNotSummarised() throws {
    let records: [MetricRow] = [["m": .missing], ["m": .missing], ["m": .missing], ["m": .missing]]
    let (sweep, summary) = try SweepAssembler.tables(plan: Self.plan(), records: records)
    #expect(sweep.header.last == "m")
    #expect(summary.header == ["point", "k", "replicates"])
  }

  @Test func aPlanWithoutRunsGivesHeadersOnly() throws {
    let (sweep, summary) = try SweepAssembler.tables(plan: SweepPlan(points: []), records: [])
    #expect(sweep.header == ["point", "replicate", "seed"])
    #expect(sweep.rows.isEmpty)
    #expect(summary.header == ["point", "replicates"])
    #expect(summary.rows.isEmpty)
  }

  @Test(arguments: ["k", "point", "replicate", "seed"])
  func aMetricNamedLikeAPlanColumnIsAnError(name: String) throws {
    var records = Self.records
    records[2].append(name, .int(1))
    #expect(throws: SweepError.duplicateColumn(name)) {
      try SweepAssembler.tables(plan: Self.plan(), records: records)
    }
  }

  @Test func aMetricGivenTwiceInOneRunIsAnError() throws {
    var records = Self.records
    records[1].append("m", .int(5))
    #expect(throws: SweepError.duplicateColumn("m")) {
      try SweepAssembler.tables(plan: Self.plan(), records: records)
    }
  }

  @Test func summaryColumnsThatCollideAreAnError() throws {
    // A swept key named like a summary column of a metric.
    let keyed: [MetricRow] = Array(repeating: ["x": .double(1.5)], count: 4)
    #expect(throws: SweepError.duplicateColumn("x_mean")) {
      try SweepAssembler.tables(plan: Self.plan(paths: ["x_mean"]), records: keyed)
    }
    // A swept key named like the summary's fixed column.
    let plain: [MetricRow] = Array(repeating: ["m": .int(1)], count: 4)
    #expect(throws: SweepError.duplicateColumn("replicates")) {
      try SweepAssembler.tables(plan: Self.plan(paths: ["replicates"]), records: plain)
    }
  }

  @Test func aMetricNamedLikeASummaryColumnGetsItsOwnColumns() throws {
    let records: [MetricRow] = Array(repeating: ["m": .int(1), "m_mean": .int(2)], count: 4)
    let (sweep, summary) = try SweepAssembler.tables(plan: Self.plan(), records: records)
    #expect(sweep.header == ["point", "replicate", "seed", "k", "m", "m_mean"])
    #expect(
      summary.header == [
        "point", "k", "replicates", "m_mean", "m_ci95_low", "m_ci95_high", "m_mean_mean", "m_mean_ci95_low",
        "m_mean_ci95_high",
      ])
    #expect(try #require(summary.rows[0][6].number).isApproximatelyEqual(to: 2, relativeTolerance: 1e-12))
  }

  @Test func textMetricsStayOutOfTheSummary() throws {
    let records: [MetricRow] = [["m": .int(1)], ["m": .text("n/a")], ["m": .int(2)], ["m": .int(3)]]
    let (sweep, summary) = try SweepAssembler.tables(plan: Self.plan(), records: records)
    #expect(sweep.rows.map { $0[4] } == [.int(1), .text("n/a"), .int(2), .int(3)])
    #expect(summary.header == ["point", "k", "replicates"])
  }

  @Test func fileNames() {
    #expect(SweepAssembler.sweepFile == "sweep.csv")
    #expect(SweepAssembler.summaryFile == "sweep-summary.csv")
  }
}
