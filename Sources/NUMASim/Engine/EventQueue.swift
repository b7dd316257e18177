// SPDX-License-Identifier: MIT

/// The future-event set: a binary min-heap of `ScheduledEvent`s keyed by `(time, sequence)`.
///
/// The heap is an implicit binary tree in one `ContiguousArray` (Williams 1964): the
/// children of slot `i` are `2i + 1` and `2i + 2`. Sifting moves a *hole* instead of
/// swapping neighbours, so each level costs one element copy rather than three.
/// `replaceNext(with:at:)` fuses "pop the earliest event, schedule its successor" into a
/// single sift-down, which is the common case in a discrete-event simulation.
///
/// Every call to `schedule(_:at:)` or `replaceNext(with:at:)` takes the next sequence
/// number, so events with equal times pop in the order they were scheduled.
///
/// There is no `remove`: cancel an event lazily by carrying a generation number in its
/// payload and dropping stale ones when they pop.
///
/// | operation | cost |
/// | --- | --- |
/// | `schedule`, `popNext`, `replaceNext` | O(log `count`) comparisons and moves |
/// | `nextTime`, `nextEvent`, `count`, `isEmpty` | O(1) |
/// | memory | `MemoryLayout<ScheduledEvent<Payload>>.stride` bytes per event |
public struct EventQueue<Payload: BitwiseCopyable> {
  /// One queued event.
  public typealias Element = ScheduledEvent<Payload>

  /// The heap, in level order. `storage[0]` is the earliest event.
  @usableFromInline internal var storage: ContiguousArray<Element>

  /// The sequence number the next scheduled event receives.
  @usableFromInline internal var nextSequence: UInt64

  /// Creates an empty queue.
  ///
  /// - Parameter minimumCapacity: the number of events to make room for up front.
  public init(minimumCapacity: Int = 0) {
    storage = []
    storage.reserveCapacity(minimumCapacity)
    nextSequence = 0
  }

  /// The number of queued events.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public var count: Int { storage.count }

  /// Whether no event is queued.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public var isEmpty: Bool { storage.isEmpty }

  /// The time of the earliest queued event, or `nil` if the queue is empty.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public var nextTime: SimTime? { storage.first?.time }

  /// The earliest queued event, without removing it, or `nil` if the queue is empty.
  ///
  /// - Complexity: O(1).
  @inline(__always)
  public var nextEvent: Element? { storage.first }

  /// The number of sequence numbers handed out so far.
  public var scheduledCount: UInt64 { nextSequence }

  /// Makes room for at least `minimumCapacity` events without reallocating.
  ///
  /// - Parameter minimumCapacity: the number of events to make room for.
  /// - Complexity: O(`count`) if storage has to grow, otherwise O(1).
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    storage.reserveCapacity(minimumCapacity)
  }

  /// Queues `payload` to fire at `time`, after any event already queued for that time.
  ///
  /// The queue does not know the current time; `Scheduler` rejects times in the past.
  ///
  /// - Parameters:
  ///   - payload: what the event means to the model.
  ///   - time: when the event fires.
  /// - Complexity: O(log `count`) comparisons, amortised over storage growth.
  @inline(__always)
  public mutating func schedule(_ payload: Payload, at time: SimTime) {
    let event = Element(time: time, sequence: takeSequence(), payload: payload)
    storage.append(event)
    let last = storage.count - 1
    storage.withUnsafeMutableBufferPointer { buffer in
      Self.siftUp(event, from: last, in: buffer.baseAddress.unsafelyUnwrapped)
    }
  }

  /// Removes and returns the earliest event, or returns `nil` if the queue is empty.
  ///
  /// - Complexity: O(log `count`) comparisons.
  @inline(__always)
  public mutating func popNext() -> Element? {
    guard let last = storage.popLast() else { return nil }
    let remaining = storage.count
    if remaining == 0 { return last }
    return storage.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress.unsafelyUnwrapped
      let top = base[0]
      Self.siftDown(last, from: 0, count: remaining, in: base)
      return top
    }
  }

  /// Removes the earliest event and queues `payload` at `time` in one sift-down.
  ///
  /// Equivalent to `popNext()` followed by `schedule(payload, at: time)`, including the
  /// sequence number the new event receives, but it moves about half as many elements.
  /// Use it when handling an event schedules exactly one successor (a timer re-arming,
  /// a process holding).
  ///
  /// - Parameters:
  ///   - payload: what the new event means to the model.
  ///   - time: when the new event fires.
  /// - Returns: the event that was removed.
  /// - Precondition: the queue is not empty.
  /// - Complexity: O(log `count`) comparisons.
  @inline(__always)
  @discardableResult
  public mutating func replaceNext(with payload: Payload, at time: SimTime) -> Element {
    precondition(!storage.isEmpty, "replaceNext(with:at:) on an empty EventQueue")
    let event = Element(time: time, sequence: takeSequence(), payload: payload)
    let count = storage.count
    return storage.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress.unsafelyUnwrapped
      let top = base[0]
      Self.siftDown(event, from: 0, count: count, in: base)
      return top
    }
  }

  /// Removes the earliest event without returning it.
  ///
  /// - Precondition: the queue is not empty.
  /// - Complexity: O(log `count`) comparisons.
  @inline(__always)
  internal mutating func removeNext() {
    let last = storage.removeLast()
    let remaining = storage.count
    if remaining == 0 { return }
    storage.withUnsafeMutableBufferPointer { buffer in
      Self.siftDown(last, from: 0, count: remaining, in: buffer.baseAddress.unsafelyUnwrapped)
    }
  }

  /// Returns the next sequence number and advances the counter.
  @inline(__always)
  private mutating func takeSequence() -> UInt64 {
    let sequence = nextSequence
    nextSequence &+= 1
    return sequence
  }

  /// Moves the hole at `start` up until `event` fits there, then stores `event`.
  @inline(__always)
  private static func siftUp(_ event: Element, from start: Int, in base: UnsafeMutablePointer<Element>) {
    var hole = start
    while hole > 0 {
      let parent = (hole &- 1) &>> 1
      guard event < base[parent] else { break }
      base[hole] = base[parent]
      hole = parent
    }
    base[hole] = event
  }

  /// Moves the hole at `start` down until `event` fits there, then stores `event`.
  @inline(__always)
  private static func siftDown(
    _ event: Element, from start: Int, count: Int, in base: UnsafeMutablePointer<Element>
  ) {
    var hole = start
    while true {
      var child = 2 &* hole &+ 1
      if child >= count { break }
      let right = child &+ 1
      if right < count && base[right] < base[child] { child = right }
      guard base[child] < event else { break }
      base[hole] = base[child]
      hole = child
    }
    base[hole] = event
  }
}

#if NUMASIM_INTERNAL_CHECKS
  extension EventQueue {
    /// Traps unless every event fires no earlier than its parent and sequences are fresh.
    ///
    /// - Complexity: O(`count`).
    public func _checkInvariants() {
      for index in storage.indices.dropFirst() {
        let parent = (index - 1) / 2
        precondition(!(storage[index] < storage[parent]), "heap order broken at \(index)")
      }
      for event in storage {
        precondition(event.sequence < nextSequence, "sequence \(event.sequence) not yet issued")
      }
    }
  }
#else
  extension EventQueue {
    /// Checks internal invariants when built with `NUMASIM_INTERNAL_CHECKS`; otherwise does nothing.
    @inline(__always)
    public func _checkInvariants() {}
  }
#endif
