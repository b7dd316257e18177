// SPDX-License-Identifier: MIT

/// The page counts of one zone: what `/proc/zoneinfo` prints as `spanned`, `present`,
/// `managed` and `start_pfn`.
///
/// Mirrors: the size fields of `struct zone` in include/linux/mmzone.h (Linux 6.18).
/// `spanned` = zone_end_pfn − zone_start_pfn (holes included); `present` = pages that exist;
/// `managed` = pages handed to the buddy allocator (present − memblock reservations).
public struct ZoneSpan: Hashable, Sendable {
  public var type: ZoneType
  public var startPFN: Int
  public var spanned: Pages
  public var present: Pages
  public var managed: Pages

  public init(type: ZoneType, startPFN: Int = 0, spanned: Pages, present: Pages, managed: Pages) {
    self.type = type
    self.startPFN = startPFN
    self.spanned = spanned
    self.present = present
    self.managed = managed
  }

  /// An empty zone of the given kind.
  public static func empty(_ type: ZoneType) -> ZoneSpan {
    ZoneSpan(type: type, spanned: .zero, present: .zero, managed: .zero)
  }

  /// `populated_zone()`: the zone has present pages.
  public var isPopulated: Bool { present.count > 0 }
  /// `managed_zone()`: the zone has pages in the buddy allocator.
  public var isManaged: Bool { managed.count > 0 }
  /// One past the last PFN the zone spans.
  public var endPFN: Int { startPFN + spanned.count }
}
