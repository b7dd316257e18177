// SPDX-License-Identifier: MIT

/// The LRU lists of a node.
///
/// Mirrors: `enum lru_list` in include/linux/mmzone.h (Linux 6.18).
public enum LRUList: Int, CaseIterable, Sendable {
  case inactiveAnon = 0, activeAnon, inactiveFile, activeFile, unevictable

  /// Lists of the per-node `lruvec`.
  public static let count = 5

  public var isFile: Bool { self == .inactiveFile || self == .activeFile }
  public var isActive: Bool { self == .activeAnon || self == .activeFile }

  /// The `/proc/vmstat` counter of the list's size.
  public var kernelName: String {
    switch self {
    case .inactiveAnon: "nr_inactive_anon"
    case .activeAnon: "nr_active_anon"
    case .inactiveFile: "nr_inactive_file"
    case .activeFile: "nr_active_file"
    case .unevictable: "nr_unevictable"
    }
  }

  @inline(__always) static func inactive(file: Bool) -> LRUList { file ? .inactiveFile : .inactiveAnon }
  @inline(__always) static func active(file: Bool) -> LRUList { file ? .activeFile : .activeAnon }
}

/// Every node's LRU lists, threaded through the memmap links of the pages on them.
///
/// Mirrors: `struct lruvec` (one per node, no memory cgroups) in include/linux/mmzone.h.
/// Entries are folios: a compound page is one entry of `1 << order` pages.
public struct LRUVecs: Sendable {
  public var lists: ContiguousArray<PageList>
  /// Pages (not entries) on each list, `node * LRUList.count + lru`.
  public var pages: ContiguousArray<Int>

  public init(nodes: Int) {
    lists = ContiguousArray(repeating: PageList(), count: nodes * LRUList.count)
    pages = ContiguousArray(repeating: 0, count: nodes * LRUList.count)
  }

  @inline(__always) public func size(node: Int, _ lru: LRUList) -> Int { pages[node * LRUList.count + lru.rawValue] }

  /// `lruvec_add_folio()`: to the head of `lru`.
  @inline(__always)
  public mutating func add(_ page: PageIndex, node: Int, _ lru: LRUList, nr: Int, memmap m: inout Memmap) {
    let i = node * LRUList.count + lru.rawValue
    PageList.addHead(&lists[i], page, &m)
    pages[i] += nr
    m.set(page, .lru)
    if lru.isActive { m.set(page, .active) } else { m.clear(page, .active) }
  }

  /// `lruvec_del_folio()`.
  @inline(__always)
  public mutating func remove(_ page: PageIndex, node: Int, _ lru: LRUList, nr: Int, memmap m: inout Memmap) {
    let i = node * LRUList.count + lru.rawValue
    PageList.remove(&lists[i], page, &m)
    pages[i] -= nr
    m.clear(page, [.lru, .active])
  }

  /// The list a page on the LRU is on (`folio_lru_list()`).
  @inline(__always)
  public static func list(of page: PageIndex, memmap m: Memmap) -> LRUList {
    if m.has(page, .unevictable) { return .unevictable }
    let file = !m.has(page, .swapBacked)
    return m.has(page, .active) ? .active(file: file) : .inactive(file: file)
  }

  /// Whether the inactive list of a type is too small.
  ///
  /// Mirrors: `inactive_is_low()` in mm/vmscan.c (Linux 6.18):
  /// `gb = (inactive + active) >> (30 - PAGE_SHIFT)`; `ratio = gb ? int_sqrt(10 * gb) : 1`;
  /// low if `inactive * ratio < active`.
  public func inactiveIsLow(node: Int, file: Bool) -> Bool {
    let inactive = size(node: node, .inactive(file: file))
    let active = size(node: node, .active(file: file))
    let gb = (inactive + active) >> (30 - Pages.shift)
    let ratio = gb > 0 ? KernelMath.intSqrt(10 * gb) : 1
    return inactive * ratio < active
  }
}
