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
  public static let tib = 1 << 40

  /// `bytes` in the largest binary unit that keeps it at 1 or more, to three significant
  /// figures: `512 MiB`, `1.50 GiB`, `16.0 TiB`.
  public static func describe(_ bytes: Int) -> String {
    let units: [(Int, String)] = [(tib, "TiB"), (gib, "GiB"), (mib, "MiB"), (kib, "KiB")]
    guard let (size, name) = units.first(where: { bytes >= $0.0 }) else { return "\(bytes) B" }
    if bytes % size == 0 { return "\(bytes / size) \(name)" }
    let value = Double(bytes) / Double(size)
    let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
    return "\(formatted(value, decimals: decimals)) \(name)"
  }

  /// `value` with `decimals` digits after the point, rounded half away from zero.
  static func formatted(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    guard abs(value * scale) < 9e18 else { return "\(value)" }  // beyond Int: Swift's own form
    let whole = Int((value * scale).rounded())
    guard decimals > 0 else { return "\(whole)" }
    let divisor = Int(scale)
    let fraction = String(whole % divisor)
    return "\(whole / divisor).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
  }
}
