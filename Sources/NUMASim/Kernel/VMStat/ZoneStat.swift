// SPDX-License-Identifier: MIT

/// Per-zone counters, named and ordered as `/proc/zoneinfo` prints them.
///
/// Mirrors: `enum zone_stat_item` and `enum numa_stat_item` in include/linux/mmzone.h and
/// `vmstat_text[]` in mm/vmstat.c (Linux 6.18).
public enum ZoneStat: String, CaseIterable, Sendable {
  case nrFreePages = "nr_free_pages"
  case nrFreePagesBlocks = "nr_free_pages_blocks"
  case nrZoneInactiveAnon = "nr_zone_inactive_anon"
  case nrZoneActiveAnon = "nr_zone_active_anon"
  case nrZoneInactiveFile = "nr_zone_inactive_file"
  case nrZoneActiveFile = "nr_zone_active_file"
  case nrZoneUnevictable = "nr_zone_unevictable"
  case nrZoneWritePending = "nr_zone_write_pending"
  case nrMlock = "nr_mlock"
  case nrZspages = "nr_zspages"
  case nrFreeCMA = "nr_free_cma"

  /// The counter's `/proc` name.
  public var kernelName: String { rawValue }
  /// Position in the kernel's print order.
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Per-zone NUMA allocation counters (`enum numa_stat_item`), one count per allocation.
public enum NUMAStat: String, CaseIterable, Sendable {
  case numaHit = "numa_hit"
  case numaMiss = "numa_miss"
  case numaForeign = "numa_foreign"
  case numaInterleave = "numa_interleave"
  case numaLocal = "numa_local"
  case numaOther = "numa_other"

  public var kernelName: String { rawValue }
  /// Position in the kernel's print order.
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension NUMAStat {
  /// The number of NUMA counters.
  public static let count = 6

  /// The position in `enum numa_stat_item`, without searching `allCases`.
  @inline(__always) public var rawIndex: Int {
    switch self {
    case .numaHit: 0
    case .numaMiss: 1
    case .numaForeign: 2
    case .numaInterleave: 3
    case .numaLocal: 4
    case .numaOther: 5
    }
  }
}
