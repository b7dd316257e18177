// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

@Suite("ScheduledEvent")
struct ScheduledEventTests {
  private func event(_ time: UInt64, _ sequence: UInt64, _ label: UInt64 = 0) -> ScheduledEvent<TestEvent> {
    ScheduledEvent(time: .nanoseconds(time), sequence: sequence, payload: .marker(label))
  }

  @Test func earlierTimeComesFirstWhateverTheSequence() {
    #expect(event(1, 9) < event(2, 0))
    #expect(!(event(2, 0) < event(1, 9)))
  }

  @Test func equalTimesAreOrderedBySequence() {
    #expect(event(5, 1) < event(5, 2))
    #expect(!(event(5, 2) < event(5, 1)))
    #expect(!(event(5, 1) < event(5, 1)))
  }

  @Test func equalityIgnoresThePayload() {
    #expect(event(5, 1, 10) == event(5, 1, 20))
    #expect(event(5, 1) != event(5, 2))
    #expect(event(5, 1) != event(6, 1))
  }

  @Test func eventFitsInThirtyTwoBytes() {
    #expect(MemoryLayout<TestEvent>.size <= 16)
    #expect(MemoryLayout<ScheduledEvent<TestEvent>>.size <= 32)
    #expect(MemoryLayout<TwoWordPayload>.size == 16)
    #expect(MemoryLayout<ScheduledEvent<TwoWordPayload>>.size <= 32)
  }

  @Test func descriptionShowsTimeSequenceAndPayload() {
    #expect(event(1_500_000_000, 3, 7).description == "1.500000000s#3: marker(7)")
  }
}
