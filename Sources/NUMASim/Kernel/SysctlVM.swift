// SPDX-License-Identifier: MIT

/// The `vm.*` sysctls (and the THP mode) the model reads.
///
/// Each property is named after its `/proc/sys/vm` file; `nil` means the kernel's own value
/// (computed at boot for `min_free_kbytes`, the default table for `lowmem_reserve_ratio`).
public struct SysctlVM: Hashable, Sendable {
  /// `vm.min_free_kbytes` written by the user; `nil` keeps the boot value.
  public var minFreeKbytes: Int?
  /// `vm.watermark_scale_factor` (1...3000, default 10 = 0.1 % of a zone).
  public var watermarkScaleFactor = 10
  /// `vm.watermark_boost_factor` (≥ 0, default 15000 = 150 % of high).
  public var watermarkBoostFactor = 15_000
  /// `vm.lowmem_reserve_ratio`; `nil` keeps the default table.
  public var lowmemReserveRatio: [Int]?
  /// `vm.percpu_pagelist_high_fraction` (0 or ≥ 8).
  public var percpuPagelistHighFraction = 0
  /// `vm.swappiness` (0...200, default 60).
  public var swappiness = 60
  /// `vm.zone_reclaim_mode` (bit mask of 1 = on, 2 = write dirty, 4 = swap; default 0).
  public var zoneReclaimMode = 0
  /// `vm.min_unmapped_ratio` (0...100 %, default 1).
  public var minUnmappedRatio = 1
  /// `vm.min_slab_ratio` (0...100 %, default 5).
  public var minSlabRatio = 5
  /// `vm.extfrag_threshold` (0...1000, default 500).
  public var extfragThreshold = 500
  /// `vm.compaction_proactiveness` (0...100, default 20).
  public var compactionProactiveness = 20
  /// `vm.stat_interval` (seconds, default 1): the period of the per-CPU vmstat update that
  /// decays the per-CPU lists' `high`.
  public var statInterval = 1
  /// `/sys/kernel/mm/transparent_hugepage/enabled` (default `madvise`).
  public var transparentHugepage = TransparentHugepageMode.madvise

  public init() {}
}

/// `/sys/kernel/mm/transparent_hugepage/enabled`.
public enum TransparentHugepageMode: String, CaseIterable, Sendable {
  case always, madvise, never

  /// `hugepage_pmd_enabled()`: khugepaged runs and raises `min_free_kbytes` unless `never`.
  public var isEnabled: Bool { self != .never }
}
