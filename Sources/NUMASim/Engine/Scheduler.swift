// SPDX-License-Identifier: MIT

/// A model that reacts to events popped by a `Scheduler`.
///
/// Conformers are usually structs holding the whole model state. The scheduler calls
/// `handle(_:scheduler:)` through a generic parameter resolved at compile time, so
/// dispatch costs no existential box, witness-table call or closure context.
public protocol EventHandler: ~Copyable {
  /// The event type this handler understands, typically a closed `enum`.
  associatedtype Payload: BitwiseCopyable

  /// Reacts to one event.
  ///
  /// When this is called, `scheduler.now` is the event's time. Schedule follow-up
  /// events on `scheduler`; scheduling in the past traps. Do not call `step` or `run`
  /// on `scheduler` from here.
  ///
  /// - Parameters:
  ///   - payload: the event that fired.
  ///   - scheduler: the scheduler that popped it.
  mutating func handle(_ payload: Payload, scheduler: inout Scheduler<Payload>)
}

/// The simulation clock and its future-event set: pops events in `(time, sequence)`
/// order and hands each one to an `EventHandler`.
///
/// The loop follows SimPy's `Environment.step`/`run(until:)` and ns-3's
/// `ProcessOneEvent`: pop the earliest event, advance `now` to its time, dispatch it.
/// Time never goes backwards, because `schedule` refuses times before `now`.
///
/// When a handler schedules an event, the first such event replaces the one being
/// handled in a single sift-down (`EventQueue.replaceNext(with:at:)`); if the handler
/// schedules nothing, the handled event is removed after it returns. The order of
/// events, including their sequence numbers, is the same as with a plain pop and push.
///
/// There is no global simulator: each `Scheduler` is an independent value.
public struct Scheduler<Payload: BitwiseCopyable> {
  /// The current simulated time: the time of the event being handled, or the limit of
  /// the last `run(until:)`.
  public private(set) var now: SimTime

  /// The number of events dispatched since the scheduler was created.
  public private(set) var processedEventCount: UInt64

  /// The sequence number of the event being handled, or of the last one handled.
  public private(set) var currentSequence: UInt64

  /// The future-event set. While `isTopSpent` is true its top is the event being handled.
  @usableFromInline internal var queue: EventQueue<Payload>

  /// Whether the queue's top is the event being handled, not yet removed.
  @usableFromInline internal var isTopSpent: Bool

  /// Creates a scheduler at time zero with no pending events.
  ///
  /// - Parameter minimumCapacity: the number of pending events to make room for.
  public init(minimumCapacity: Int = 0) {
    now = .zero
    processedEventCount = 0
    currentSequence = 0
    queue = EventQueue(minimumCapacity: minimumCapacity)
    isTopSpent = false
  }

  /// The number of events waiting to fire, excluding the one being handled.
  ///
  /// - Complexity: O(1).
  public var pendingCount: Int {
    queue.count - (isTopSpent ? 1 : 0)
  }

  /// The time of the earliest pending event, or `nil` if none is pending.
  ///
  /// - Complexity: O(1).
  public var nextTime: SimTime? {
    guard isTopSpent else { return queue.nextTime }
    return queue.nextTimeBelowTop
  }

  /// Queues `payload` to fire at `time`.
  ///
  /// - Parameters:
  ///   - payload: what the event means to the model.
  ///   - time: when it fires.
  /// - Precondition: `time >= now`.
  /// - Complexity: O(log `pendingCount`).
  @inline(__always)
  public mutating func schedule(_ payload: Payload, at time: SimTime) {
    precondition(time >= now, "scheduling at \(time) is before now (\(now))")
    if isTopSpent {
      isTopSpent = false
      queue.replaceNext(with: payload, at: time)
    } else {
      queue.schedule(payload, at: time)
    }
  }

  /// Queues `payload` to fire `delay` after `now`.
  ///
  /// - Parameters:
  ///   - payload: what the event means to the model.
  ///   - delay: how long after `now` it fires.
  /// - Complexity: O(log `pendingCount`).
  @inline(__always)
  public mutating func schedule(_ payload: Payload, after delay: SimTime) {
    schedule(payload, at: now + delay)
  }

  /// Queues `payload` at `time` if that is not in the past.
  ///
  /// - Parameters:
  ///   - payload: what the event means to the model.
  ///   - time: when it fires.
  /// - Returns: `false`, leaving the queue unchanged, if `time < now`.
  /// - Complexity: O(log `pendingCount`).
  @discardableResult
  public mutating func trySchedule(_ payload: Payload, at time: SimTime) -> Bool {
    guard time >= now else { return false }
    schedule(payload, at: time)
    return true
  }

  /// Dispatches the earliest pending event, whatever its time.
  ///
  /// - Parameter handler: the model that reacts to the event.
  /// - Returns: `false` if no event was pending.
  /// - Complexity: O(log `pendingCount`) plus the handler's cost.
  @discardableResult
  public mutating func step<Handler: EventHandler & ~Copyable>(
    handler: inout Handler
  ) -> Bool where Handler.Payload == Payload {
    precondition(!isTopSpent, "step(handler:) called from inside a handler")
    guard let event = queue.nextEvent else { return false }
    dispatch(event, to: &handler)
    return true
  }

  /// Dispatches every event with `time <= limit`, in order, then sets `now` to `limit`.
  ///
  /// Events later than `limit` stay queued, so a run can be resumed with a later
  /// limit: `run(until: a)` followed by `run(until: b)` dispatches exactly the events
  /// of one `run(until: b)`, in the same order, with the same sequence numbers.
  ///
  /// - Parameters:
  ///   - limit: the last time to simulate; events at exactly `limit` are dispatched.
  ///   - handler: the model that reacts to the events.
  /// - Returns: the number of events dispatched by this call.
  /// - Precondition: `limit >= now`.
  /// - Complexity: O(k log `pendingCount`) for k dispatched events, plus the handlers.
  @discardableResult
  public mutating func run<Handler: EventHandler & ~Copyable>(
    until limit: SimTime, handler: inout Handler
  ) -> UInt64 where Handler.Payload == Payload {
    precondition(limit >= now, "run(until: \(limit)) is before now (\(now))")
    precondition(!isTopSpent, "run(until:handler:) called from inside a handler")
    let start = processedEventCount
    while let event = queue.nextEvent, event.time <= limit {
      dispatch(event, to: &handler)
    }
    now = limit
    return processedEventCount &- start
  }

  /// Dispatches events with `time <= limit`, in order, but at most `maxEvents` of them.
  ///
  /// When every such event was dispatched, sets `now` to `limit` and returns `true`, as
  /// ``run(until:handler:)`` does. When `maxEvents` were dispatched first, returns `false`
  /// with `now` at the last one's time; a later call goes on with exactly the events one
  /// uninterrupted run would dispatch.
  /// - Precondition: `limit >= now`.
  public mutating func run<Handler: EventHandler & ~Copyable>(
    until limit: SimTime, atMost maxEvents: UInt64, handler: inout Handler
  ) -> Bool where Handler.Payload == Payload {
    precondition(limit >= now, "run(until: \(limit)) is before now (\(now))")
    precondition(!isTopSpent, "run(until:atMost:handler:) called from inside a handler")
    var left = maxEvents
    while let event = queue.nextEvent, event.time <= limit {
      guard left > 0 else { return false }
      dispatch(event, to: &handler)
      left &-= 1
    }
    now = limit
    return true
  }

  /// Advances the clock to `event`, hands it to `handler`, and removes it from the queue.
  @inline(__always)
  private mutating func dispatch<Handler: EventHandler & ~Copyable>(
    _ event: ScheduledEvent<Payload>, to handler: inout Handler
  ) where Handler.Payload == Payload {
    now = event.time
    currentSequence = event.sequence
    processedEventCount &+= 1
    isTopSpent = true
    handler.handle(event.payload, scheduler: &self)
    if isTopSpent {
      isTopSpent = false
      queue.removeNext()
    }
    queue._checkInvariants()
  }
}

extension EventQueue {
  /// The earliest time among the top's children: the next time once the top is gone.
  ///
  /// - Complexity: O(1).
  internal var nextTimeBelowTop: SimTime? {
    switch storage.count {
    case 0, 1: return nil
    case 2: return storage[1].time
    default: return Swift.min(storage[1], storage[2]).time
    }
  }
}
