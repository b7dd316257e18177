// SPDX-License-Identifier: MIT

/// Per-zone watermarks from `min_free_kbytes` and `watermark_scale_factor`.
public enum Watermarks {
  /// Computes every zone's watermarks.
  ///
  /// Mirrors: `__setup_per_zone_wmarks()` in mm/page_alloc.c (Linux 6.18).
  ///
  ///     pages_min = min_free_kbytes >> (PAGE_SHIFT - 10)
  ///     tmp = pages_min * managed(z) / lowmem_pages            (u64, floor)
  ///     min = lowmem-like(z) ? tmp : clamp(managed(z) / 1024, SWAP_CLUSTER_MAX, 128)
  ///     gap = max(tmp >> 2, mult_frac(managed(z), watermark_scale_factor, 10000))
  ///     low = min + gap;  high = low + gap;  promo = high + gap
  ///
  /// Before 4.6: `low = min + tmp/4`, `high = min + tmp/2`. Before 6.6, ZONE_MOVABLE counts as
  /// lowmem. `watermark_boost` is reset to 0.
  /// - Parameters:
  ///   - zones: every zone of every node, in any order (the result follows it).
  ///   - zoneTypes: the kind of each zone, parallel to `zones`.
  /// - Returns: one ``ZoneWatermarks`` per zone.
  public static func compute(
    managed: [Int], zoneTypes: [ZoneType], minFreeKbytes: Int, watermarkScaleFactor: Int,
    kernel: KernelVersion
  ) -> [ZoneWatermarks] {
    let pagesMin = minFreeKbytes >> (Pages.shift - 10)
    func isLowmemLike(_ t: ZoneType) -> Bool {
      !t.isHighMem && !(kernel.movableIsHighmemLike && t == .movable)
    }
    var lowmemPages = 0
    for (m, t) in zip(managed, zoneTypes) where isLowmemLike(t) { lowmemPages += m }
    return zip(managed, zoneTypes).map { m, t in
      // div64_ul by zero cannot happen in a booted kernel; a machine with no lowmem has none.
      let tmp = lowmemPages == 0 ? 0 : Int((UInt64(pagesMin) * UInt64(m)) / UInt64(lowmemPages))
      var w = ZoneWatermarks()
      w.min = isLowmemLike(t) ? tmp : KernelMath.clamp(m / 1024, Kswapd.swapClusterMax, 128)
      if kernel.hasWatermarkScaleFactor {
        let gap = Swift.max(tmp >> 2, KernelMath.multFrac(m, watermarkScaleFactor, 10_000))
        w.low = w.min + gap
        w.high = w.low + gap
        w.promo = kernel.hasPromoWatermark ? w.high + gap : 0
      } else {
        w.low = w.min + (tmp >> 2)
        w.high = w.min + (tmp >> 1)
      }
      return w
    }
  }

  /// The pages kept back from user allocations (overcommit and dirty limits use it).
  ///
  /// Mirrors: `calculate_totalreserve_pages()` in mm/page_alloc.c (Linux 6.18):
  /// `Σ_z min(managed, high + max_j lowmem_reserve[j])`.
  public static func totalReservePages(
    managed: [Int], watermarks: [ZoneWatermarks], lowmemReserve: [[Int]]
  ) -> Int {
    var total = 0
    for i in managed.indices {
      let maxReserve = lowmemReserve[i].max() ?? 0
      total += Swift.min(managed[i], watermarks[i].high + maxReserve)
    }
    return total
  }
}
