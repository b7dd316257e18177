// SPDX-License-Identifier: MIT

/// How many pages of each LRU list one pass scans.
public struct ScanCount: Sendable, Equatable {
  /// Indexed by ``LRUList/rawValue``.
  public var nr = InlineArray<5, Int>(repeating: 0)

  @inline(__always) public subscript(_ l: LRUList) -> Int {
    get { nr[l.rawValue] }
    set { nr[l.rawValue] = newValue }
  }

  /// Pages left on both inactive lists.
  @inline(__always) var inactive: Int { self[.inactiveAnon] + self[.inactiveFile] }

  public static func == (a: ScanCount, b: ScanCount) -> Bool {
    LRUList.allCases.allSatisfy { a[$0] == b[$0] }
  }
}

/// `enum scan_balance`: how `get_scan_count()` splits the scan between anon and file.
enum ScanBalance { case equal, fileOnly, anonOnly, fract(Int, Int) }

extension Reclaim {
  /// How many pages of each list to scan at `sc.priority`.
  ///
  /// Mirrors: `get_scan_count()` in mm/vmscan.c (Linux 6.18): no free swap → file only;
  /// priority 0 with swappiness > 0 → equal; swappiness 0 with page cache → file only;
  /// file LRU plus free pages at or below the high marks → anon; otherwise
  /// `ap = swappiness·(T+1)/(anon_cost+1)`, `fp = (200−swappiness)·(T+1)/(file_cost+1)` with
  /// equal anon and file costs, and `scan = (size >> priority)·fraction`.
  /// - Deviation: `anon_cost`/`file_cost` (rotation and refault costs) are not tracked, so
  ///   the balance follows swappiness and list sizes alone; no `cache_trim_mode` or
  ///   `file_is_tiny`.
  public func getScanCount(_ a: borrowing PageAllocator, node: Int, _ sc: ScanControl) -> ScanCount {
    let lru = nodes[node].lruvec
    let file = lru.size(.inactiveFile) + lru.size(.activeFile)
    let balance: ScanBalance
    if !swap.hasFree {
      balance = .fileOnly
    } else if sc.priority == 0 && swappiness > 0 {
      balance = .equal
    } else if swappiness == 0 && file > 0 {
      balance = .fileOnly
    } else if file + a.nodeSum(node, \.freePages) <= a.nodeSum(node, { $0.mark(.high) }) {
      balance = .anonOnly
    } else {
      let anonCost = 3  // total_cost = 2 (SWAP_CLUSTER_MAX-scaled), anon_cost = total_cost + 1
      let fileCost = 3
      let t = anonCost + fileCost
      balance = .fract(swappiness * (t + 1) / (anonCost + 1), (200 - swappiness) * (t + 1) / (fileCost + 1))
    }
    var count = ScanCount()
    for l in [LRUList.inactiveAnon, .activeAnon, .inactiveFile, .activeFile] {
      let scan = lru.size(l) >> sc.priority
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
