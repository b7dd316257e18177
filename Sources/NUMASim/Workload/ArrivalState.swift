// SPDX-License-Identifier: MIT

/// The running state of an ``ArrivalProcess``: which phase and which on/off period it is in.
///
/// A value type with no stream of its own: each call draws from the stream it is given,
/// so one group's arrivals never consume another group's random numbers.
///
/// - Invariant: `phaseIndex` only moves forward; a phase change discards the on/off period.
public struct ArrivalState: Sendable {
  /// The process being run.
  public let process: ArrivalProcess
  /// The current phase of ``ArrivalProcess/phases(_:)``; -1 before the first one starts.
  public private(set) var phaseIndex = -1
  /// The current on/off period, nil until the first draw of an on/off process or phase.
  private var burst: Burst?

  /// An on or off period and when it ends.
  private struct Burst: Sendable {
    var isOn: Bool
    var end: SimTime
  }

  /// The state of `process` before its first arrival.
  ///
  /// - Precondition: the parameters are valid (``ArrivalProcess/problem`` is nil, or says only
  ///   that the process is quiet, in which case ``next(after:stream:)`` returns nil).
  public init(_ process: ArrivalProcess) {
    precondition(process.shapeProblem == nil, "invalid arrival process: \(process.shapeProblem ?? "")")
    self.process = process
  }

  /// The first arrival strictly after `now` (or at `now` if a gap rounds to 0 ns), or nil
  /// if the process issues nothing more.
  ///
  /// Pass the time of the previous arrival, or the group's start for the first one. After
  /// a stall, passing the end of the stall restarts the process there: exact for Poisson
  /// (memoryless), one full interval for a constant process; on/off periods and phases
  /// keep their own clock.
  /// - Parameters:
  ///   - now: the time to draw from.
  ///   - stream: the group's arrival stream.
  /// - Returns: the next arrival time, or nil when no further request will arrive.
  public mutating func next(after now: SimTime, stream: RandomStream) -> SimTime? {
    guard case .phases(let phases) = process else {
      return Self.draw(process, after: now, until: nil, burst: &burst, stream: stream)
    }
    var t = now
    if phaseIndex < 0 {
      // Nothing arrives before the first phase.
      t = Swift.max(t, phases[0].start)
      phaseIndex = 0
    }
    // A jump forward (a stall) may skip whole phases.
    while phaseIndex + 1 < phases.count, phases[phaseIndex + 1].start <= t {
      phaseIndex += 1
      burst = nil
    }
    while true {
      let boundary = phaseIndex + 1 < phases.count ? phases[phaseIndex + 1].start : nil
      let candidate = Self.draw(phases[phaseIndex].process, after: t, until: boundary, burst: &burst, stream: stream)
      if let candidate, boundary.map({ candidate < $0 }) ?? true { return candidate }
      guard let boundary else { return nil }
      // Memoryless restart of the next phase at its start.
      t = boundary
      phaseIndex += 1
      burst = nil
    }
  }

  /// One arrival of a process that is not phased, or nil if none comes before `limit`.
  private static func draw(
    _ process: ArrivalProcess, after now: SimTime, until limit: SimTime?, burst: inout Burst?, stream: RandomStream
  ) -> SimTime? {
    switch process {
    case .poisson(let rate):
      guard rate > 0 else { return nil }
      return now.saturatingAdding(SimTime(drawnSeconds: Distribution.exponential(mean: 1 / rate).sample(stream)))
    case .constant(let interval):
      return now.saturatingAdding(interval)
    case .onOff(let rate, let on, let off):
      guard rate > 0 else { return nil }
      var period = burst ?? Burst(isOn: true, end: now.saturatingAdding(SimTime(drawnSeconds: on.sample(stream))))
      defer { burst = period }
      var t = now
      while true {
        if let limit, t >= limit { return nil }
        if t >= period.end {
          guard period.end < .max else { return nil }
          let length = (period.isOn ? off : on).sample(stream)
          period = Burst(isOn: !period.isOn, end: period.end.saturatingAdding(SimTime(drawnSeconds: length)))
          continue
        }
        guard period.isOn else {
          t = period.end
          continue
        }
        let gap = SimTime(drawnSeconds: Distribution.exponential(mean: 1 / rate).sample(stream))
        let candidate = t.saturatingAdding(gap)
        if candidate < period.end { return candidate }
        // The burst ended first: restart (memoryless) at the start of the next on period.
        t = period.end
      }
    case .phases:
      preconditionFailure("phases do not nest")
    }
  }
}
