// SPDX-License-Identifier: MIT

/// What a distribution can draw, for checking times (never negative) and mapcounts (at least 2).
extension Distribution {
  /// Whether a draw can be below 0 (normal is truncated at 0 and never is).
  var canDrawNegative: Bool {
    switch self {
    case .constant(let v): v < 0
    case .uniform(let low, _): low < 0
    case .exponential, .normal, .lognormal, .gamma, .weibull, .pareto: false
    case .empirical(let values): values.contains { $0 < 0 }
    case .histogram(let h): (h.edges.first ?? 0) < 0
    }
  }

  /// The smallest value a draw can take, where it is known exactly.
  var smallestDraw: Double? {
    switch self {
    case .constant(let v): v
    case .uniform(let low, _): low
    case .exponential, .normal, .lognormal, .gamma, .weibull: 0
    case .pareto(_, let scale): scale
    case .empirical(let values): values.min()
    case .histogram(let h): h.edges.first
    }
  }
}
