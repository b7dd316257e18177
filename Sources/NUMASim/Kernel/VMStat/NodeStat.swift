// SPDX-License-Identifier: MIT

/// Per-node counters, named and ordered as the `per-node stats` block of `/proc/zoneinfo`.
///
/// Mirrors: `enum node_stat_item` in include/linux/mmzone.h and `vmstat_text[]` in
/// mm/vmstat.c (Linux 6.18).
/// - Deviation: the 6.18 list is printed for every modelled release.
public enum NodeStat: String, CaseIterable, Sendable {
  case nrInactiveAnon = "nr_inactive_anon"
  case nrActiveAnon = "nr_active_anon"
  case nrInactiveFile = "nr_inactive_file"
  case nrActiveFile = "nr_active_file"
  case nrUnevictable = "nr_unevictable"
  case nrSlabReclaimable = "nr_slab_reclaimable"
  case nrSlabUnreclaimable = "nr_slab_unreclaimable"
  case nrIsolatedAnon = "nr_isolated_anon"
  case nrIsolatedFile = "nr_isolated_file"
  case workingsetNodes = "workingset_nodes"
  case workingsetRefaultAnon = "workingset_refault_anon"
  case workingsetRefaultFile = "workingset_refault_file"
  case workingsetActivateAnon = "workingset_activate_anon"
  case workingsetActivateFile = "workingset_activate_file"
  case workingsetRestoreAnon = "workingset_restore_anon"
  case workingsetRestoreFile = "workingset_restore_file"
  case workingsetNodereclaim = "workingset_nodereclaim"
  case nrAnonPages = "nr_anon_pages"
  case nrMapped = "nr_mapped"
  case nrFilePages = "nr_file_pages"
  case nrDirty = "nr_dirty"
  case nrWriteback = "nr_writeback"
  case nrShmem = "nr_shmem"
  case nrShmemHugepages = "nr_shmem_hugepages"
  case nrShmemPmdmapped = "nr_shmem_pmdmapped"
  case nrFileHugepages = "nr_file_hugepages"
  case nrFilePmdmapped = "nr_file_pmdmapped"
  case nrAnonTransparentHugepages = "nr_anon_transparent_hugepages"
  case nrVmscanWrite = "nr_vmscan_write"
  case nrVmscanImmediateReclaim = "nr_vmscan_immediate_reclaim"
  case nrDirtied = "nr_dirtied"
  case nrWritten = "nr_written"
  case nrThrottledWritten = "nr_throttled_written"
  case nrKernelMiscReclaimable = "nr_kernel_misc_reclaimable"
  case nrFollPinAcquired = "nr_foll_pin_acquired"
  case nrFollPinReleased = "nr_foll_pin_released"
  case nrKernelStack = "nr_kernel_stack"
  case nrPageTablePages = "nr_page_table_pages"
  case nrSecPageTablePages = "nr_sec_page_table_pages"
  case nrIOMMUPages = "nr_iommu_pages"
  case nrSwapcached = "nr_swapcached"
  case pgpromoteSuccess = "pgpromote_success"
  case pgpromoteCandidate = "pgpromote_candidate"
  case pgpromoteCandidateNRL = "pgpromote_candidate_nrl"
  case pgdemoteKswapd = "pgdemote_kswapd"
  case pgdemoteDirect = "pgdemote_direct"
  case pgdemoteKhugepaged = "pgdemote_khugepaged"
  case pgdemoteProactive = "pgdemote_proactive"
  case nrHugetlb = "nr_hugetlb"
  case nrBalloonPages = "nr_balloon_pages"
  case nrKernelFilePages = "nr_kernel_file_pages"

  public var kernelName: String { rawValue }
  /// Position in the kernel's print order.
  public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
