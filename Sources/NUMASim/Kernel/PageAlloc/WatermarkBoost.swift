// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// Raises the zone's watermarks after a fragmenting fallback.
  ///
  /// Mirrors: `boost_watermark()` in mm/page_alloc.c (Linux 6.18):
  /// `boost = min(boost + pageblock_nr_pages, max(pageblock_nr_pages, mult_frac(high, factor, 10000)))`.
  mutating func boostWatermark(zone z: Int) -> Bool {
    let factor = sysctl.watermarkBoostFactor
    guard kernel.hasWatermarkBoost, factor > 0, Buddy.pageblockPages * 4 <= zones[z].managed else { return false }
    let maxBoost = KernelMath.multFrac(zones[z].watermarks.high, factor, 10_000)
    guard maxBoost > 0 else { return false }
    zones[z].watermarks.boost = min(
      zones[z].watermarks.boost + Buddy.pageblockPages, max(Buddy.pageblockPages, maxBoost))
    return true
  }
}
