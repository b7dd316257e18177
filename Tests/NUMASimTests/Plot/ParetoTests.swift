// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ParetoTests {
  @Test func frontKeepsOnlyUndominatedPoints() {
    // (cost, stalls): (10, 100) and (50, 10) and (90, 0) trade off; (60, 20) is dominated by
    // (50, 10); (10, 120) by (10, 100); a NaN point is never on the front.
    let points: [(Double, Double)] = [(10, 100), (60, 20), (50, 10), (90, 0), (10, 120), (.nan, 0)]
    #expect(Pareto.front(points) == [0, 2, 3])
  }

  @Test func equalPointsAreBothKept() {
    #expect(Pareto.front([(1, 1), (1, 1)]) == [0, 1])
  }
}
