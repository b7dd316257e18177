// SPDX-License-Identifier: MIT

/// The boot-time value of `vm.min_free_kbytes`.
public enum MinFreeKbytes {
  /// The lowmem pages above the high watermark.
  ///
  /// Mirrors: `nr_free_buffer_pages()` → `nr_free_zone_pages(gfp_zone(GFP_USER))` in
  /// mm/page_alloc.c (Linux 6.18): `Σ max(managed − high_wmark, 0)` over populated zones
  /// up to ZONE_NORMAL of every node (the fallback zonelist is circular).
  /// - Parameter highWatermarks: each zone's high mark including boost (0 before the first
  ///   `setup_per_zone_wmarks()`).
  static func freeBufferPages(zones: [ZoneSpan], highWatermarks: [Int], normalIndex: [Bool]) -> Int {
    var sum = 0
    for (i, z) in zones.enumerated() where z.isPopulated && normalIndex[i] {
      let size = z.managed.count
      if size > highWatermarks[i] { sum += size - highWatermarks[i] }
    }
    return sum
  }

  /// The sqrt rule.
  ///
  /// Mirrors: `calculate_min_free_kbytes()` in mm/page_alloc.c (Linux 6.18):
  ///
  ///     new = int_sqrt(nr_free_buffer_pages() * 4 * 16)
  ///     if new > user_min_free_kbytes: min_free_kbytes = clamp(new, 128, 262144)
  ///
  /// The upper clamp is 65536 before 5.7. `user_min_free_kbytes` is −1 until the sysctl is written.
  static func sqrtRule(freeBufferPages: Int, current: Int, userValue: Int?, kernel: KernelVersion) -> Int {
    let lowmemKbytes = freeBufferPages * (Pages.size >> 10)
    let new = KernelMath.intSqrt(lowmemKbytes * 16)
    if new > (userValue ?? -1) {
      return KernelMath.clamp(new, 128, kernel.minFreeKbytesUpperClamp)
    }
    return current
  }

  /// The transparent-hugepage raise.
  ///
  /// Mirrors: `set_recommended_min_free_kbytes()` in mm/khugepaged.c (Linux 6.18):
  ///
  ///     nr_zones = populated zones with idx <= ZONE_NORMAL
  ///     rec = pageblock_nr_pages * nr_zones * (2 + MIGRATE_PCPTYPES^2)
  ///     rec = min(rec, nr_free_buffer_pages() / 20) << (PAGE_SHIFT - 10)
  ///     if rec > min_free_kbytes: min_free_kbytes = rec
  ///
  /// Before 4.18 every populated zone counts (Movable included).
  static func thpRecommendation(populatedZoneCount: Int, freeBufferPages: Int) -> Int {
    var rec = Buddy.pageblockPages * populatedZoneCount * 2
    rec += Buddy.pageblockPages * populatedZoneCount * MigrateType.pcpTypes * MigrateType.pcpTypes
    rec = Swift.min(rec, freeBufferPages / 20)
    return rec << (Pages.shift - 10)
  }
}
