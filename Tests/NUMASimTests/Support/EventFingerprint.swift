// SPDX-License-Identifier: MIT
@testable import NUMASim

/// A 64-bit hash of an event stream, for cheap regression tests of whole runs.
///
/// Fold in `(time, sequence, tag)` for every dispatched event, where `tag` identifies
/// the event kind (and whatever else should count as behaviour). Two runs with the
/// same fingerprint dispatched the same events at the same times in the same order,
/// up to hash collisions. This follows OMNeT++'s `cFingerprintCalculator`.
///
/// The hash is 64-bit FNV-1a (Fowler, Noll and Vo) over the little-endian bytes of the
/// three words, so the value is the same on every platform and toolchain. It is not
/// cryptographic.
struct EventFingerprint: Hashable, Sendable, CustomStringConvertible {
  /// The FNV-1a 64-bit offset basis.
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The FNV-1a 64-bit prime.
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// The hash of everything folded in so far.
  private(set) var value: UInt64

  /// The number of events folded in so far.
  private(set) var eventCount: UInt64

  /// Creates the fingerprint of an empty event stream.
  init() {
    value = Self.offsetBasis
    eventCount = 0
  }

  /// Folds one dispatched event into the fingerprint.
  ///
  /// - Parameters:
  ///   - time: when the event fired.
  ///   - sequence: its sequence number.
  ///   - tag: the event kind, or any other value that identifies its behaviour.
  /// - Complexity: O(1): 24 byte steps.
  @inline(__always)
  mutating func combine(time: SimTime, sequence: UInt64, tag: UInt64) {
    combine(word: time.nanoseconds)
    combine(word: sequence)
    combine(word: tag)
    eventCount &+= 1
  }

  /// Folds one event into the fingerprint with the given tag.
  ///
  /// - Parameters:
  ///   - event: the event that fired.
  ///   - tag: the event kind, or any other value that identifies its behaviour.
  @inline(__always)
  mutating func combine<Payload>(_ event: ScheduledEvent<Payload>, tag: UInt64) {
    combine(time: event.time, sequence: event.sequence, tag: tag)
  }

  /// Folds the eight bytes of `word`, least significant first.
  @inline(__always)
  private mutating func combine(word: UInt64) {
    var hash = value
    var remaining = word
    for _ in 0..<8 {
      hash = (hash ^ (remaining & 0xff)) &* Self.prime
      remaining >>= 8
    }
    value = hash
  }

  /// The hash as `0x` and sixteen hexadecimal digits.
  var description: String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
  }
}
