// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct DistanceMatrixTests {
  @Test func acceptsASLIT() throws {
    let d = try DistanceMatrix([[10, 21], [21, 10]])
    #expect(d[NodeID(0), NodeID(1)] == 21)
    #expect(d.rows == [[10, 21], [21, 10]])
  }

  @Test(arguments: [
    ([[10, 20], [20]], "not square"),
    ([[10, 20], [20, 11]], "diagonal"),
    ([[10, 10], [20, 10]], "11...255"),
    ([[10, 256], [20, 10]], "11...255"),
  ])
  func rejects(rows: [[Int]], fragment: String) {
    #expect {
      try DistanceMatrix(rows)
    } throws: { error in
      "\(error)".contains(fragment)
    }
  }

  @Test func uniformUsesRemoteDistance() {
    #expect(DistanceMatrix.uniform(nodes: 3).rows == [[10, 20, 20], [20, 10, 20], [20, 20, 10]])
  }
}
