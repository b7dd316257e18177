// SPDX-License-Identifier: MIT

/// How a run may end early, and who takes what it records as it goes.
///
/// A run advances in slices of simulated time (and of events, so a dense run is still cut
/// often); after each slice it hands over the samples and stalls recorded during it, reports
/// where it is, and asks whether to stop. Slicing changes nothing in the run: the events,
/// their order and every result are those of one uninterrupted run.
public struct RunControl {
  /// The most events the run may process; past it the run stops with ``RunStop/eventBudget(_:budget:)``.
  public var maxEvents: UInt64 = .max
  /// Asked after each slice; `true` stops the run with ``RunStop/interrupted(_:)``.
  public var isStopRequested: () -> Bool = { false }
  /// Takes the time-series rows and stall records of each slice, which then leave the
  /// model's statistics (so memory does not grow with the run); nil keeps them all there.
  public var record: ((_ rows: [TimeseriesRow], _ stalls: [StallRecord]) throws -> Void)?
  /// Told where the run is after each slice.
  public var progress: ((RunPosition) -> Void)?
  /// Simulated time per slice.
  public var sliceTime = SimTime.milliseconds(100)
  /// Events per slice at most: a stop request waits at most this many events (about 50 ms
  /// of the default scenario; longer with the tests' invariant checks on).
  public var sliceEvents: UInt64 = 1 << 16

  /// No limits, nothing streamed: the whole run in memory.
  public static var unlimited: RunControl { RunControl() }

  public init() {}
}

/// Where a run is: simulated time, the end it runs to, and events so far.
public struct RunPosition: Sendable, Equatable {
  public var now: SimTime
  public var end: SimTime
  public var events: UInt64

  /// "at 12.300 s of 25.000 s simulated, after 1834211 events".
  public var description: String {
    let now = ByteSize.formatted(self.now.seconds, decimals: 3)
    let end = ByteSize.formatted(self.end.seconds, decimals: 3)
    return "at \(now) s of \(end) s simulated, after \(events) events"
  }
}

/// Why a run stopped before its end.
public enum RunStop: Error, CustomStringConvertible {
  /// ``RunControl/isStopRequested`` said so (an interrupt).
  case interrupted(RunPosition)
  /// The run reached ``RunControl/maxEvents`` with events still due before its end.
  case eventBudget(RunPosition, budget: UInt64)
  /// ``RunControl/record`` failed (a full disk).
  case recording(RunPosition, message: String)

  public var position: RunPosition {
    switch self {
    case .interrupted(let p), .eventBudget(let p, _), .recording(let p, _): p
    }
  }

  public var description: String {
    switch self {
    case .interrupted(let p): "interrupted \(p.description)"
    case .eventBudget(let p, let budget):
      "the run reached its budget of \(budget) events \(p.description) (reclaim made it costlier than admitted); "
        + "raise --max-events or shorten the run"
    case .recording(let p, let message): "cannot write the results \(p.description): \(message)"
    }
  }
}
