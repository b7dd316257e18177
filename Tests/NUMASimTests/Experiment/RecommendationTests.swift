// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RecommendationTests {
  static let config = """
    machine: {nodes: [{memory: 512MiB, cpus: 2}]}
    warmup: 0s
    duration: 100ms
    workload:
      - {name: cache, arrival: {poisson: 1000}, kind: file_clean}

    """

  /// Searches with `metric(value, replicate)` standing in for the runs.
  static func search(
    _ target: String, range: ClosedRange<Int>, replicates: Int = 2, metric: @escaping (Int, Int) -> Double
  ) throws -> Recommendation {
    let root = try ConfigValue.parse(yaml: config, file: "r.yaml")
    return try Recommendation.search(
      root: root, path: "r.yaml", overrides: [], knob: "vm.min_free_kbytes", range: range, replicates: replicates,
      seed: 1, target: RecommendTarget(parsing: target), outputDirectory: "/nonexistent",
      runProbe: { sweep, _ in
        let value = try #require(sweep.configs.first?.sysctl.minFreeKbytes)
        return sweep.points.map { p in
          MetricRow([
            .init(name: "m", value: .double(metric(value, p.replicate))), .init(name: "free_mean_mib", value: .int(7)),
          ])
        }
      })
  }

  @Test func findsTheSmallestValueThatMeetsAMonotoneTarget() throws {
    let r = try Self.search("m<=100", range: 1000...100_000) { v, rep in 1_000_000 / Double(v) + Double(rep) }
    // 1e6/v + 1 (the worse replicate) <= 100 with an interval: the search ends on the first
    // value whose whole interval is under 100.
    let answer = try #require(r.answer)
    #expect(r.monotone)
    #expect(answer.high <= 100)
    let below = r.probes.filter { $0.value == answer.value - 1 }
    #expect(below.allSatisfy { !$0.meets })
    #expect(r.probes.contains { $0.value == answer.value - 1 } || answer.value == 1000)
    #expect(answer.freeMeanMiB == 7)
  }

  @Test func theExactAnswerOfADeterministicMetric() throws {
    let r = try Self.search("m>=5000", range: 1024...65536) { v, _ in Double(v) }
    #expect(r.answer?.value == 5000)
    #expect(r.probes.count < 20)
    #expect(r.table.rows.count == r.probes.count)
  }

  @Test func aTargetMetAtTheBottomOrNowhereNeedsNoBisection() throws {
    let easy = try Self.search("m<=1", range: 10...3000) { _, _ in 0 }
    #expect(easy.answer?.value == 10 && easy.probes.count == 1)
    let never = try Self.search("m<=1", range: 10...3000) { _, _ in 5 }
    #expect(never.answer == nil && never.probes.map(\.value) == [10, 3000])
  }

  @Test func aMetricThatWorsensAsTheKnobRisesIsSaid() throws {
    // Met only at the top; below it the metric grows with the knob.
    let r = try Self.search("m<=0.5", range: 1...100) { v, _ in v == 100 ? 0 : Double(v) }
    #expect(r.answer?.value == 100 && !r.monotone)
    #expect(RecommendationText.render(r).contains("is not monotone"))
    let fine = try Self.search("m<=0.5", range: 1...100) { v, _ in v >= 40 ? 0 : 100 - Double(v) }
    #expect(fine.answer?.value == 40 && fine.monotone)
    #expect(!RecommendationText.render(fine).contains("not monotone"))
  }

  @Test func anUnknownMetricNamesTheTarget() throws {
    #expect(throws: InputErrors.self) { try Self.search("nope<=1", range: 1...10) { _, _ in 0 } }
  }

  @Test func midpointsStayInsideAndGoGeometricOverWideRanges() {
    #expect(Recommendation.midpoint(10, 3000) == 173)
    #expect(Recommendation.midpoint(0, 100) == 50 && Recommendation.midpoint(4, 6) == 5)
    for (lo, hi) in [(1, 3), (10, 12), (0, 2), (1, 1000)] {
      let m = Recommendation.midpoint(lo, hi)
      #expect(m > lo && m < hi)
    }
  }

  @Test func aSysctlKnobIsASysctlKeyPath() {
    #expect(Recommendation.keyPath("vm.watermark_scale_factor") == "sysctl.vm.watermark_scale_factor")
    #expect(Recommendation.keyPath("workload[0].threads") == "workload[0].threads")
  }
}
