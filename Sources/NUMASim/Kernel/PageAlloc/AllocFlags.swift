// SPDX-License-Identifier: MIT

/// The alloc flags the allocator derives from GFP flags and context.
///
/// Mirrors: `ALLOC_*` in mm/internal.h (Linux 6.18).
public struct AllocFlags: OptionSet, Hashable, Sendable, BitwiseCopyable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// `ALLOC_WMARK_MIN` is 0: the low two bits select the watermark.
  public static let watermarkLow = AllocFlags(rawValue: 1)  // ALLOC_WMARK_LOW
  public static let watermarkHigh = AllocFlags(rawValue: 2)  // ALLOC_WMARK_HIGH
  public static let noWatermarks = AllocFlags(rawValue: 4)  // ALLOC_NO_WATERMARKS
  public static let oom = AllocFlags(rawValue: 1 << 3)  // ALLOC_OOM
  public static let nonBlock = AllocFlags(rawValue: 1 << 4)  // ALLOC_NON_BLOCK
  public static let minReserve = AllocFlags(rawValue: 1 << 5)  // ALLOC_MIN_RESERVE
  public static let cpuset = AllocFlags(rawValue: 1 << 6)  // ALLOC_CPUSET
  public static let cma = AllocFlags(rawValue: 1 << 7)  // ALLOC_CMA
  public static let noFragment = AllocFlags(rawValue: 1 << 8)  // ALLOC_NOFRAGMENT
  public static let highatomic = AllocFlags(rawValue: 1 << 9)  // ALLOC_HIGHATOMIC
  public static let kswapd = AllocFlags(rawValue: 1 << 10)  // ALLOC_KSWAPD
  /// `ALLOC_RESERVES`: any flag that may dip below the mark.
  public static let reserves: AllocFlags = [.nonBlock, .minReserve, .highatomic, .oom]

  /// The watermark the flags select (`alloc_flags & ALLOC_WMARK_MASK`).
  public var watermark: WatermarkLevel {
    if contains(.watermarkHigh) { return .high }
    if contains(.watermarkLow) { return .low }
    return .min
  }

  /// Mirrors: `gfp_to_alloc_flags()` in mm/page_alloc.c (Linux 6.18): the slow path's flags.
  ///
  /// - Deviation: no real-time tasks (no RT/DL `ALLOC_MIN_RESERVE`), no CMA.
  public static func slowPath(gfp: GFPFlags, order: Int) -> AllocFlags {
    var flags: AllocFlags = [.cpuset]  // ALLOC_WMARK_MIN
    if gfp.contains(.high) { flags.insert(.minReserve) }
    if gfp.contains(.kswapdReclaim) { flags.insert(.kswapd) }
    if !gfp.contains(.directReclaim) {
      if !gfp.contains(.noMemalloc) {
        flags.insert(.nonBlock)
        if order > 0, flags.contains(.minReserve) { flags.insert(.highatomic) }
      }
      if flags.contains(.minReserve) { flags.remove(.cpuset) }
    }
    return flags
  }
}
