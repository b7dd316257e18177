// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct DecimationTests {
  @Test func shortSeriesAreKeptWhole() {
    #expect(Decimation.minMax(count: 10, limit: 10) { Double($0) } == Array(0..<10))
  }

  @Test func longSeriesKeepEveryBucketsExtremesInOrder() {
    // A flat series with one spike up and one down: both survive a 100-fold cut.
    let values = (0..<100_000).map { i -> Double in i == 31_337 ? 1e6 : i == 77_001 ? -1e6 : Double(i % 10) }
    let kept = Decimation.minMax(count: values.count, limit: 1000) { values[$0] }
    #expect(kept.count <= 1000 && kept.count >= 500)
    #expect(kept.contains(31_337) && kept.contains(77_001))
    #expect(kept == kept.sorted() && Set(kept).count == kept.count)
    #expect(kept.map { values[$0] }.max() == 1e6 && kept.map { values[$0] }.min() == -1e6)
  }

  @Test func cdfRanksIncludeBothEnds() {
    #expect(Decimation.ranks(of: 5, count: 10) == [0, 1, 2, 3, 4])
    let ranks = Decimation.ranks(of: 10_001, count: 11)
    #expect(ranks == [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000])
  }
}
