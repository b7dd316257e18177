// SPDX-License-Identifier: MIT
import CGSL

/// An empirical distribution given as a histogram: bin edges and a weight per bin.
///
/// Sampling picks a bin with probability proportional to its weight, using
/// GSL's alias table (`gsl_ran_discrete_preproc`, O(1) per draw), then a point
/// uniformly within the bin. The table is built once, when the value is
/// created, and shared by copies; equality and hashing look only at the edges
/// and weights.
public struct EmpiricalHistogram: Hashable, Sendable {
  /// Bin boundaries, strictly increasing: bin `i` is `edges[i]..<edges[i + 1]`.
  public let edges: [Double]
  /// Relative weight of each bin: non-negative, one per bin, with a positive sum.
  public let weights: [Double]
  /// GSL's preprocessed table; nil when the parameters are invalid.
  private let table: DiscreteTable?

  /// A histogram with `edges.count - 1` bins; call ``validate()`` before sampling.
  public init(edges: [Double], weights: [Double]) {
    self.edges = edges
    self.weights = weights
    if Self.problem(edges: edges, weights: weights) == nil {
      table = try? DiscreteTable(weights: weights)
    } else {
      table = nil
    }
  }

  /// Throws a ``DistributionError`` naming the first invalid parameter.
  public func validate() throws(DistributionError) {
    if let problem = Self.problem(edges: edges, weights: weights) { throw problem }
  }

  /// The mean of the histogram's piecewise-uniform density, or nil if invalid.
  public var mean: Double? {
    guard table != nil else { return nil }
    var total = 0.0
    var weighted = 0.0
    for (bin, weight) in weights.enumerated() {
      total += weight
      weighted += weight * (edges[bin] + edges[bin + 1]) / 2
    }
    return weighted / total
  }

  /// One draw: a bin chosen by weight, then a uniform point within it.
  ///
  /// - Precondition: the histogram is valid (``validate()`` does not throw).
  public func sample(_ stream: RandomStream) -> Double {
    guard let table else {
      preconditionFailure("sampling an invalid histogram; call validate() first")
    }
    let bin = gsl_ran_discrete(stream.rng, table.pointer)
    return gsl_ran_flat(stream.rng, edges[bin], edges[bin + 1])
  }

  public static func == (lhs: EmpiricalHistogram, rhs: EmpiricalHistogram) -> Bool {
    lhs.edges == rhs.edges && lhs.weights == rhs.weights
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(edges)
    hasher.combine(weights)
  }

  private static func problem(edges: [Double], weights: [Double]) -> DistributionError? {
    func error(_ parameter: String, _ message: String) -> DistributionError {
      DistributionError(distribution: "histogram", parameter: parameter, message: message)
    }
    guard edges.count >= 2 else {
      return error("edges", "edges needs at least 2 values (one bin), got \(edges.count)")
    }
    for (index, edge) in edges.enumerated() where !edge.isFinite {
      return error("edges", "edges[\(index)] must be finite, got \(edge)")
    }
    for index in 1..<edges.count where !(edges[index - 1] < edges[index]) {
      return error(
        "edges",
        "edges must be strictly increasing, but edges[\(index - 1)]=\(edges[index - 1])"
          + " >= edges[\(index)]=\(edges[index])")
    }
    guard weights.count == edges.count - 1 else {
      return error(
        "weights",
        "weights needs one value per bin (\(edges.count - 1) for \(edges.count) edges),"
          + " got \(weights.count)")
    }
    for (index, weight) in weights.enumerated() where !(weight.isFinite && weight >= 0) {
      return error("weights", "weights[\(index)] must be finite and >= 0, got \(weight)")
    }
    guard weights.reduce(0, +) > 0 else {
      return error("weights", "weights must have a positive sum")
    }
    return nil
  }
}

/// GSL's preprocessed alias table for weighted choice among bins (`gsl_ran_discrete_t`).
///
/// Immutable after construction; `gsl_ran_discrete` only reads it, so one
/// table can serve any number of streams on any threads.
final class DiscreteTable: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<gsl_ran_discrete_t>

  /// Preprocesses `weights`; throws the GSL failure (e.g. a negative weight) instead of aborting.
  init(weights: [Double]) throws(GSLError) {
    GSL.disableAbortingErrorHandler()
    // GSL rejects a negative weight itself, but not all-zero weights, which
    // would make a meaningless table.
    let sum = weights.reduce(0, +)
    guard !weights.isEmpty, sum != 0 else {
      throw GSLError(
        code: Int32(GSL_EINVAL), function: "gsl_ran_discrete_preproc",
        detail: "weights must be non-empty with a positive sum")
    }
    let table = weights.withUnsafeBufferPointer {
      gsl_ran_discrete_preproc($0.count, $0.baseAddress)
    }
    guard let table else {
      // GSL reports the reason only through the (disabled) handler; a NULL
      // result here means a negative weight (GSL_EINVAL) or no memory.
      throw GSLError(
        code: Int32(GSL_EINVAL), function: "gsl_ran_discrete_preproc",
        detail: "weights must be non-negative")
    }
    pointer = table
  }

  deinit { gsl_ran_discrete_free(pointer) }
}
