// SPDX-License-Identifier: MIT

extension ArrivalProcess {
  /// The expected number of requests the process issues between `start` and `end` when it
  /// begins at `origin` (its group's start); for admission, not for the run.
  ///
  /// Poisson: `rate · t`; constant: `⌊t / interval⌋`; on/off: the long-run mean rate times
  /// `t`, or the burst rate when a period mean is undefined; phases: each phase over its own
  /// span (phase starts are absolute times).
  public func expectedRequests(from start: SimTime, to end: SimTime, origin: SimTime) -> Double {
    guard end > start else { return 0 }
    let seconds = (end - start).seconds
    switch self {
    case .poisson(let rate): return rate * seconds
    case .constant(let interval):
      guard interval > .zero else { return 0 }
      let first = Swift.max(start, origin)
      guard end > first else { return 0 }
      return Double((end - origin).nanoseconds / interval.nanoseconds)
        - Double((first - origin).nanoseconds / interval.nanoseconds)
    case .onOff(let rate, _, _): return (meanRatePerSecond ?? rate) * seconds
    case .phases(let phases):
      var total = 0.0
      for (i, phase) in phases.enumerated() {
        let next = i + 1 < phases.count ? phases[i + 1].start : end
        let from = Swift.max(start, phase.start)
        let to = Swift.min(end, next)
        total += phase.process.expectedRequests(from: from, to: to, origin: phase.start)
      }
      return total
    }
  }
}
