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
/// Each list's pages are also counted per zone of the node (`NR_ZONE_LRU_BASE + lru`), as
/// `update_lru_size()` keeps them, so reclaim can keep to `sc->reclaim_idx`.
public struct LRUVec: Sendable, BitwiseCopyable {
  /// `MAX_NR_ZONES`: the most zones a node has.
  public static let maxZones = 5

  var lists = InlineArray<5, PageList>(repeating: PageList())
  /// Pages (not entries) on each list (`lruvec_page_state(NR_LRU_BASE + lru)`).
  var pages = InlineArray<5, Int>(repeating: 0)
  /// Pages on each list by zone: `zone * LRUList.count + lru`
  /// (`zone_page_state(zone, NR_ZONE_LRU_BASE + lru)`).
  var zonePages = InlineArray<25, Int>(repeating: 0)
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

  /// Pages of a list in one zone of the node (`nr_zone_inactive_file` and the like).
  @inline(__always) public func size(_ lru: LRUList, zone: Int) -> Int {
    zonePages[zone * LRUList.count + lru.rawValue]
  }

  /// Pages of a list in the zones up to `reclaimIndex`.
  ///
  /// Mirrors: `lruvec_lru_size()` in mm/vmscan.c (Linux 6.18) (zones without managed pages
  /// hold no folios, so summing every zone up to the index is the same).
  public func size(_ lru: LRUList, upTo reclaimIndex: Int) -> Int {
    var n = 0
    for zone in 0...Swift.min(reclaimIndex, Self.maxZones - 1) { n += size(lru, zone: zone) }
    return n
  }

  /// The oldest folio of a list (`lru_to_folio()`), or ``Memmap/none``.
  @inline(__always) public func tail(_ lru: LRUList) -> PageIndex { lists[lru.rawValue].tail }

  /// `lruvec_add_folio()`: to the head of `lru`; `zone` is the folio's zone in its node.
  @inline(__always)
  public mutating func add(_ page: PageIndex, _ lru: LRUList, nr: Int, zone: Int, memmap m: inout Memmap) {
    PageList.addHead(&lists[lru.rawValue], page, &m)
    pages[lru.rawValue] += nr
    zonePages[zone * LRUList.count + lru.rawValue] += nr
    m.set(page, .lru)
    if lru.isActive { m.set(page, .active) } else { m.clear(page, .active) }
  }

  /// `lruvec_del_folio()`.
  @inline(__always)
  public mutating func remove(_ page: PageIndex, _ lru: LRUList, nr: Int, zone: Int, memmap m: inout Memmap) {
    PageList.remove(&lists[lru.rawValue], page, &m)
    pages[lru.rawValue] -= nr
    zonePages[zone * LRUList.count + lru.rawValue] -= nr
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

  /// The mapped and the dirty pages on the file lists, counted folio by folio.
  public func fileCounts(_ m: borrowing Memmap) -> (mapped: Int, dirty: Int) {
    var mapped = 0
    var dirty = 0
    for l in [LRUList.inactiveFile, .activeFile] {
      var p = lists[l.rawValue].head
      while p != Memmap.none {
        let nr = m.has(p, .head) ? 1 << Int(m[Int(p)].order) : 1
        if m[Int(p)].mapcount > 0 { mapped += nr }
        if m.has(p, .dirty) { dirty += nr }
        p = m[Int(p)].next
      }
    }
    return (mapped, dirty)
  }

  /// Checks that each list's links, page count and per-zone counts agree with the memmap;
  /// `zoneOf` gives a page's zone in its node.
  public func checkInvariants(_ m: borrowing Memmap, zoneOf: (PageIndex) -> Int) throws(AllocatorInvariantViolation) {
    for l in LRUList.allCases {
      var p = lists[l.rawValue].head
      var previous = Memmap.none
      var n = 0
      var entries: Int32 = 0
      var byZone = InlineArray<5, Int>(repeating: 0)
      while p != Memmap.none {
        guard m[Int(p)].prev == previous, m.has(p, .lru), Self.list(of: p, memmap: m) == l else {
          throw AllocatorInvariantViolation(description: "\(l.kernelName): page \(p) is not an \(l) folio")
        }
        let nr = m.has(p, .head) ? 1 << Int(m[Int(p)].order) : 1
        n += nr
        byZone[zoneOf(p)] += nr
        entries += 1
        previous = p
        p = m[Int(p)].next
      }
      guard n == pages[l.rawValue], entries == lists[l.rawValue].count, previous == lists[l.rawValue].tail else {
        throw AllocatorInvariantViolation(
          description: "\(l.kernelName) counts \(pages[l.rawValue]) pages but its list holds \(n)")
      }
      for zone in 0..<Self.maxZones where byZone[zone] != size(l, zone: zone) {
        throw AllocatorInvariantViolation(
          description: "\(l.kernelName): zone \(zone) counts \(size(l, zone: zone)) pages, the list \(byZone[zone])")
      }
    }
  }
}
