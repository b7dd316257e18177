// SPDX-License-Identifier: MIT

@testable import NUMASim

/// A small closed event type standing in for the simulator's domain events.
enum TestEvent: BitwiseCopyable, Equatable, Sendable {
  /// A timer firing; stale when `generation` is not the timer's current generation.
  case tick(id: UInt32, generation: UInt32)
  /// A one-shot event carrying a label.
  case marker(UInt64)
  /// Re-arms timer `id`, making any queued `tick` for it stale.
  case rearm(id: UInt32, delay: UInt32)
}

/// A two-word payload, the largest the house style allows.
struct TwoWordPayload: BitwiseCopyable {
  /// The first word.
  var first: UInt64
  /// The second word.
  var second: UInt64
}

/// One dispatched event as seen by a handler.
struct TraceEntry: Equatable {
  /// `scheduler.now` when the event was handled.
  var time: SimTime
  /// The event's sequence number.
  var sequence: UInt64
  /// The event.
  var payload: TestEvent
}

/// A handler that records every event and runs periodic timers with lazy cancellation.
///
/// Timer `id` re-schedules itself every `periods[id]` nanoseconds. A `.rearm` bumps the
/// timer's generation and schedules a fresh tick, so ticks already queued go stale and
/// are dropped when they pop.
struct TimerModel: EventHandler {
  /// Every event dispatched, in order.
  var trace: [TraceEntry] = []
  /// The ticks that were acted on (not stale), as `(time, id)`.
  var firedTicks: [(time: SimTime, id: UInt32)] = []
  /// The number of stale ticks dropped.
  var staleCount = 0
  /// The current generation of each timer.
  var generations: [UInt32]
  /// The period of each timer, in nanoseconds.
  var periods: [UInt64]
  /// The fingerprint of the run, tagged by event kind and id.
  var fingerprint = EventFingerprint()

  /// Creates timers with the given periods, all at generation zero.
  init(periods: [UInt64]) {
    self.periods = periods
    generations = Array(repeating: 0, count: periods.count)
  }

  /// Queues the first tick of every timer.
  func start(on scheduler: inout Scheduler<TestEvent>) {
    for id in periods.indices {
      scheduler.schedule(.tick(id: UInt32(id), generation: 0), after: .nanoseconds(periods[id]))
    }
  }

  mutating func handle(_ payload: TestEvent, scheduler: inout Scheduler<TestEvent>) {
    trace.append(TraceEntry(time: scheduler.now, sequence: scheduler.currentSequence, payload: payload))
    switch payload {
    case .tick(let id, let generation):
      fingerprint.combine(time: scheduler.now, sequence: scheduler.currentSequence, tag: UInt64(id) << 8 | 1)
      guard generation == generations[Int(id)] else {
        staleCount += 1
        return
      }
      firedTicks.append((scheduler.now, id))
      scheduler.schedule(.tick(id: id, generation: generation), after: .nanoseconds(periods[Int(id)]))
    case .marker(let label):
      fingerprint.combine(time: scheduler.now, sequence: scheduler.currentSequence, tag: label << 8 | 2)
    case .rearm(let id, let delay):
      fingerprint.combine(time: scheduler.now, sequence: scheduler.currentSequence, tag: UInt64(id) << 8 | 3)
      generations[Int(id)] &+= 1
      scheduler.schedule(.tick(id: id, generation: generations[Int(id)]), after: .nanoseconds(delay))
    }
  }
}
