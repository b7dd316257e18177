// SPDX-License-Identifier: MIT

/// A fixed-size array with exactly one owner.
///
/// The simulation's hot state (the memmap, free and per-CPU lists, LRU links, the reverse
/// map) lives in these: an element read is one load and an element write one store, with no
/// copy-on-write check, because the array cannot be copied implicitly. ``copy()`` makes an
/// independent duplicate where one is wanted. Indices are checked when the library is built
/// with its checks (`make test`) and not in the shipped `-Ounchecked` binary.
public struct OwnedArray<Element: BitwiseCopyable>: ~Copyable, @unchecked Sendable {
  // Sendable: the buffer has one owner, so sending the array sends the only reference.
  @usableFromInline let base: UnsafeMutablePointer<Element>
  public let count: Int

  /// `count` copies of `value`.
  public init(repeating value: Element, count: Int) {
    precondition(count >= 0, "an array cannot have \(count) elements")
    self.count = count
    base = .allocate(capacity: Swift.max(count, 1))
    base.initialize(repeating: value, count: count)
  }

  /// The elements of `elements`, in order.
  public init(_ elements: some Collection<Element>) {
    count = elements.count
    base = .allocate(capacity: Swift.max(count, 1))
    _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: elements)
  }

  deinit { base.deallocate() }

  public var indices: Range<Int> { 0..<count }
  public var isEmpty: Bool { count == 0 }

  public subscript(_ i: Int) -> Element {
    @inline(__always) unsafeAddress {
      precondition(i >= 0 && i < count, "index \(i) out of range 0..<\(count)")
      return UnsafePointer(base + i)
    }
    @inline(__always) unsafeMutableAddress {
      precondition(i >= 0 && i < count, "index \(i) out of range 0..<\(count)")
      return base + i
    }
  }

  /// An independent array with the same elements.
  public func copy() -> OwnedArray<Element> {
    OwnedArray(UnsafeBufferPointer(start: base, count: count))
  }

  /// The elements as a regular array (for reports and tests; O(count)).
  public var elements: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
