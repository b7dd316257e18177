// SPDX-License-Identifier: MIT
import CGSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A configurable probability distribution, sampled through GSL.
///
/// Values are plain data (`Hashable`, `Sendable`) so they can sit in
/// configurations; ``sample(_:)`` draws from a caller-supplied
/// ``RandomStream``. The text form (`"exponential(mean=120)"`) is
/// ``description`` and ``init(parsing:)``. Parameters are not checked on
/// construction: call ``validate()`` (parsing does) before sampling.
public enum Distribution: Hashable, Sendable {
  /// Always `value`.
  case constant(Double)
  /// Uniform on [`low`, `high`) (`gsl_ran_flat`).
  case uniform(low: Double, high: Double)
  /// Exponential with the given mean (`gsl_ran_exponential`).
  case exponential(mean: Double)
  /// Normal with `mean` and `sd`, truncated at 0: never negative.
  ///
  /// Drawn exactly from the truncated distribution by GSL's tail sampler
  /// (`gsl_ran_gaussian_tail` with lower limit `-mean`): below one sd
  /// it resamples a standard normal until it clears the limit (acceptance
  /// at least 16%, so about 6 draws at worst on average), beyond it uses
  /// Marsaglia's tail method. Nothing is clamped or piled up at 0 (apart from a
  /// rounding-error guard); with `sd == 0` the value is `max(mean, 0)`. With `mean == 0`
  /// this is the half-normal, drawn as `|N(0, sd)|` (one normal draw, where rejection
  /// at 0 takes two on average): the same distribution.
  case normal(mean: Double, sd: Double)
  /// Log-normal: `exp(N(mu, sigma))` (`gsl_ran_lognormal`); median `exp(mu)`.
  case lognormal(mu: Double, sigma: Double)
  /// Gamma with `shape` k and `scale` θ, mean kθ (`gsl_ran_gamma`).
  case gamma(shape: Double, scale: Double)
  /// Weibull with `scale` λ and `shape` k (`gsl_ran_weibull(r, λ, k)`).
  case weibull(scale: Double, shape: Double)
  /// Pareto (type I) with `shape` a and minimum `scale` b (`gsl_ran_pareto(r, a, b)`).
  case pareto(shape: Double, scale: Double)
  /// One of `values`, each equally likely (repeat a value to weight it).
  case empirical(values: [Double])
  /// A histogram: a bin chosen by weight, then uniform within it.
  case histogram(EmpiricalHistogram)

  /// A histogram distribution with `edges.count - 1` bins.
  public static func histogram(edges: [Double], weights: [Double]) -> Distribution {
    .histogram(EmpiricalHistogram(edges: edges, weights: weights))
  }

  /// The log-normal whose median and 99th percentile are the given values.
  ///
  /// `mu = log(median)`, `sigma = (log(p99) - mu) / z₀.₉₉` with z₀.₉₉ ≈ 2.326
  /// (`gsl_cdf_ugaussian_Pinv(0.99)`). Needs `0 < median <= p99`.
  public static func lognormal(median: Double, p99: Double) throws(DistributionError)
    -> Distribution
  {
    guard median.isFinite, median > 0 else {
      throw DistributionError(
        distribution: "lognormal", parameter: "median",
        message: "median must be finite and > 0, got \(median)")
    }
    guard p99.isFinite, p99 >= median else {
      throw DistributionError(
        distribution: "lognormal", parameter: "p99",
        message: "p99 must be finite and >= median (\(median)), got \(p99)")
    }
    let mu = log(median)
    return .lognormal(mu: mu, sigma: (log(p99) - mu) / gsl_cdf_ugaussian_Pinv(0.99))
  }

  /// The kind's name in the text form: `"exponential"`, `"histogram"`, ...
  public var kind: String {
    switch self {
    case .constant: "constant"
    case .uniform: "uniform"
    case .exponential: "exponential"
    case .normal: "normal"
    case .lognormal: "lognormal"
    case .gamma: "gamma"
    case .weibull: "weibull"
    case .pareto: "pareto"
    case .empirical: "empirical"
    case .histogram: "histogram"
    }
  }

  /// One draw from `stream`.
  ///
  /// - Precondition: the parameters are valid (``validate()`` does not throw);
  ///   otherwise the result is meaningless (an invalid histogram traps).
  public func sample(_ stream: RandomStream) -> Double {
    let rng = stream.rng
    switch self {
    case .constant(let value):
      return value
    case .uniform(let low, let high):
      return stream.flat(low, high)
    case .exponential(let mean):
      return stream.exponential(mean: mean)
    case .normal(let mean, let sd):
      guard sd > 0 else { return Swift.max(mean, 0) }
      if mean == 0 { return Swift.abs(stream.gaussian(sigma: sd)) }
      return Swift.max(mean + stream.gaussianTail(above: -mean, sigma: sd), 0)
    case .lognormal(let mu, let sigma):
      return gsl_ran_lognormal(rng, mu, sigma)
    case .gamma(let shape, let scale):
      return gsl_ran_gamma(rng, shape, scale)
    case .weibull(let scale, let shape):
      return gsl_ran_weibull(rng, scale, shape)
    case .pareto(let shape, let scale):
      return gsl_ran_pareto(rng, shape, scale)
    case .empirical(let values):
      precondition(!values.isEmpty, "sampling an empirical distribution with no values")
      return values[stream.uniformInt(below: values.count)]
    case .histogram(let histogram):
      return histogram.sample(stream)
    }
  }

  /// The analytic mean, or nil where it is infinite (pareto with shape <= 1) or undefined.
  ///
  /// For ``normal(mean:sd:)`` this is the mean of the truncated distribution,
  /// `mean + sd·φ(α)/(1 − Φ(α))` with `α = −mean/sd`.
  public var mean: Double? {
    switch self {
    case .constant(let value):
      return value
    case .uniform(let low, let high):
      return (low + high) / 2
    case .exponential(let mean):
      return mean
    case .normal(let mean, let sd):
      guard sd > 0 else { return Swift.max(mean, 0) }
      return mean + sd * Self.inverseMillsRatio(-mean / sd)
    case .lognormal(let mu, let sigma):
      return exp(mu + sigma * sigma / 2)
    case .gamma(let shape, let scale):
      return shape * scale
    case .weibull(let scale, let shape):
      guard shape > 0 else { return nil }
      return scale * gsl_sf_gamma(1 + 1 / shape)
    case .pareto(let shape, let scale):
      guard shape > 1 else { return nil }
      return shape * scale / (shape - 1)
    case .empirical(let values):
      guard !values.isEmpty else { return nil }
      return values.reduce(0, +) / Double(values.count)
    case .histogram(let histogram):
      return histogram.mean
    }
  }

  /// Throws a ``DistributionError`` naming the first parameter out of range.
  public func validate() throws(DistributionError) {
    func require(_ ok: Bool, _ parameter: String, _ message: String) throws(DistributionError) {
      guard ok else {
        throw DistributionError(distribution: kind, parameter: parameter, message: message)
      }
    }
    func finite(_ value: Double, _ parameter: String) throws(DistributionError) {
      try require(value.isFinite, parameter, "\(parameter) must be finite, got \(value)")
    }
    func positive(_ value: Double, _ parameter: String) throws(DistributionError) {
      try require(
        value.isFinite && value > 0, parameter, "\(parameter) must be finite and > 0, got \(value)")
    }
    func nonNegative(_ value: Double, _ parameter: String) throws(DistributionError) {
      try require(
        value.isFinite && value >= 0, parameter,
        "\(parameter) must be finite and >= 0, got \(value)")
    }
    switch self {
    case .constant(let value):
      try finite(value, "value")
    case .uniform(let low, let high):
      try finite(low, "low")
      try finite(high, "high")
      try require(low <= high, "high", "high must be >= low (\(low)), got \(high)")
    case .exponential(let mean):
      try positive(mean, "mean")
    case .normal(let mean, let sd):
      try finite(mean, "mean")
      try nonNegative(sd, "sd")
    case .lognormal(let mu, let sigma):
      try finite(mu, "mu")
      try nonNegative(sigma, "sigma")
    case .gamma(let shape, let scale):
      try positive(shape, "shape")
      try positive(scale, "scale")
    case .weibull(let scale, let shape):
      try positive(scale, "scale")
      try positive(shape, "shape")
    case .pareto(let shape, let scale):
      try positive(shape, "shape")
      try positive(scale, "scale")
    case .empirical(let values):
      try require(!values.isEmpty, "values", "values must not be empty")
      for (index, value) in values.enumerated() {
        try require(value.isFinite, "values", "values[\(index)] must be finite, got \(value)")
      }
    case .histogram(let histogram):
      try histogram.validate()
    }
  }

  /// φ(α)/(1 − Φ(α)) for the standard normal, stable far into the upper tail.
  static func inverseMillsRatio(_ alpha: Double) -> Double {
    if alpha > 30 {
      // Asymptotic series; the direct ratio underflows to 0/0 near α ≈ 38.
      let inverseSquare = 1 / (alpha * alpha)
      return alpha * (1 + inverseSquare * (1 + inverseSquare * (-2 + 10 * inverseSquare)))
    }
    return gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
  }
}
