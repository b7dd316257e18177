// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct LatencyMatrixTests {
  @Test func derivedLatenciesFollowTheEPYCMeasurements() throws {
    let d = try DistanceMatrix([[10, 12, 32], [12, 10, 32], [32, 32, 10]])
    let l = LatencyMatrix.derived(from: d)
    // Measured: 107 / 117 / 200 ns.
    #expect(l[from: NodeID(0), to: NodeID(0)] == 107)
    #expect(abs(l[from: NodeID(0), to: NodeID(1)] - 117) <= 3)
    #expect(abs(l[from: NodeID(0), to: NodeID(2)] - 200) <= 3)
  }

  @Test func explicitMatrixMustMatchTheNodeCount() {
    #expect(throws: TopologyError.self) { try LatencyMatrix([[100]], nodeCount: 2) }
    #expect(throws: TopologyError.self) { try LatencyMatrix([[100, 0], [0, 100]], nodeCount: 2) }
  }

  @Test func distanceIsNotLatency() throws {
    let l = try LatencyMatrix([[90, 140], [150, 95]], nodeCount: 2)
    #expect(l[from: NodeID(0), to: NodeID(1)] == 140)
    #expect(l[from: NodeID(1), to: NodeID(0)] == 150)
  }
}
