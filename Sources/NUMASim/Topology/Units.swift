// SPDX-License-Identifier: MIT

/// A count of base pages (4 KiB on every modelled architecture).
///
/// Watermarks, managed counts and reserves are in pages; `min_free_kbytes` is not,
/// which is why the two units are distinct types.
public struct Pages: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var count: Int

  public init(_ count: Int) { self.count = count }

  /// Bytes per base page (`PAGE_SIZE`).
  public static let size = 4096
  /// `PAGE_SHIFT`.
  public static let shift = 12
  public static let zero = Pages(0)

  /// The pages that hold `bytes`, rounded down.
  public init(bytes: Int) { self.count = bytes >> Pages.shift }

  public var bytes: Int { count << Pages.shift }
  /// `pages << (PAGE_SHIFT - 10)`.
  public var kilobytes: Kilobytes { Kilobytes(count << (Pages.shift - 10)) }

  public static func < (a: Pages, b: Pages) -> Bool { a.count < b.count }
  public static func + (a: Pages, b: Pages) -> Pages { Pages(a.count + b.count) }
  public static func - (a: Pages, b: Pages) -> Pages { Pages(a.count - b.count) }
  public static func += (a: inout Pages, b: Pages) { a.count += b.count }
  public static func -= (a: inout Pages, b: Pages) { a.count -= b.count }
  public var description: String { "\(count)" }
}

/// A size in KiB, the unit of `vm.min_free_kbytes` and `numactl -H`'s `MB` parents.
public struct Kilobytes: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var count: Int

  public init(_ count: Int) { self.count = count }

  /// `kbytes >> (PAGE_SHIFT - 10)`, rounding down as the kernel does.
  public var pages: Pages { Pages(count >> (Pages.shift - 10)) }
  public var bytes: Int { count << 10 }

  public static func < (a: Kilobytes, b: Kilobytes) -> Bool { a.count < b.count }
  public var description: String { "\(count)" }
}

/// Binary size constants.
public enum ByteSize {
  public static let kib = 1 << 10
  public static let mib = 1 << 20
  public static let gib = 1 << 30
}
