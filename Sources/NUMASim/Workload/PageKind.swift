// SPDX-License-Identifier: MIT

/// What a workload's pages are, which decides their LRU list and what reclaiming them costs.
public enum PageKind: String, CaseIterable, Sendable, BitwiseCopyable {
  /// Anonymous memory (heap, stack): reclaimed only by swapping out.
  case anon
  /// Clean page cache: dropped cheaply.
  case fileClean = "file_clean"
  /// Dirty page cache: needs writeback before it can be reclaimed.
  case fileDirty = "file_dirty"
  /// Slab objects (dentries, inodes): reclaimable through shrinkers, not on the LRU.
  case slab
  /// Unmovable kernel memory (page tables, driver buffers): never reclaimed.
  case kernel

  /// Whether the page goes on a file LRU list (`page_is_file_lru()`).
  public var isFile: Bool { self == .fileClean || self == .fileDirty }
  /// Whether the page goes on an LRU list at all.
  public var isOnLRU: Bool { self == .anon || isFile }

  /// The GFP class the kernel uses for such pages by default.
  public var defaultGFP: GFPFlags {
    switch self {
    case .anon: .highUserMovable
    case .fileClean, .fileDirty: [.highUserMovable]
    case .slab: [.kernel, .reclaimable]
    case .kernel: .kernel
    }
  }
}
