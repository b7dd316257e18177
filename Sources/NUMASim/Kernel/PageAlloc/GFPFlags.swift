// SPDX-License-Identifier: MIT

/// The modifiers of an allocation request (`gfp_t`).
///
/// Mirrors: the `__GFP_*` bits and `GFP_*` classes of include/linux/gfp_types.h (Linux 6.18).
/// Only the bits the model reads are kept; their values are the model's own.
public struct GFPFlags: OptionSet, Hashable, Sendable, BitwiseCopyable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  public static let dma = GFPFlags(rawValue: 1 << 0)  // __GFP_DMA
  public static let highmem = GFPFlags(rawValue: 1 << 1)  // __GFP_HIGHMEM
  public static let dma32 = GFPFlags(rawValue: 1 << 2)  // __GFP_DMA32
  public static let movable = GFPFlags(rawValue: 1 << 3)  // __GFP_MOVABLE
  public static let reclaimable = GFPFlags(rawValue: 1 << 4)  // __GFP_RECLAIMABLE
  public static let high = GFPFlags(rawValue: 1 << 5)  // __GFP_HIGH
  public static let io = GFPFlags(rawValue: 1 << 6)  // __GFP_IO
  public static let fs = GFPFlags(rawValue: 1 << 7)  // __GFP_FS
  public static let directReclaim = GFPFlags(rawValue: 1 << 8)  // __GFP_DIRECT_RECLAIM
  public static let kswapdReclaim = GFPFlags(rawValue: 1 << 9)  // __GFP_KSWAPD_RECLAIM
  public static let thisNode = GFPFlags(rawValue: 1 << 10)  // __GFP_THISNODE
  public static let noRetry = GFPFlags(rawValue: 1 << 11)  // __GFP_NORETRY
  public static let retryMayFail = GFPFlags(rawValue: 1 << 12)  // __GFP_RETRY_MAYFAIL
  public static let noFail = GFPFlags(rawValue: 1 << 13)  // __GFP_NOFAIL
  public static let memalloc = GFPFlags(rawValue: 1 << 14)  // __GFP_MEMALLOC
  public static let noMemalloc = GFPFlags(rawValue: 1 << 15)  // __GFP_NOMEMALLOC
  public static let hardwall = GFPFlags(rawValue: 1 << 16)  // __GFP_HARDWALL
  public static let comp = GFPFlags(rawValue: 1 << 17)  // __GFP_COMP
  public static let noWarn = GFPFlags(rawValue: 1 << 18)  // __GFP_NOWARN
  public static let write = GFPFlags(rawValue: 1 << 19)  // __GFP_WRITE

  /// `GFP_ZONEMASK`: the four bits `gfp_zone()` reads (DMA, HIGHMEM, DMA32, MOVABLE).
  public static let zoneModifierMask: UInt32 = 0xF

  /// `__GFP_RECLAIM`.
  public static let reclaim: GFPFlags = [.directReclaim, .kswapdReclaim]
  public static let atomic: GFPFlags = [.high, .kswapdReclaim]  // GFP_ATOMIC
  public static let kernel: GFPFlags = [.reclaim, .io, .fs]  // GFP_KERNEL
  public static let nowait: GFPFlags = [.kswapdReclaim, .noWarn]  // GFP_NOWAIT
  public static let noIO: GFPFlags = [.reclaim]  // GFP_NOIO
  public static let noFS: GFPFlags = [.reclaim, .io]  // GFP_NOFS
  public static let user: GFPFlags = [.reclaim, .io, .fs, .hardwall]  // GFP_USER
  public static let highUser: GFPFlags = [.user, .highmem]  // GFP_HIGHUSER
  public static let highUserMovable: GFPFlags = [.highUser, .movable]  // GFP_HIGHUSER_MOVABLE
  /// `GFP_TRANSHUGE_LIGHT`: `(GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM`.
  public static let transhugeLight = GFPFlags([.highUserMovable, .comp, .noMemalloc, .noWarn])
    .subtracting(.reclaim)
  public static let transhuge: GFPFlags = [.transhugeLight, .directReclaim]  // GFP_TRANSHUGE

  /// The names users write in configs, with their flags.
  public static let named: [(String, GFPFlags)] = [
    ("GFP_KERNEL", .kernel), ("GFP_ATOMIC", .atomic), ("GFP_NOWAIT", .nowait), ("GFP_NOIO", .noIO),
    ("GFP_NOFS", .noFS), ("GFP_USER", .user), ("GFP_HIGHUSER", .highUser),
    ("GFP_HIGHUSER_MOVABLE", .highUserMovable), ("GFP_TRANSHUGE", .transhuge),
    ("GFP_TRANSHUGE_LIGHT", .transhugeLight), ("GFP_DMA", .dma), ("GFP_DMA32", .dma32),
    ("__GFP_DMA", .dma), ("__GFP_DMA32", .dma32), ("__GFP_HIGHMEM", .highmem), ("__GFP_MOVABLE", .movable),
    ("__GFP_RECLAIMABLE", .reclaimable), ("__GFP_HIGH", .high), ("__GFP_IO", .io), ("__GFP_FS", .fs),
    ("__GFP_DIRECT_RECLAIM", .directReclaim), ("__GFP_KSWAPD_RECLAIM", .kswapdReclaim),
    ("__GFP_RECLAIM", .reclaim), ("__GFP_THISNODE", .thisNode), ("__GFP_NORETRY", .noRetry),
    ("__GFP_RETRY_MAYFAIL", .retryMayFail), ("__GFP_NOFAIL", .noFail), ("__GFP_MEMALLOC", .memalloc),
    ("__GFP_NOMEMALLOC", .noMemalloc), ("__GFP_HARDWALL", .hardwall), ("__GFP_COMP", .comp),
    ("__GFP_NOWARN", .noWarn), ("__GFP_WRITE", .write),
  ]

  /// The highest zone the request may use.
  ///
  /// Mirrors: `gfp_zone()` and `GFP_ZONE_TABLE` in include/linux/gfp.h (Linux 6.18):
  /// DMA → ZONE_DMA, DMA32 → ZONE_DMA32, HIGHMEM → ZONE_HIGHMEM (Normal without it),
  /// MOVABLE|HIGHMEM → ZONE_MOVABLE, everything else → ZONE_NORMAL.
  public func highestZoneType(on arch: Architecture) -> ZoneType {
    let types = arch.zoneTypes
    if contains(.dma), types.contains(.dma) { return .dma }
    if contains(.dma32) { return types.contains(.dma32) ? .dma32 : .normal }
    if contains(.highmem) {
      if contains(.movable) { return .movable }
      return types.contains(.highMem) ? .highMem : .normal
    }
    return .normal
  }

  /// `gfp_zone()` as a zone index of `arch`.
  public func highestZoneIndex(on arch: Architecture) -> Int {
    arch.zoneIndex(of: highestZoneType(on: arch)) ?? arch.normalZoneIndex
  }

  /// Mirrors: `gfp_migratetype()` in include/linux/gfp.h (Linux 6.18).
  public var migratetype: MigrateType {
    if contains(.movable) { return .movable }
    if contains(.reclaimable) { return .reclaimable }
    return .unmovable
  }

  /// `gfpflags_allow_blocking()`: the caller may sleep and reclaim.
  public var allowsBlocking: Bool { contains(.directReclaim) }

  /// The canonical name: a class if one matches exactly, else `A | B | ...`.
  public var name: String {
    if let n = GFPFlags.named.first(where: { $0.1 == self && $0.0.hasPrefix("GFP_") }) { return n.0 }
    return GFPFlags.named.filter { $0.0.hasPrefix("__") && $0.1.rawValue.nonzeroBitCount == 1 && contains($0.1) }
      .map(\.0).joined(separator: " | ")
  }
}
