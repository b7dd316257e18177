// SPDX-License-Identifier: MIT

/// A point in simulated time, counted in whole nanoseconds since the start of a run.
///
/// Simulated time is an unsigned 64-bit integer, as in ns-3's `Time` and OMNeT++'s
/// fixed-point `simtime_t`: arithmetic is exact, ordering is total, and a run is
/// reproducible bit for bit on every platform. `UInt64` nanoseconds cover about 584
/// years. `Swift.Duration` is not used because it is 128 bits wide and signed.
///
/// The same type serves as an instant and as an interval (`.zero + .milliseconds(5)`).
/// Arithmetic traps on overflow and on negative results in checked builds.
///
/// - Invariant: never built from floating point inside the engine; `seconds` is for
///   reporting only.
public struct SimTime: Comparable, Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
  /// Nanoseconds since the start of the run.
  public var nanoseconds: UInt64

  /// Creates a time from a nanosecond count.
  ///
  /// - Parameter nanoseconds: nanoseconds since the start of the run.
  @inline(__always)
  public init(nanoseconds: UInt64) {
    self.nanoseconds = nanoseconds
  }

  /// The start of every run.
  public static let zero = SimTime(nanoseconds: 0)

  /// The latest representable time; useful as an open-ended `run(until:)` limit.
  public static let max = SimTime(nanoseconds: .max)

  /// Returns a time of `count` nanoseconds.
  ///
  /// - Parameter count: a non-negative number of nanoseconds.
  @inline(__always)
  public static func nanoseconds(_ count: some BinaryInteger) -> SimTime {
    SimTime(nanoseconds: UInt64(count))
  }

  /// Returns a time of `count` microseconds.
  ///
  /// - Parameter count: a non-negative number of microseconds.
  @inline(__always)
  public static func microseconds(_ count: some BinaryInteger) -> SimTime {
    SimTime(nanoseconds: UInt64(count) * 1_000)
  }

  /// Returns a time of `count` milliseconds.
  ///
  /// - Parameter count: a non-negative number of milliseconds.
  @inline(__always)
  public static func milliseconds(_ count: some BinaryInteger) -> SimTime {
    SimTime(nanoseconds: UInt64(count) * 1_000_000)
  }

  /// Returns a time of `count` seconds.
  ///
  /// - Parameter count: a non-negative number of seconds.
  @inline(__always)
  public static func seconds(_ count: some BinaryInteger) -> SimTime {
    SimTime(nanoseconds: UInt64(count) * 1_000_000_000)
  }

  /// The time in seconds as a floating-point number, for reports and plots only.
  public var seconds: Double {
    Double(nanoseconds) / 1e9
  }

  /// The time as seconds with nine decimals, for example `1.500000000s`.
  public var description: String {
    let fraction = String(nanoseconds % 1_000_000_000)
    let padding = String(repeating: "0", count: 9 - fraction.count)
    return "\(nanoseconds / 1_000_000_000).\(padding)\(fraction)s"
  }

  /// Orders times chronologically.
  @inline(__always)
  public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
    lhs.nanoseconds < rhs.nanoseconds
  }

  /// Returns the sum of a time and an interval.
  @inline(__always)
  public static func + (lhs: SimTime, rhs: SimTime) -> SimTime {
    SimTime(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
  }

  /// Advances a time by an interval.
  @inline(__always)
  public static func += (lhs: inout SimTime, rhs: SimTime) {
    lhs.nanoseconds += rhs.nanoseconds
  }

  /// Returns the interval from `rhs` to `lhs`.
  ///
  /// - Precondition: `lhs >= rhs`; simulated intervals are never negative.
  @inline(__always)
  public static func - (lhs: SimTime, rhs: SimTime) -> SimTime {
    SimTime(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
  }
}
