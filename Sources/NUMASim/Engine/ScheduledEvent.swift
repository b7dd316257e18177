// SPDX-License-Identifier: MIT

/// An event waiting in the future-event set: a payload, its firing time and a tie-breaker.
///
/// Events are ordered by `(time, sequence)`. The queue hands out sequence numbers in
/// increasing order, so events scheduled for the same time fire first-in, first-out
/// (SimPy's `eid`, ns-3's `m_uid`, OMNeT++'s `insertordr`). The payload takes no part
/// in ordering or equality.
///
/// `Payload` is `BitwiseCopyable`, so moving an event inside the heap is a plain memory
/// copy with no reference counting. Keep payloads to two words or fewer: with an
/// 8-byte time and an 8-byte sequence number the whole event then fits in 32 bytes.
///
/// - Invariant: `<` is a strict total order on `(time, sequence)`; `==` agrees with it.
public struct ScheduledEvent<Payload: BitwiseCopyable>: Comparable, BitwiseCopyable {
  /// When the event fires.
  public var time: SimTime

  /// The tie-breaker among events with the same `time`; smaller fires first.
  public var sequence: UInt64

  /// What the event means to the model.
  public var payload: Payload

  /// Creates an event.
  ///
  /// - Parameters:
  ///   - time: when the event fires.
  ///   - sequence: the tie-breaker among events with the same `time`.
  ///   - payload: what the event means to the model.
  @inline(__always)
  public init(time: SimTime, sequence: UInt64, payload: Payload) {
    self.time = time
    self.sequence = sequence
    self.payload = payload
  }

  /// Returns whether `lhs` fires before `rhs`: earlier time, then smaller sequence.
  @inline(__always)
  public static func < (lhs: Self, rhs: Self) -> Bool {
    let lt = lhs.time.nanoseconds
    let rt = rhs.time.nanoseconds
    return lt < rt || (lt == rt && lhs.sequence < rhs.sequence)
  }

  /// Returns whether both events have the same `(time, sequence)` key.
  @inline(__always)
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.time == rhs.time && lhs.sequence == rhs.sequence
  }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}

extension ScheduledEvent: CustomStringConvertible {
  /// The event as `time#sequence: payload`.
  public var description: String {
    "\(time)#\(sequence): \(payload)"
  }
}
