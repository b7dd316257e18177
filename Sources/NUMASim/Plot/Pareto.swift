// SPDX-License-Identifier: MIT

/// Pareto optimality of points that minimise both coordinates.
enum Pareto {
  /// The indices of the points no other point dominates (at most as large in both
  /// coordinates and smaller in one); points with a NaN coordinate are left out.
  static func front(_ points: [(Double, Double)]) -> [Int] {
    points.indices.filter { i in
      let (x, y) = points[i]
      guard x.isFinite, y.isFinite else { return false }
      return !points.contains { q in q.0 <= x && q.1 <= y && (q.0 < x || q.1 < y) }
    }
  }
}
