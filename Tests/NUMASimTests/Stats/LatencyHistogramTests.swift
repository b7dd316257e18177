// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct LatencyHistogramTests {
  @Test func quantilesAreWithinOnePercent() {
    var h = LatencyHistogram()
    for v in 1...100_000 { h.record(UInt64(v) * 10) }
    #expect(h.count == 100_000)
    for q in [0.5, 0.9, 0.99, 0.999] {
      let exact = Double(q * 100_000) * 10
      #expect(abs(Double(h.quantile(q)) - exact) / exact < 0.01, "q \(q)")
    }
    #expect(h.max == 1_000_000 && h.min == 10)
    #expect(abs(h.mean - 500_005) < 1)
  }

  @Test func emptyAndMerged() {
    var a = LatencyHistogram()
    #expect(a.quantile(0.5) == 0)
    var b = LatencyHistogram()
    a.record(5)
    b.record(7_000_000)
    a.merge(b)
    #expect(a.count == 2 && a.quantile(1) == 7_000_000 && a.quantile(0.5) == 5)
  }

  @Test func bucketsAreAscendingNonEmptyAndSumToTheCount() {
    var h = LatencyHistogram()
    #expect(h.buckets.isEmpty)
    for v: UInt64 in [3, 3, 300, 301, 90_000, 1_000_000] { h.record(v) }
    let b = h.buckets
    #expect(b.map(\.count).reduce(0, +) == 6)
    #expect(b.first! == (upperBound: 3, count: 2))
    #expect(zip(b, b.dropFirst()).allSatisfy { $0.upperBound < $1.upperBound })
    // The last bucket's bound is the maximum recorded, not the bucket's edge.
    #expect(b.last!.upperBound == 1_000_000 && b.last!.count == 1)
    // 300 and 301 share a bucket (width 2 from 256 up), whose bound is 301.
    #expect(b.contains { $0 == (upperBound: 301, count: 2) })
  }
}
