// SPDX-License-Identifier: MIT

/// Converting drawn quantities (seconds, as distributions give them) to simulated time.
extension SimTime {
  /// The interval nearest to `seconds`, rounded to a whole nanosecond.
  ///
  /// Workload distributions are written in seconds and sampled as `Double`; this is the one
  /// place where such a draw becomes a `SimTime`. Negative and NaN values give zero,
  /// values beyond ``SimTime/max`` saturate at it.
  /// - Parameter seconds: a drawn duration in seconds.
  @inline(__always)
  public init(drawnSeconds seconds: Double) {
    let nanoseconds = (seconds * 1e9).rounded()
    if !(nanoseconds > 0) {
      self = .zero
    } else if nanoseconds >= 18_446_744_073_709_549_568 {  // largest Double below 2^64
      self = .max
    } else {
      self.init(nanoseconds: UInt64(nanoseconds))
    }
  }

  /// `self + interval`, or ``SimTime/max`` when the sum does not fit.
  @inline(__always)
  public func saturatingAdding(_ interval: SimTime) -> SimTime {
    let (sum, overflow) = nanoseconds.addingReportingOverflow(interval.nanoseconds)
    return overflow ? .max : SimTime(nanoseconds: sum)
  }
}
