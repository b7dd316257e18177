// SPDX-License-Identifier: MIT

/// When a task group issues its allocation requests: the process its arrival times follow.
///
/// Rates are requests per second; a byte rate in a config (`poisson: 400MB/s`) has already
/// been divided by the group's mean request size (see ``OrderDistribution/meanBytes``).
/// Period lengths drawn from a ``Distribution`` are in seconds. ``ArrivalState`` runs the
/// process; the group's CPUs, start and stop are applied by ``TaskGroupState``.
public enum ArrivalProcess: Hashable, Sendable {
  /// A Poisson process: exponential gaps with mean `1 / ratePerSecond`. A rate of 0 issues
  /// nothing (useful as a quiet phase).
  case poisson(ratePerSecond: Double)
  /// One request every `interval`, the first one `interval` after the start.
  case constant(interval: SimTime)
  /// Bursts: a Poisson process at `rate` during on periods and nothing during off periods.
  ///
  /// Periods alternate, starting with an on period at the group's (or phase's) start;
  /// their lengths in seconds are drawn from `on` and `off`. Periods run in real time:
  /// a stalled CPU does not stretch them.
  case onOff(rate: Double, on: Distribution, off: Distribution)
  /// Piecewise: `phases[i].process` runs from `phases[i].start` to `phases[i + 1].start`,
  /// the last one until the group stops. Nothing arrives before the first phase's start.
  ///
  /// At a boundary the new phase restarts afresh (memoryless): an arrival drawn past the
  /// boundary is discarded and the new phase draws from the boundary on, a constant phase
  /// first issues one interval after it, an on/off phase begins with an on period. For a
  /// Poisson phase this is exact. Phases do not nest.
  case phases([ArrivalPhase])

  /// The long-run mean rate in requests per second, or nil for phases (it changes).
  ///
  /// On/off: `rate · E[on] / (E[on] + E[off])`; nil if a period mean is undefined.
  public var meanRatePerSecond: Double? {
    switch self {
    case .poisson(let rate): return rate
    case .constant(let interval): return interval.nanoseconds == 0 ? nil : 1e9 / Double(interval.nanoseconds)
    case .onOff(let rate, let on, let off):
      guard let a = on.mean, let b = off.mean, a + b > 0 else { return nil }
      return rate * a / (a + b)
    case .phases: return nil
    }
  }

  /// What makes the process unusable, or nil if it can run and issues at least one request.
  ///
  /// Rejected: negative or non-finite rates, a zero interval, invalid distributions,
  /// period distributions that can go negative or whose on-period mean is 0 (a burst that
  /// never lasts), nested or out-of-order phases, and processes that can never issue
  /// anything (rate 0 at top level, every phase quiet).
  public var problem: String? {
    if let p = shapeProblem { return p }
    return canIssue ? nil : "the arrival process never issues a request (every rate is 0)"
  }

  /// Problems with the parameters themselves, not counting a process that is merely quiet.
  var shapeProblem: String? {
    switch self {
    case .poisson(let rate):
      guard rate.isFinite, rate >= 0 else { return "the rate must be finite and >= 0, got \(rate)" }
    case .constant(let interval):
      guard interval > .zero else { return "the interval must be longer than 0" }
    case .onOff(let rate, let on, let off):
      guard rate.isFinite, rate >= 0 else { return "the rate must be finite and >= 0, got \(rate)" }
      if let p = Self.periodProblem(on, "on") { return p }
      if let p = Self.periodProblem(off, "off") { return p }
      guard let mean = on.mean, mean > 0 else { return "the on periods must have a mean above 0" }
    case .phases(let phases):
      guard !phases.isEmpty else { return "at least one phase is needed" }
      for (i, phase) in phases.enumerated() {
        if case .phases = phase.process { return "phase \(i): phases do not nest" }
        if i > 0, phase.start <= phases[i - 1].start {
          return "phase \(i) starts at \(phase.start), not after phase \(i - 1) (\(phases[i - 1].start))"
        }
        if let p = phase.process.shapeProblem { return "phase \(i): \(p)" }
      }
    }
    return nil
  }

  /// Whether the process can issue at least one request.
  var canIssue: Bool {
    switch self {
    case .poisson(let rate): rate > 0
    case .constant: true
    case .onOff(let rate, _, _): rate > 0
    case .phases(let phases): phases.contains { $0.process.canIssue }
    }
  }

  /// Why a period (or other time) distribution is unusable, or nil.
  static func periodProblem(_ d: Distribution, _ name: String) -> String? {
    do { try d.validate() } catch { return "\(name): \(error.description)" }
    return d.canDrawNegative ? "\(name): \(d) can draw negative times" : nil
  }
}

/// One phase of ``ArrivalProcess/phases(_:)``: a process and the time it takes over.
public struct ArrivalPhase: Hashable, Sendable {
  /// When the phase begins, from the start of the run.
  public var start: SimTime
  /// The arrivals during the phase; not itself ``ArrivalProcess/phases(_:)``.
  public var process: ArrivalProcess

  /// A phase running `process` from `start`.
  public init(start: SimTime, process: ArrivalProcess) {
    self.start = start
    self.process = process
  }
}
