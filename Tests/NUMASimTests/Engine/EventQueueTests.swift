// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

@Suite("EventQueue")
struct EventQueueTests {
  /// Pops everything, checking the heap invariants after every pop.
  private func drain(_ queue: inout EventQueue<TestEvent>) -> [ScheduledEvent<TestEvent>] {
    var popped: [ScheduledEvent<TestEvent>] = []
    while let event = queue.popNext() {
      queue._checkInvariants()
      popped.append(event)
    }
    return popped
  }

  @Test func emptyQueueHasNothingToPop() {
    var queue = EventQueue<TestEvent>()
    #expect(queue.isEmpty)
    #expect(queue.count == 0)
    #expect(queue.nextTime == nil)
    #expect(queue.nextEvent == nil)
    #expect(queue.popNext() == nil)
  }

  @Test func equalTimesPopFIFO() {
    var queue = EventQueue<TestEvent>()
    for label in 0..<100 as Range<UInt64> {
      queue.schedule(.marker(label), at: .microseconds(label % 3))
    }
    let popped = drain(&queue)
    let labels = popped.map { event -> UInt64 in
      guard case .marker(let label) = event.payload else { return .max }
      return label
    }
    let expected = (0..<3 as Range<UInt64>).flatMap { residue in
      (0..<100 as Range<UInt64>).filter { $0 % 3 == residue }
    }
    #expect(labels == expected)
  }

  @Test func countsAndPeeksTrackTheEarliestEvent() {
    var queue = EventQueue<TestEvent>()
    queue.reserveCapacity(8)
    queue.schedule(.marker(1), at: .seconds(3))
    queue.schedule(.marker(2), at: .seconds(1))
    queue.schedule(.marker(3), at: .seconds(2))
    #expect(queue.count == 3)
    #expect(!queue.isEmpty)
    #expect(queue.nextTime == .seconds(1))
    #expect(queue.nextEvent?.payload == .marker(2))
    #expect(queue.scheduledCount == 3)
    #expect(queue.popNext()?.sequence == 1)
    #expect(queue.nextTime == .seconds(2))
    #expect(queue.count == 2)
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func randomSchedulesPopInSortedOrder(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var queue = EventQueue<TestEvent>()
    var reference: [(time: UInt64, sequence: UInt64)] = []
    var sequence: UInt64 = 0
    for _ in 0..<3_000 {
      if reference.isEmpty || random.next() % 3 != 0 {
        // A narrow time range makes ties common.
        let time = random.next() % 64
        queue.schedule(.marker(sequence), at: .nanoseconds(time))
        reference.append((time, sequence))
        sequence += 1
      } else {
        let index = reference.indices.min { reference[$0] < reference[$1] }!
        let expected = reference.remove(at: index)
        let event = queue.popNext()
        #expect(event?.time.nanoseconds == expected.time)
        #expect(event?.sequence == expected.sequence)
        #expect(event?.payload == .marker(expected.sequence))
      }
      queue._checkInvariants()
      #expect(queue.count == reference.count)
      #expect(queue.nextTime?.nanoseconds == reference.map(\.time).min())
    }
    let rest = drain(&queue)
    reference.sort { $0 < $1 }
    #expect(rest.map(\.time.nanoseconds) == reference.map(\.time))
    #expect(rest.map(\.sequence) == reference.map(\.sequence))
  }

  @Test(arguments: 0..<4 as Range<UInt64>)
  func replaceNextMatchesPopThenSchedule(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var fused = EventQueue<TestEvent>()
    var separate = EventQueue<TestEvent>()
    for label in 0..<257 as Range<UInt64> {
      let time = SimTime.nanoseconds(random.next() % 1_000)
      fused.schedule(.marker(label), at: time)
      separate.schedule(.marker(label), at: time)
    }
    for _ in 0..<5_000 {
      let top = fused.nextEvent!
      let time = top.time + .nanoseconds(random.next() % 1_000)
      let removed = fused.replaceNext(with: top.payload, at: time)
      let popped = separate.popNext()!
      separate.schedule(popped.payload, at: time)
      fused._checkInvariants()
      #expect(removed.time == popped.time && removed.sequence == popped.sequence)
      #expect(removed.payload == popped.payload)
    }
    let a = drain(&fused)
    let b = drain(&separate)
    #expect(a.map(\.sequence) == b.map(\.sequence))
    #expect(a.map(\.time) == b.map(\.time))
  }

  @Test func replaceNextWithAnEarlierTimeKeepsItOnTop() {
    var queue = EventQueue<TestEvent>()
    queue.schedule(.marker(1), at: .seconds(5))
    queue.schedule(.marker(2), at: .seconds(6))
    let removed = queue.replaceNext(with: .marker(3), at: .seconds(1))
    #expect(removed.payload == .marker(1))
    #expect(queue.nextEvent?.payload == .marker(3))
    #expect(queue.count == 2)
  }
}
