// SPDX-License-Identifier: MIT

/// The kind of a zone.
///
/// Mirrors: `enum zone_type` in include/linux/mmzone.h (Linux 6.18).
/// The numeric `zone_idx()` of a zone depends on which kinds the architecture
/// configures, so it is a position in ``Architecture/zoneTypes``, not a raw value here.
public enum ZoneType: String, CaseIterable, Sendable, BitwiseCopyable {
  case dma = "DMA"
  case dma32 = "DMA32"
  case normal = "Normal"
  case highMem = "HighMem"
  case movable = "Movable"
  case device = "Device"

  /// The name `/proc/zoneinfo` prints (`zone->name`).
  public var kernelName: String { rawValue }

  /// The lower-case suffix of per-zone vmstat counters (`pgalloc_dma32`, `allocstall_normal`).
  public var counterSuffix: String { rawValue.lowercased() }

  /// `is_highmem_idx()`: true for ZONE_HIGHMEM only.
  public var isHighMem: Bool { self == .highMem }

  /// Looks a zone kind up by its kernel name, case-insensitively.
  public init?(kernelName: String) {
    guard let t = ZoneType.allCases.first(where: { $0.rawValue.lowercased() == kernelName.lowercased() })
    else { return nil }
    self = t
  }
}

/// The architecture: which zones exist and where their physical limits lie.
public enum Architecture: String, CaseIterable, Sendable {
  /// x86-64: DMA (below 16 MiB), DMA32 (below 4 GiB), Normal, Movable, Device.
  case x86_64
  /// 32-bit x86 with HIGHMEM: DMA (below 16 MiB), Normal (below 896 MiB), HighMem, Movable.
  case i386
  /// 32-bit ARM with HIGHMEM (no DMA zone): Normal (below 760 MiB with the default 3G/1G
  /// split and 240 MiB of vmalloc space), HighMem, Movable.
  case arm

  /// The zones this architecture's kernel configures, in `zone_idx()` order (`MAX_NR_ZONES` entries).
  public var zoneTypes: [ZoneType] {
    switch self {
    case .x86_64: [.dma, .dma32, .normal, .movable, .device]
    case .i386: [.dma, .normal, .highMem, .movable]
    case .arm: [.normal, .highMem, .movable]
    }
  }

  /// The upper physical address limit of each boot-time zone (`max_zone_pfns`), in pages.
  /// Zones without a limit (Normal on x86-64, HighMem) extend to the end of memory.
  public var zoneLimits: [(ZoneType, Pages)] {
    switch self {
    case .x86_64: [(.dma, Pages(bytes: 16 * ByteSize.mib)), (.dma32, Pages(bytes: 4 * ByteSize.gib))]
    case .i386: [(.dma, Pages(bytes: 16 * ByteSize.mib)), (.normal, Pages(bytes: 896 * ByteSize.mib))]
    case .arm: [(.normal, Pages(bytes: 760 * ByteSize.mib))]
    }
  }

  /// `MAX_NR_ZONES`.
  public var zoneCount: Int { zoneTypes.count }

  /// `zone_idx()` of a zone kind, if the architecture has it.
  public func zoneIndex(of type: ZoneType) -> Int? { zoneTypes.firstIndex(of: type) }

  /// `gfp_zone(GFP_USER)`: the highest zone `nr_free_buffer_pages()` counts (ZONE_NORMAL).
  public var normalZoneIndex: Int { zoneTypes.firstIndex(of: .normal) ?? 0 }
}
