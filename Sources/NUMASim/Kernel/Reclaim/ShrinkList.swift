// SPDX-License-Identifier: MIT

extension Reclaim {
  /// Takes the folio at the tail of `list` off it: its head page and its pages, or `nil`
  /// when the list is empty.
  ///
  /// Mirrors: the per-folio step of `isolate_lru_folios()` in mm/vmscan.c (Linux 6.18).
  /// - Deviation: no folio is skipped for a zone above `sc->reclaim_idx` (`nr_skipped`).
  @inline(__always)
  mutating func isolateTailFolio(_ a: inout PageAllocator, node: Int, _ list: LRUList)
    -> (page: PageIndex, nrPages: Int)?
  {
    let page = nodes[node].lruvec.tail(list)
    if page == Memmap.none { return nil }
    let nrPages = 1 << a.memmap.folioOrder(page)
    nodes[node].lruvec.remove(page, list, nr: nrPages, memmap: &a.memmap)
    return (page, nrPages)
  }

  /// Isolates up to `count` pages from the tail of an inactive list and reclaims what it can.
  ///
  /// Mirrors: `shrink_inactive_list()` and `shrink_folio_list()` in mm/vmscan.c (Linux 6.18):
  /// referenced hot folios are activated; folios under writeback, and dirty ones met by direct
  /// reclaim, are passed over (back to the list); kswapd starts writeback of dirty folios
  /// (`pageout()`), which are reclaimed once the I/O completes; anonymous folios are swapped
  /// out while swap lasts (else activated); clean folios are unmapped and freed to
  /// `sc.cpu`. `count` is in pages: as `isolate_lru_folios()` does, folios are taken until
  /// that many pages are, so one large folio can fill a batch. The pages scanned and
  /// reclaimed count as `pgscan_kswapd`/`pgsteal_kswapd` for kswapd, else as
  /// `pgscan_direct`/`pgsteal_direct`; the pass's cost goes to the lruvec (`lru_note_cost()`
  /// with `nr_pageout` = writeback started plus swap-outs, rotated = scanned − reclaimed).
  /// - Deviation: kswapd writes dirty folios only with `sc.may_writepage`, and never passes
  ///   one over to the flusher threads (`PGDAT_DIRTY`, `folio_test_reclaim()`).
  public mutating func shrinkInactiveList(
    _ a: inout PageAllocator, node: Int, file: Bool, count: Int, _ sc: inout ScanControl
  ) {
    let list = LRUList.inactive(file: file)
    let scannedBefore = sc.nrScanned
    let reclaimedBefore = sc.nrReclaimed
    let pageoutBefore = sc.nr.writebackStarted + sc.nr.swappedOut
    var taken = 0
    while taken < count, let (page, nrPages) = isolateTailFolio(&a, node: node, list) {
      taken += nrPages
      let order = nrPages.trailingZeroBitCount
      sc.nrScanned += nrPages
      sc.nr.inactiveScanned += nrPages
      sc.nr.inactiveFoliosScanned += 1
      a.counters[file ? .pgscanFile : .pgscanAnon] &+= UInt64(nrPages)
      if access.isReferenced(page, owner: rmap.owner(of: page), node: node, now: sc.now, memmap: a.memmap) {
        nodes[node].lruvec.add(page, .active(file: file), nr: nrPages, memmap: &a.memmap)
        a.counters[.pgactivate] &+= UInt64(nrPages)
        sc.nr.activated += nrPages
        continue
      }
      if a.memmap.has(page, .writeback) || (a.memmap.has(page, .dirty) && !(sc.isKswapd && sc.mayWritepage)) {
        nodes[node].lruvec.add(page, list, nr: nrPages, memmap: &a.memmap)
        sc.nr.blockedOnWriteback += nrPages
        continue
      }
      if a.memmap.has(page, .dirty) {
        // pageout(): start writeback; the folio is reclaimed once the I/O completes.
        a.memmap.set(page, .writeback)
        a.memmap.clear(page, .dirty)
        nodes[node].lruvec.add(page, list, nr: nrPages, memmap: &a.memmap)
        nodes[node].writeback.start(page, pages: nrPages)
        sc.nr.writebackStarted += nrPages
        continue
      }
      if !file {
        guard swap.allocate(nrPages) else {
          nodes[node].lruvec.add(page, .active(file: false), nr: nrPages, memmap: &a.memmap)
          continue
        }
        a.counters[.pswpout] &+= UInt64(nrPages)
        sc.nr.swappedOut += nrPages
      } else {
        sc.nr.fileReclaimed += nrPages
        sc.nr.fileFoliosReclaimed += 1
      }
      sc.nr.unmapped += Int(a.memmap[Int(page)].mapcount)
      rmap.unmap(page, order: order)
      a.free(page, order: order, cpu: sc.cpu)
      a.counters[file ? .pgstealFile : .pgstealAnon] &+= UInt64(nrPages)
      sc.nrReclaimed += nrPages
    }
    let scanned = sc.nrScanned - scannedBefore
    let reclaimed = sc.nrReclaimed - reclaimedBefore
    a.counters[sc.isKswapd ? .pgscanKswapd : .pgscanDirect] &+= UInt64(scanned)
    a.counters[sc.isKswapd ? .pgstealKswapd : .pgstealDirect] &+= UInt64(reclaimed)
    guard scanned > 0 else { return }
    nodes[node].lruvec.noteCost(
      file: file, io: sc.nr.writebackStarted + sc.nr.swappedOut - pageoutBefore, rotated: scanned - reclaimed)
  }

  /// Ages up to `count` pages from the tail of an active list.
  ///
  /// Mirrors: `shrink_active_list()` in mm/vmscan.c (Linux 6.18): folios leave the active
  /// list for the inactive one unless referenced; referenced page-cache folios keep their
  /// place (anonymous ones are deactivated regardless, as `VM_EXEC` file folios alone are
  /// kept). `count` is in pages. The pages kept active are the pass's rotation cost
  /// (`lru_note_cost()`).
  public mutating func shrinkActiveList(
    _ a: inout PageAllocator, node: Int, file: Bool, count: Int, _ sc: inout ScanControl
  ) {
    let list = LRUList.active(file: file)
    var rotated = 0
    var taken = 0
    while taken < count, let (page, nrPages) = isolateTailFolio(&a, node: node, list) {
      taken += nrPages
      a.counters[.pgrefill] &+= UInt64(nrPages)
      sc.nr.activeFoliosScanned += 1
      if file && access.isReferenced(page, owner: rmap.owner(of: page), node: node, now: sc.now, memmap: a.memmap) {
        nodes[node].lruvec.add(page, list, nr: nrPages, memmap: &a.memmap)
        rotated += nrPages
      } else {
        nodes[node].lruvec.add(page, .inactive(file: file), nr: nrPages, memmap: &a.memmap)
        a.counters[.pgdeactivate] &+= UInt64(nrPages)
        sc.nr.deactivated += nrPages
      }
    }
    if rotated > 0 { nodes[node].lruvec.noteCost(file: file, io: 0, rotated: rotated) }
  }
}
