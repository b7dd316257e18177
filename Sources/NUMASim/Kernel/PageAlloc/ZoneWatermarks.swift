// SPDX-License-Identifier: MIT

/// The watermark levels of a zone.
///
/// Mirrors: `enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO }`
/// in include/linux/mmzone.h (Linux 6.18).
public enum WatermarkLevel: Int, CaseIterable, Sendable {
  case min, low, high, promo
}

/// A zone's watermarks before boosting (`zone->_watermark[]`) and its boost.
public struct ZoneWatermarks: Hashable, Sendable, BitwiseCopyable {
  public var min: Int
  public var low: Int
  public var high: Int
  public var promo: Int
  /// `zone->watermark_boost`, added to every level by ``subscript(_:)``.
  public var boost: Int

  public init(min: Int = 0, low: Int = 0, high: Int = 0, promo: Int = 0, boost: Int = 0) {
    self.min = min
    self.low = low
    self.high = high
    self.promo = promo
    self.boost = boost
  }

  /// The effective mark, boost included.
  ///
  /// Mirrors: `wmark_pages(z, i)` = `_watermark[i] + watermark_boost` in include/linux/mmzone.h.
  public subscript(_ level: WatermarkLevel) -> Int {
    unboosted(level) + boost
  }

  /// `zone->_watermark[i]` without the boost.
  public func unboosted(_ level: WatermarkLevel) -> Int {
    switch level {
    case .min: min
    case .low: low
    case .high: high
    case .promo: promo
    }
  }
}
