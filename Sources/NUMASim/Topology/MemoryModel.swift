// SPDX-License-Identifier: MIT

/// How the kernel lays out its `struct page` array (memmap).
///
/// Mirrors: `CONFIG_FLATMEM`, `CONFIG_DISCONTIGMEM` (removed in 5.14) and
/// `CONFIG_SPARSEMEM_VMEMMAP` in mm/Kconfig (Linux 6.18).
public enum MemoryModel: String, CaseIterable, Sendable {
  /// One memmap for the whole physical span, holes included; UMA only.
  case flatmem = "FLATMEM"
  /// One memmap per node covering the node's span, holes included.
  case discontigmem = "DISCONTIGMEM"
  /// One memmap per present 128 MiB section, allocated on the section's node.
  case sparsemem = "SPARSEMEM"

  /// `sizeof(struct page)` on 64-bit kernels.
  public static let structPageBytes = 64
  /// `SECTION_SIZE_BITS` = 27 on x86-64: 128 MiB sections.
  public static let sectionBytes = 128 * ByteSize.mib
  public static var sectionPages: Int { sectionBytes / Pages.size }

  /// Parses `FLATMEM`, `flatmem`, `SPARSEMEM_VMEMMAP` and the like.
  public init?(name: String) {
    let upper = name.uppercased()
    if upper.hasPrefix("SPARSEMEM") {
      self = .sparsemem
    } else if let m = MemoryModel(rawValue: upper) {
      self = m
    } else {
      return nil
    }
  }

  /// Pages of memmap needed for `pfnCount` page frames: `ceil(pfns * 64 / PAGE_SIZE)`.
  public static func memmapPages(forFrames pfnCount: Int) -> Int {
    (pfnCount * structPageBytes + Pages.size - 1) / Pages.size
  }
}
