// SPDX-License-Identifier: MIT

/// What one pass of reclaim did.
public struct ReclaimProgress: Sendable {
  public var scanned = 0
  public var reclaimed = 0
  /// Simulated time the pass took.
  public var nanoseconds: UInt64 = 0
  /// Dirty or under-writeback pages direct reclaim had to pass over.
  public var blockedOnWriteback = 0
}

/// The reclaim side of the machine: LRU lists, kswapd, direct reclaim and the OOM killer.
///
/// It is the allocator's ``ReclaimHooks``: the allocator calls it where the kernel calls
/// `wakeup_kswapd()`, `node_reclaim()`, `try_to_free_pages()` and `out_of_memory()`.
public struct ReclaimState {
  public var lru: LRUVecs
  public var costs: ReclaimCosts
  public var swappiness: Int
  public var swapTotalPages: Int
  public var swapFreePages: Int
  public var kswapd: [KswapdState]
  /// Nodes whose kswapd must be scheduled (wakeups happen inside the allocator).
  public var pendingWakeups: [Int] = []
  /// Direct-reclaim time accumulated by the allocation in progress.
  public var stallNanoseconds: UInt64 = 0
  /// Pages reclaimed by the allocation in progress.
  public var stallReclaimed = 0
  /// The time now, set by the simulation before each allocation.
  public var now = SimTime.zero
  /// The CPU of the allocation in progress (reclaimed pages go to its pcp lists).
  public var cpu = 0
  /// When each node's LRU was last scanned, for the reference model.
  public var lastScan: [SimTime]
  /// Mean time between references of a hot page, per owner group (seconds).
  public var referenceInterval: [Double]
  /// Pages each owner group holds.
  public var groupPages: [Int]
  /// OOM kills per group.
  public var oomKills: [Int]
  /// Set by `out_of_memory()`: the group chosen.
  public var lastVictim: Int?
  /// Dirty pages waiting for writeback completion, per node.
  public var writebackPending: [Int]
  /// The folios (head pages) under writeback, per node, so completion touches only them.
  var writebackQueue: [[PageIndex]]
  /// The CPU each node's kswapd runs on (the node's first CPU, else CPU 0).
  public var kswapdCPU: [Int] = []
  let stream: RandomStream

  public init(nodes: Int, groups: Int, costs: ReclaimCosts, sysctl: SysctlVM, swapPages: Int, stream: RandomStream) {
    lru = LRUVecs(nodes: nodes)
    self.costs = costs
    swappiness = sysctl.swappiness
    swapTotalPages = swapPages
    swapFreePages = swapPages
    kswapd = Array(repeating: KswapdState(), count: nodes)
    lastScan = Array(repeating: .zero, count: nodes)
    referenceInterval = Array(repeating: 0, count: groups)
    groupPages = Array(repeating: 0, count: groups)
    oomKills = Array(repeating: 0, count: groups)
    writebackPending = Array(repeating: 0, count: nodes)
    writebackQueue = Array(repeating: [], count: nodes)
    self.stream = stream
  }

  @inline(__always) func draw(_ d: Distribution, scale: Double) -> UInt64 {
    UInt64(Swift.max(0, d.sample(stream) * scale).rounded())
  }

  /// The owner group of a page (`mapping` holds `group << 1 | anon`).
  @inline(__always) static func owner(_ page: PageIndex, _ m: Memmap) -> Int { Int(m.mapping[Int(page)] >> 1) - 1 }

  /// Whether a hot page was referenced since the scanner last came by.
  ///
  /// - Deviation: the kernel tests the page's accessed bits; the model draws it with
  ///   probability `1 − exp(−Δ/τ)`, Δ the time since the node was last scanned and τ the
  ///   owner's mean reference interval. Cold pages are never referenced.
  func referenced(_ page: PageIndex, node: Int, _ m: Memmap) -> Bool {
    guard m.has(page, .hot) else { return false }
    let o = Self.owner(page, m)
    guard o >= 0, o < referenceInterval.count, referenceInterval[o] > 0 else { return true }
    let delta = Double(now.nanoseconds &- lastScan[node].nanoseconds) / 1e9
    return stream.uniform() < 1 - _exp(-Swift.max(delta, 1e-6) / referenceInterval[o])
  }

  /// How many pages of each list to scan at `priority`.
  ///
  /// Mirrors: `get_scan_count()` in mm/vmscan.c (Linux 6.18): no free swap → file only;
  /// priority 0 with swappiness > 0 → equal; file LRU nearly empty → anon; otherwise
  /// `ap = swappiness·(T+1)/(a+1)`, `fp = (200−swappiness)·(T+1)/(f+1)` with equal
  /// anon and file costs, and `scan = (size >> priority)·fraction`.
  /// - Deviation: `anon_cost`/`file_cost` (rotation and refault costs) are not tracked, so
  ///   the balance follows swappiness and list sizes alone.
  func scanCount(node: Int, priority: Int, a: PageAllocator) -> [Int] {
    var nr = Array(repeating: 0, count: LRUList.count)
    let fileSize = [LRUList.inactiveFile, .activeFile].map { lru.size(node: node, $0) }
    enum Balance { case equal, fileOnly, anonOnly, fract(Int, Int) }
    var balance: Balance
    if swapFreePages <= 0 {
      balance = .fileOnly
    } else if priority == 0 && swappiness > 0 {
      balance = .equal
    } else if swappiness == 0 && fileSize.reduce(0, +) > 0 {
      balance = .fileOnly
    } else {
      let file = fileSize.reduce(0, +)
      let high = (0..<a.zonesPerNode).reduce(0) { $0 + a.zones[a.flatZone(node: node, zoneIdx: $1)].mark(.high) }
      let free = (0..<a.zonesPerNode).reduce(0) { $0 + a.zones[a.flatZone(node: node, zoneIdx: $1)].freePages }
      if file + free <= high {
        balance = .anonOnly
      } else {
        let total = 2
        let anonCost = total + 1
        let fileCost = total + 1
        let t = anonCost + fileCost
        balance = .fract(swappiness * (t + 1) / (anonCost + 1), (200 - swappiness) * (t + 1) / (fileCost + 1))
      }
    }
    for l in [LRUList.inactiveAnon, .activeAnon, .inactiveFile, .activeFile] {
      let size = lru.size(node: node, l)
      let scan = size >> priority
      switch balance {
      case .equal: nr[l.rawValue] = scan
      case .fileOnly: nr[l.rawValue] = l.isFile ? scan : 0
      case .anonOnly: nr[l.rawValue] = l.isFile ? 0 : scan
      case .fract(let ap, let fp):
        let denominator = ap + fp
        nr[l.rawValue] = denominator == 0 ? 0 : scan * (l.isFile ? fp : ap) / denominator
      }
    }
    return nr
  }
}

extension ReclaimState {
  /// Reclaims from one node's LRU lists.
  ///
  /// Mirrors: `shrink_node()` → `shrink_lruvec()` in mm/vmscan.c (Linux 6.18): lists are
  /// scanned in `SWAP_CLUSTER_MAX` batches in the proportions of `get_scan_count()`;
  /// the active lists are aged by `shrink_active_list()` when `inactive_is_low()`; direct
  /// reclaim stops once it has `nr_to_reclaim`.
  public mutating func shrinkNode(
    _ a: inout PageAllocator, node: Int, nrToReclaim: Int, priority: Int, isKswapd: Bool
  ) -> ReclaimProgress {
    var progress = ReclaimProgress()
    var nr = scanCount(node: node, priority: priority, a: a)
    let batch = Kswapd.swapClusterMax
    while progress.reclaimed < nrToReclaim, nr[LRUList.inactiveAnon.rawValue] + nr[LRUList.inactiveFile.rawValue] > 0 {
      for l in [LRUList.inactiveAnon, .inactiveFile] where nr[l.rawValue] > 0 {
        let n = Swift.min(batch, nr[l.rawValue])
        nr[l.rawValue] -= n
        shrinkInactiveList(&a, node: node, file: l.isFile, count: n, isKswapd: isKswapd, progress: &progress)
        if progress.reclaimed >= nrToReclaim && !isKswapd { break }
      }
    }
    for file in [false, true] where lru.inactiveIsLow(node: node, file: file) {
      if !file && swapFreePages <= 0 { continue }
      let n = Swift.max(batch, lru.size(node: node, .active(file: file)) >> priority)
      shrinkActiveList(&a, node: node, file: file, count: Swift.min(n, 4 * batch), progress: &progress)
    }
    lastScan[node] = now
    if progress.reclaimed > 0 { kswapd[node].failures = 0 }
    return progress
  }

  /// Mirrors: `shrink_inactive_list()` and `shrink_folio_list()` in mm/vmscan.c (Linux 6.18):
  /// referenced hot folios are activated; clean file folios are dropped; dirty ones are
  /// queued for writeback by kswapd and passed over by direct reclaim; anonymous folios are
  /// swapped out while swap lasts; mapped folios cost an unmap per mapping. `count` is in
  /// pages: as `isolate_lru_folios()` does, folios are taken until that many pages are, so one
  /// large folio can fill a batch.
  mutating func shrinkInactiveList(
    _ a: inout PageAllocator, node: Int, file: Bool, count: Int, isKswapd: Bool, progress: inout ReclaimProgress
  ) {
    let list = LRUList.inactive(file: file)
    var taken = 0
    while taken < count {
      let page = lru.lists[node * LRUList.count + list.rawValue].tail
      if page == Memmap.none { break }
      let order = a.memmap.has(page, .head) ? Int(a.memmap.order[Int(page)]) : 0
      let nrPages = 1 << order
      taken += nrPages
      lru.remove(page, node: node, list, nr: nrPages, memmap: &a.memmap)
      progress.scanned += nrPages
      a.counters[file ? .pgscanFile : .pgscanAnon] &+= UInt64(nrPages)
      progress.nanoseconds += draw(costs.scanMicroseconds, scale: 1e3) * UInt64(nrPages)
      if referenced(page, node: node, a.memmap) {
        lru.add(page, node: node, .active(file: file), nr: nrPages, memmap: &a.memmap)
        a.counters[.pgactivate] &+= UInt64(nrPages)
        continue
      }
      if a.memmap.has(page, .writeback) || (a.memmap.has(page, .dirty) && !isKswapd) {
        lru.add(page, node: node, list, nr: nrPages, memmap: &a.memmap)
        progress.blockedOnWriteback += nrPages
        continue
      }
      if a.memmap.has(page, .dirty) {
        // pageout(): start writeback; the folio is reclaimed once the I/O completes.
        a.memmap.set(page, .writeback)
        a.memmap.clear(page, .dirty)
        lru.add(page, node: node, list, nr: nrPages, memmap: &a.memmap)
        writebackPending[node] += nrPages
        writebackQueue[node].append(page)
        progress.nanoseconds += draw(costs.writebackMicroseconds, scale: 1e3) * UInt64(nrPages)
        continue
      }
      if !file {
        guard swapFreePages >= nrPages else {
          lru.add(page, node: node, .active(file: false), nr: nrPages, memmap: &a.memmap)
          continue
        }
        swapFreePages -= nrPages
        a.counters[.pswpout] &+= UInt64(nrPages)
        progress.nanoseconds += draw(costs.swapOutMicroseconds, scale: 1e3) * UInt64(nrPages)
      } else {
        progress.nanoseconds += draw(costs.cleanFileMicroseconds, scale: 1e3) * UInt64(nrPages)
      }
      let mapcount = Int(a.memmap.mapcount[Int(page)])
      if mapcount > 0 { progress.nanoseconds += draw(costs.unmapMicroseconds, scale: 1e3) * UInt64(mapcount) }
      releaseOwned(&a, page: page, order: order)
      a.counters[file ? .pgstealFile : .pgstealAnon] &+= UInt64(nrPages)
      progress.reclaimed += nrPages
    }
  }

  /// Mirrors: `shrink_active_list()` in mm/vmscan.c (Linux 6.18): folios leave the active list
  /// for the inactive one unless referenced (hot ones keep their place); `count` is in pages.
  mutating func shrinkActiveList(
    _ a: inout PageAllocator, node: Int, file: Bool, count: Int, progress: inout ReclaimProgress
  ) {
    let list = LRUList.active(file: file)
    var taken = 0
    while taken < count {
      let page = lru.lists[node * LRUList.count + list.rawValue].tail
      if page == Memmap.none { break }
      let nrPages = a.memmap.has(page, .head) ? 1 << Int(a.memmap.order[Int(page)]) : 1
      taken += nrPages
      lru.remove(page, node: node, list, nr: nrPages, memmap: &a.memmap)
      a.counters[.pgrefill] &+= UInt64(nrPages)
      progress.nanoseconds += draw(costs.scanMicroseconds, scale: 1e3)
      if file && referenced(page, node: node, a.memmap) {
        lru.add(page, node: node, list, nr: nrPages, memmap: &a.memmap)
      } else {
        lru.add(page, node: node, .inactive(file: file), nr: nrPages, memmap: &a.memmap)
        a.counters[.pgdeactivate] &+= UInt64(nrPages)
      }
    }
  }

  /// Frees a page its owner held: drops ownership and returns it to the allocator.
  mutating func releaseOwned(_ a: inout PageAllocator, page: PageIndex, order: Int) {
    let o = Self.owner(page, a.memmap)
    if o >= 0 && o < groupPages.count { groupPages[o] -= 1 << order }
    a.free(page, order: order, cpu: cpu)
  }

  /// `zone_reclaimable_pages()`: the zone's share of its node's file LRU (and anon with swap).
  ///
  /// - Deviation: LRU sizes are per node, so a zone gets its managed share of them.
  func reclaimable(_ a: PageAllocator, zone z: Int) -> Int {
    let node = a.zones[z].id.node.index
    var pages = lru.size(node: node, .inactiveFile) + lru.size(node: node, .activeFile)
    if swapFreePages > 0 { pages += lru.size(node: node, .inactiveAnon) + lru.size(node: node, .activeAnon) }
    let nodeManaged = (0..<a.zonesPerNode).reduce(0) { $0 + a.zones[a.flatZone(node: node, zoneIdx: $1)].managed }
    return nodeManaged == 0 ? 0 : Int(Double(pages) * Double(a.zones[z].managed) / Double(nodeManaged))
  }
}
