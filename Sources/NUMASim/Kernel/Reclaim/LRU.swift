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

/// One node's LRU lists, threaded through the memmap links of the pages on them.
///
/// Mirrors: `struct lruvec` (one per node, no memory cgroups) in include/linux/mmzone.h
/// (Linux 6.18). Entries are folios: a compound page is one entry of `1 << order` pages.
public struct LRUVec: Sendable, BitwiseCopyable {
  var lists = InlineArray<5, PageList>(repeating: PageList())
  /// Pages (not entries) on each list (`lruvec_page_state(NR_LRU_BASE + lru)`).
  var pages = InlineArray<5, Int>(repeating: 0)
  /// `anon_cost`: the recent cost of reclaiming anonymous pages.
  public var anonCost = 0
  /// `file_cost`: the recent cost of reclaiming page cache.
  public var fileCost = 0

  public init() {}

  /// Records the cost of a reclaim pass on one type.
  ///
  /// Mirrors: `lru_note_cost()` in mm/swap.c (Linux 6.18): `nr_io * SWAP_CLUSTER_MAX +
  /// nr_rotated` is added to the type's cost; both costs are halved once their sum exceeds a
  /// quarter of the pages on the four evictable lists.
  /// - Deviation: refaults are not modelled, so `lru_note_cost_refault()` adds nothing.
  public mutating func noteCost(file: Bool, io: Int, rotated: Int) {
    let cost = io * Kswapd.swapClusterMax + rotated
    if file { fileCost += cost } else { anonCost += cost }
    let lruSize = pages[0] + pages[1] + pages[2] + pages[3]
    if fileCost + anonCost > lruSize / 4 {
      fileCost /= 2
      anonCost /= 2
    }
  }

  /// Pages on a list.
  @inline(__always) public func size(_ lru: LRUList) -> Int { pages[lru.rawValue] }

  /// The oldest folio of a list (`lru_to_folio()`), or ``Memmap/none``.
  @inline(__always) public func tail(_ lru: LRUList) -> PageIndex { lists[lru.rawValue].tail }

  /// `lruvec_add_folio()`: to the head of `lru`.
  @inline(__always)
  public mutating func add(_ page: PageIndex, _ lru: LRUList, nr: Int, memmap m: inout Memmap) {
    PageList.addHead(&lists[lru.rawValue], page, &m)
    pages[lru.rawValue] += nr
    m.set(page, .lru)
    if lru.isActive { m.set(page, .active) } else { m.clear(page, .active) }
  }

  /// `lruvec_del_folio()`.
  @inline(__always)
  public mutating func remove(_ page: PageIndex, _ lru: LRUList, nr: Int, memmap m: inout Memmap) {
    PageList.remove(&lists[lru.rawValue], page, &m)
    pages[lru.rawValue] -= nr
    m.clear(page, [.lru, .active])
  }

  /// The list a page on the LRU is on (`folio_lru_list()`).
  @inline(__always)
  public static func list(of page: PageIndex, memmap m: borrowing Memmap) -> LRUList {
    if m.has(page, .unevictable) { return .unevictable }
    let file = !m.has(page, .swapBacked)
    return m.has(page, .active) ? .active(file: file) : .inactive(file: file)
  }

  /// Whether the inactive list of a type is too small.
  ///
  /// Mirrors: `inactive_is_low()` in mm/vmscan.c (Linux 6.18):
  /// `gb = (inactive + active) >> (30 - PAGE_SHIFT)`; `ratio = gb ? int_sqrt(10 * gb) : 1`;
  /// low if `inactive * ratio < active`.
  public func inactiveIsLow(file: Bool) -> Bool {
    let inactive = size(.inactive(file: file))
    let active = size(.active(file: file))
    let gb = (inactive + active) >> (30 - Pages.shift)
    let ratio = gb > 0 ? KernelMath.intSqrt(10 * gb) : 1
    return inactive * ratio < active
  }

  /// Checks that each list's links and page count agree with the memmap.
  public func checkInvariants(_ m: borrowing Memmap) throws(AllocatorInvariantViolation) {
    for l in LRUList.allCases {
      var p = lists[l.rawValue].head
      var previous = Memmap.none
      var n = 0
      var entries: Int32 = 0
      while p != Memmap.none {
        guard m[Int(p)].prev == previous, m.has(p, .lru), Self.list(of: p, memmap: m) == l else {
          throw AllocatorInvariantViolation(description: "\(l.kernelName): page \(p) is not an \(l) folio")
        }
        n += m.has(p, .head) ? 1 << Int(m[Int(p)].order) : 1
        entries += 1
        previous = p
        p = m[Int(p)].next
      }
      guard n == pages[l.rawValue], entries == lists[l.rawValue].count, previous == lists[l.rawValue].tail else {
        throw AllocatorInvariantViolation(
          description: "\(l.kernelName) counts \(pages[l.rawValue]) pages but its list holds \(n)")
      }
    }
  }
}
