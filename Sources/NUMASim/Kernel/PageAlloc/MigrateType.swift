// SPDX-License-Identifier: MIT

/// The mobility class of a pageblock and of a free list.
///
/// Mirrors: `enum migratetype` in include/linux/mmzone.h (Linux 6.18).
/// - Deviation: `MIGRATE_CMA` and `MIGRATE_ISOLATE` are named but never used.
public enum MigrateType: UInt8, CaseIterable, Sendable, BitwiseCopyable {
  case unmovable = 0
  case movable = 1
  case reclaimable = 2
  case highatomic = 3
  case cma = 4
  case isolate = 5

  /// `MIGRATE_PCPTYPES`: the types with per-CPU lists.
  public static let pcpTypes = 3
  /// The types that have free lists in the model.
  public static let modelled = 4

  /// The name `/proc/pagetypeinfo` prints.
  public var kernelName: String {
    switch self {
    case .unmovable: "Unmovable"
    case .movable: "Movable"
    case .reclaimable: "Reclaimable"
    case .highatomic: "HighAtomic"
    case .cma: "CMA"
    case .isolate: "Isolate"
    }
  }

  /// The types an allocation may take from when its own lists are empty, best first.
  ///
  /// Mirrors: `fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1]` in mm/page_alloc.c (Linux 6.18).
  public var fallbacks: [MigrateType] {
    switch self {
    case .unmovable: [.reclaimable, .movable]
    case .movable: [.reclaimable, .unmovable]
    case .reclaimable: [.unmovable, .movable]
    default: []
    }
  }
}
