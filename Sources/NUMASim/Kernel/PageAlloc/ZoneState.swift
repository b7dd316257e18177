// SPDX-License-Identifier: MIT

/// Zone flags the allocator and reclaim set at run time.
///
/// Mirrors: `enum zone_flags` in include/linux/mmzone.h (Linux 6.18).
public struct ZoneFlags: OptionSet, Hashable, Sendable, BitwiseCopyable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let boostedWatermark = ZoneFlags(rawValue: 1 << 0)  // ZONE_BOOSTED_WATERMARK
  public static let reclaimActive = ZoneFlags(rawValue: 1 << 1)  // ZONE_RECLAIM_ACTIVE
  public static let belowHigh = ZoneFlags(rawValue: 1 << 2)  // ZONE_BELOW_HIGH
}

/// The run-time state of one zone.
///
/// Mirrors: the allocator-side fields of `struct zone` in include/linux/mmzone.h (Linux 6.18).
public struct ZoneState: Sendable, BitwiseCopyable {
  public var id: ZoneID
  public var type: ZoneType
  /// Flat index of this zone in the allocator (`node * MAX_NR_ZONES + zone_idx`).
  public var flatIndex: Int
  public var startPFN: Int
  public var spanned: Int
  public var present: Int
  public var managed: Int
  /// Where the zone's frames start in the memmap.
  public var memmapBase: Int
  /// Where the zone's pageblocks start in the pageblock table.
  public var pageblockBase: Int
  /// `NR_FREE_PAGES`: pages in the buddy free lists (pcp pages excluded).
  public var freePages = 0
  /// `nr_free_highatomic`: free pages on the highatomic lists.
  public var freeHighatomic = 0
  /// `nr_reserved_highatomic`.
  public var reservedHighatomic = 0
  public var watermarks: ZoneWatermarks
  public var lowmemReserve: ZoneReserves
  public var flags: ZoneFlags = []

  /// `populated_zone()`.
  public var isPopulated: Bool { present > 0 }
  /// `managed_zone()`.
  public var isManaged: Bool { managed > 0 }

  /// `wmark_pages(zone, level)`, boost included.
  @inline(__always) public func mark(_ level: WatermarkLevel) -> Int { watermarks[level] }

  /// The memmap index of a PFN in this zone.
  @inline(__always) public func page(pfn: Int) -> PageIndex { PageIndex(memmapBase + pfn - startPFN) }
  /// The PFN of a memmap index in this zone.
  @inline(__always) public func pfn(_ page: PageIndex) -> Int { Int(page) - memmapBase + startPFN }
  /// Whether a PFN lies in the zone's span.
  @inline(__always) public func spans(pfn: Int) -> Bool { pfn >= startPFN && pfn < startPFN + spanned }
  /// The pageblock-table slot of a PFN in this zone.
  @inline(__always) public func pageblock(pfn: Int) -> Int {
    pageblockBase + (pfn >> Buddy.pageblockOrder) - (startPFN >> Buddy.pageblockOrder)
  }
}

/// A zone's `lowmem_reserve[]`, inline so that `ZoneState` holds no references.
public struct ZoneReserves: Sendable, BitwiseCopyable {
  var storage: InlineArray<6, Int> = InlineArray(repeating: 0)

  public init(_ values: [Int]) {
    precondition(values.count <= 6, "MAX_NR_ZONES is at most 6")
    for (i, v) in values.enumerated() { storage[i] = v }
  }

  @inline(__always) public subscript(_ highestZoneIndex: Int) -> Int { storage[highestZoneIndex] }
}
