// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct OrderDistributionTests {
  @Test func frequenciesFollowTheWeights() throws {
    let d = try #require(OrderDistribution(weights: [0: 9, 9: 1]))
    let stream = RandomStream(seed: 11)
    var counts = [Int](repeating: 0, count: Buddy.orderCount)
    for _ in 0..<100_000 { counts[d.sample(stream)] += 1 }
    #expect(counts[0] + counts[9] == 100_000)
    let share = Double(counts[9]) / 100_000
    #expect(share.isApproximatelyEqual(to: 0.1, relativeTolerance: 0.05), "\(share)")
  }

  @Test func meanSizeWeighsPagesPerOrder() throws {
    let d = try #require(OrderDistribution(weights: [0: 0.5, 1: 0.5]))
    #expect(d.meanPages == 1.5)
    #expect(d.meanBytes == 6144)
    #expect(OrderDistribution.single(9).meanPages == 512)
  }

  @Test func singleOrderDrawsNothing() {
    let stream = RandomStream(seed: 5)
    let copy = stream.copy()
    #expect(OrderDistribution.single(3).sample(stream) == 3)
    #expect(stream.next() == copy.next())
    #expect(OrderDistribution.single(3).description == "3")
  }

  @Test func rejectsBadWeights() {
    #expect(OrderDistribution(weights: [11: 1]) == nil)
    #expect(OrderDistribution(weights: [-1: 1]) == nil)
    #expect(OrderDistribution(weights: [0: -1, 1: 2]) == nil)
    #expect(OrderDistribution(weights: [0: 0, 3: 0]) == nil)
    #expect(OrderDistribution(weights: [0: .infinity]) == nil)
  }
}
