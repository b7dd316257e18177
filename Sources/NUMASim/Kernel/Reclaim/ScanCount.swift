// SPDX-License-Identifier: MIT

/// How many pages of each LRU list one pass scans.
public struct ScanCount: Sendable, Equatable {
  /// Indexed by ``LRUList/rawValue``.
  public var nr = InlineArray<5, Int>(repeating: 0)

  public init() {}

  @inline(__always) public subscript(_ l: LRUList) -> Int {
    get { nr[l.rawValue] }
    set { nr[l.rawValue] = newValue }
  }

  public static func == (a: ScanCount, b: ScanCount) -> Bool {
    LRUList.allCases.allSatisfy { a[$0] == b[$0] }
  }
}

/// `enum scan_balance`: how `get_scan_count()` splits the scan between anon and file.
enum ScanBalance { case equal, fileOnly, anonOnly, fract(Int, Int) }

extension Reclaim {
  /// How many pages of each list to scan at `sc.priority`.
  ///
  /// Mirrors: `get_scan_count()` in mm/vmscan.c (Linux 6.18), outside memory cgroups: file
  /// only without `may_swap` or free swap; equal at priority 0 with swappiness > 0; anon
  /// only when `file_is_tiny`; file only in `cache_trim_mode`; otherwise `SCAN_FRACT`: with
  /// `t = anon_cost + file_cost`, `a = t + anon_cost`, `f = t + file_cost`,
  /// `ap = swappiness·(a+f+1)/(a+1)` and `fp = (200−swappiness)·(a+f+1)/(f+1)`; each list's
  /// scan is `(lruvec_lru_size(lru, reclaim_idx) >> priority)·fraction/(ap+fp)`.
  public func getScanCount(_ a: borrowing PageAllocator, node: Int, _ sc: ScanControl) -> ScanCount {
    let lru = nodes[node].lruvec
    let balance: ScanBalance
    if !sc.maySwap || !swap.hasFree {
      balance = .fileOnly
    } else if sc.priority == 0 && swappiness > 0 {
      balance = .equal
    } else if sc.fileIsTiny {
      balance = .anonOnly
    } else if sc.cacheTrimMode {
      balance = .fileOnly
    } else {
      let total = sc.anonCost + sc.fileCost
      let anonCost = total + sc.anonCost
      let fileCost = total + sc.fileCost
      let t = anonCost + fileCost
      balance = .fract(swappiness * (t + 1) / (anonCost + 1), (200 - swappiness) * (t + 1) / (fileCost + 1))
    }
    var count = ScanCount()
    for l in LRUList.evictable {
      let scan = lru.size(l, upTo: sc.reclaimIndex) >> sc.priority
      switch balance {
      case .equal: count[l] = scan
      case .fileOnly: count[l] = l.isFile ? scan : 0
      case .anonOnly: count[l] = l.isFile ? 0 : scan
      case .fract(let ap, let fp):
        let denominator = ap + fp
        count[l] = denominator == 0 ? 0 : scan * (l.isFile ? fp : ap) / denominator
      }
    }
    return count
  }
}
