// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunSummaryTextTests {
  @Test(arguments: [
    (0.0, "0"), (0.058_63, "0.0586"), (1.149, "1.15"), (7.1, "7.1"), (17.169_79, "17.2"), (99.96, "100"),
    (141.2099, "141"), (141_508.7, "142000"), (3_150_200, "3150000"), (-2.345, "-2.35"), (9.999_9, "10"),
  ])
  func numbersHaveThreeSignificantDigits(value: Double, text: String) {
    #expect(RunSummaryText.significant(value) == text)
  }

  @Test func hugeAndNonFiniteNumbersStayReadable() {
    #expect(RunSummaryText.significant(1e300) == "1e+300")
    #expect(RunSummaryText.significant(.nan) == "nan" && RunSummaryText.significant(-.infinity) == "-inf")
  }

  @Test func theTextShowsTheWatermarksAndTheSameFiguresAsTheMetrics() throws {
    let report = try runScenario(smallTwoNodeRun)
    let s = report.summary
    let seconds = s.duration.seconds
    let text = report.text
    #expect(text.contains("watermarks       vm.min_free_kbytes \(s.setup.minFreeKbytes), "))
    for (node, zones) in s.setup.zones.enumerated() {
      for z in zones where z.span.managed.count > 0 {
        let w = z.watermarks
        let mib = [w.min, w.low, w.high].map { RunSummaryText.significant(Double($0) * 4096 / 1_048_576) }
        #expect(text.contains("node\(node)_\(z.span.type.counterSuffix) " + mib.joined(separator: "/")))
      }
    }
    let rate = RunSummaryText.significant(Double(s.stats.allocations) / seconds)
    #expect(text.contains("allocations      \(s.stats.allocations) (\(rate)/s), \(s.stats.failures) failed"))
    let scanRate = RunSummaryText.significant(Double(s.countersMeasured[.pgscanKswapd]) / seconds)
    #expect(text.contains("pgscan_kswapd \(s.countersMeasured[.pgscanKswapd]) (\(scanRate)/s)"))
    #expect(text.contains("pageoutrun \(s.countersMeasured[.pageoutrun])"))
    #expect(text.contains("numa_miss \(s.numaMeasured[NUMAStat.numaMiss.rawIndex])"))
    #expect(text.contains("free memory      in MiB mean \(RunSummaryText.significant(s.freeMeanMiB))"))
    // Twelve-digit floats are gone: no number in the text has more than three significant
    // digits after its decimal point.
    #expect(text.firstMatch(of: /\d\.\d{4,}/) == nil, "\(text)")
  }

  @Test func nextStepsFollowTheRun() throws {
    var s = try runScenario(smallTwoNodeRun).summary
    let plain = RunSummaryText.Context(config: "my config.yaml", folder: "Results/x", plotted: false, hasSweep: false)
    s.setup.sysctl.watermarkScaleFactor = 500
    s.stats.stalls = LatencyHistogram()
    s.stats.stalls.record(100_000)
    let stalled = RunSummaryText.nextSteps(s, plain)
    #expect(stalled.hasPrefix("try next         numasim run 'my config.yaml' --set vm.watermark_scale_factor=3000"))
    #expect(stalled.contains("numasim sweep Configs/sweep-watermarks.yaml --plot"))
    #expect(stalled.contains("numasim plot Results/x"))
    s.stats.stalls = LatencyHistogram()
    let calm = RunSummaryText.nextSteps(
      s, .init(config: nil, folder: "Results/x", plotted: true, hasSweep: true))
    #expect(calm.contains("numasim run --set vm.min_free_kbytes=\(s.setup.minFreeKbytes / 2)"))
    #expect(calm.contains("this config's sweep: section") && !calm.contains("numasim plot"))
  }
}
