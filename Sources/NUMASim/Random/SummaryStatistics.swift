// SPDX-License-Identifier: MIT
import CGSL

/// Count, mean, spread, quantiles and a t-based confidence interval of a sample, through GSL.
///
/// NaN values are dropped on construction (``droppedNaNCount`` says how
/// many); everything else is kept, sorted once (`gsl_sort`) for the extremes
/// and quantiles. An empty sample is fine: its figures are nil.
public struct SummaryStatistics: Hashable, Sendable {
  /// A two-sided confidence interval for the mean.
  public struct ConfidenceInterval: Hashable, Sendable {
    /// The sample mean at the interval's centre.
    public let mean: Double
    /// `t · sd / √n`: the distance from the mean to either bound.
    public let halfWidth: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// `mean - halfWidth`.
    public var lower: Double { mean - halfWidth }
    /// `mean + halfWidth`.
    public var upper: Double { mean + halfWidth }
    /// `lower...upper`.
    public var range: ClosedRange<Double> { lower...upper }
  }

  /// The sample, NaNs removed, in ascending order.
  public let sorted: [Double]
  /// How many NaN values the input held (not counted in ``count``).
  public let droppedNaNCount: Int
  /// The arithmetic mean (`gsl_stats_mean`); nil when empty.
  public let mean: Double?
  /// The sample standard deviation, n − 1 denominator (`gsl_stats_sd_m`); nil when count < 2.
  public let standardDeviation: Double?

  /// Summarises `values`.
  public init(_ values: [Double]) {
    GSL.disableAbortingErrorHandler()
    var data = values.filter { !$0.isNaN }
    droppedNaNCount = values.count - data.count
    data.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { gsl_sort(base, 1, buffer.count) }
    }
    sorted = data
    let (mean, sd): (Double?, Double?) = data.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return (nil, nil) }
      let mean = gsl_stats_mean(base, 1, buffer.count)
      guard buffer.count > 1 else { return (mean, nil) }
      return (mean, gsl_stats_sd_m(base, 1, buffer.count, mean))
    }
    self.mean = mean
    self.standardDeviation = sd
  }

  /// The number of (non-NaN) values.
  public var count: Int { sorted.count }
  /// The smallest value; nil when empty.
  public var min: Double? { sorted.first }
  /// The largest value; nil when empty.
  public var max: Double? { sorted.last }
  /// The median (0.5 quantile); nil when empty.
  public var median: Double? { quantile(0.5) }

  /// The `p` quantile, interpolated as GSL does (`gsl_stats_quantile_from_sorted_data`).
  ///
  /// Nil when empty or `p` is outside 0...1.
  public func quantile(_ p: Double) -> Double? {
    guard !sorted.isEmpty, p >= 0, p <= 1 else { return nil }
    return sorted.withUnsafeBufferPointer { buffer in
      gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, p)
    }
  }

  /// The 95% confidence interval for the mean; nil when count < 2.
  ///
  /// `mean ± t · sd/√n`, with `t` the 0.975 quantile of Student's t with
  /// n − 1 degrees of freedom (`gsl_cdf_tdist_Pinv`).
  public var confidenceInterval95: ConfidenceInterval? { confidenceInterval(level: 0.95) }

  /// The two-sided Student-t confidence interval at `level` (0 < level < 1); nil when count < 2.
  public func confidenceInterval(level: Double) -> ConfidenceInterval? {
    guard let mean, let standardDeviation, level > 0, level < 1 else { return nil }
    let degreesOfFreedom = Double(count - 1)
    let t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, degreesOfFreedom)
    guard t.isFinite else { return nil }
    return ConfidenceInterval(
      mean: mean, halfWidth: t * standardDeviation / Double(count).squareRoot(), level: level)
  }
}
