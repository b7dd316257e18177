// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct EventTests {
  @Test func aScheduledEventFitsInThirtyTwoBytes() {
    #expect(MemoryLayout<Event>.size <= 16)
    #expect(MemoryLayout<ScheduledEvent<Event>>.size <= 32)
    // Admission counts a queued event at this size.
    #expect(MemoryLayout<ScheduledEvent<Event>>.stride == Admission.bytesPerQueuedEvent)
  }
}
