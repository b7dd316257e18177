// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

@Suite("EventFingerprint")
struct EventFingerprintTests {
  /// Byte-at-a-time FNV-1a 64, written independently of the type under test.
  private func referenceFNV1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  private func littleEndianBytes(_ words: [UInt64]) -> [UInt8] {
    words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
  }

  @Test func emptyStreamIsTheOffsetBasis() {
    #expect(EventFingerprint().value == 0xcbf2_9ce4_8422_2325)
    #expect(EventFingerprint().eventCount == 0)
  }

  @Test func knownVectorForFNV1a() {
    // FNV-1a 64 of the single byte "a" is 0xaf63dc4c8601ec8c.
    #expect(referenceFNV1a([0x61]) == 0xaf63_dc4c_8601_ec8c)
  }

  @Test func foldsLittleEndianWordsLikeByteWiseFNV1a() {
    var fingerprint = EventFingerprint()
    fingerprint.combine(time: .nanoseconds(0x0102_0304_0506_0708), sequence: 42, tag: 7)
    fingerprint.combine(time: .seconds(3), sequence: 43, tag: .max)
    let expected = referenceFNV1a(
      littleEndianBytes([0x0102_0304_0506_0708, 42, 7, 3_000_000_000, 43, .max]))
    #expect(fingerprint.value == expected)
    #expect(fingerprint.eventCount == 2)
  }

  @Test func orderOfEventsChangesTheFingerprint() {
    var ab = EventFingerprint()
    ab.combine(time: .nanoseconds(1), sequence: 0, tag: 1)
    ab.combine(time: .nanoseconds(1), sequence: 1, tag: 2)
    var ba = EventFingerprint()
    ba.combine(time: .nanoseconds(1), sequence: 1, tag: 2)
    ba.combine(time: .nanoseconds(1), sequence: 0, tag: 1)
    #expect(ab != ba)
  }

  @Test func combiningAnEventUsesItsKey() {
    let event = ScheduledEvent(time: .microseconds(5), sequence: 9, payload: TestEvent.marker(1))
    var viaEvent = EventFingerprint()
    viaEvent.combine(event, tag: 3)
    var viaFields = EventFingerprint()
    viaFields.combine(time: .microseconds(5), sequence: 9, tag: 3)
    #expect(viaEvent == viaFields)
  }

  @Test func descriptionIsSixteenHexDigits() {
    var fingerprint = EventFingerprint()
    fingerprint.combine(time: .zero, sequence: 0, tag: 0)
    #expect(fingerprint.description.count == 18)
    #expect(fingerprint.description.hasPrefix("0x"))
    #expect(fingerprint.description == "0x" + String(fingerprint.value, radix: 16).leftPadded(to: 16))
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: Swift.max(0, width - count)) + self
  }
}
