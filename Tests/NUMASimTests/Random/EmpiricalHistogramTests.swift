// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("EmpiricalHistogram")
struct EmpiricalHistogramTests {
  @Test("bins are chosen in proportion to their weights and filled uniformly")
  func binFrequencies() throws {
    let histogram = EmpiricalHistogram(edges: [0, 1, 2, 4], weights: [3, 1, 2])
    try histogram.validate()
    let stream = RandomStream(seed: 3)
    var counts = [0, 0, 0]
    var lowerHalfOfLastBin = 0
    let draws = 60_000
    for _ in 0..<draws {
      let x = histogram.sample(stream)
      #expect(x >= 0 && x < 4)
      let bin = x < 1 ? 0 : (x < 2 ? 1 : 2)
      counts[bin] += 1
      if bin == 2, x < 3 { lowerHalfOfLastBin += 1 }
    }
    #expect(abs(counts[0] - 30_000) < 600)
    #expect(abs(counts[1] - 10_000) < 400)
    #expect(abs(counts[2] - 20_000) < 500)
    #expect(abs(lowerHalfOfLastBin - counts[2] / 2) < 400)
  }

  @Test("a zero-weight bin is never drawn")
  func zeroWeight() {
    let histogram = EmpiricalHistogram(edges: [0, 1, 2], weights: [0, 1])
    let stream = RandomStream(seed: 4)
    for _ in 0..<5_000 { #expect(histogram.sample(stream) >= 1) }
  }

  @Test("equality and hashing look at edges and weights only")
  func equality() {
    let a = EmpiricalHistogram(edges: [0, 1, 2], weights: [1, 2])
    let b = EmpiricalHistogram(edges: [0, 1, 2], weights: [1, 2])
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a != EmpiricalHistogram(edges: [0, 1, 2], weights: [2, 1]))
  }

  @Test(
    "bad shapes are reported naming edges or weights",
    arguments: [
      ([0.0], [Double](), "histogram: edges needs at least 2 values (one bin), got 1"),
      ([0, .nan], [1], "histogram: edges[1] must be finite, got nan"),
      (
        [0, 2, 1], [1, 1],
        "histogram: edges must be strictly increasing, but edges[1]=2.0 >= edges[2]=1.0"
      ),
      ([0, 1, 2], [1], "histogram: weights needs one value per bin (2 for 3 edges), got 1"),
      ([0, 1], [.infinity], "histogram: weights[0] must be finite and >= 0, got inf"),
      ([0, 1, 2], [0, 0], "histogram: weights must have a positive sum"),
    ])
  func invalid(edges: [Double], weights: [Double], message: String) {
    #expect {
      try EmpiricalHistogram(edges: edges, weights: weights).validate()
    } throws: { error in
      (error as? DistributionError)?.description == message
    }
  }

  @Test("GSL's table builder reports bad weights as GSLError")
  func tableErrors() {
    #expect(throws: GSLError.self) { try DiscreteTable(weights: []) }
    #expect(throws: GSLError.self) { try DiscreteTable(weights: [0, 0]) }
    #expect(throws: GSLError.self) { try DiscreteTable(weights: [2, -1]) }
  }
}
