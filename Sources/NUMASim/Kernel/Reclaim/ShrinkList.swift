// SPDX-License-Identifier: MIT

/// The state of one `isolate_lru_folios()` call over a list.
///
/// Mirrors: the locals of `isolate_lru_folios()` in mm/vmscan.c (Linux 6.18): `scan` (the
/// eligible pages looked at, which end the batch), `total_scan` (every page looked at, which
/// is what `pgscan_*` and `nr_scanned` count), and `folios_skipped` with `nr_skipped[]`.
struct LRUIsolation {
  /// `scan`.
  var scan = 0
  /// `total_scan` (pages).
  var totalScan = 0
  /// Folios looked at, the skipped ones included: what the scan costs.
  var folios = 0
  /// `folios_skipped`: folios of zones above `reclaim_idx`, threaded through the memmap.
  var skipped = PageList()
  /// `nr_skipped[]` by zone (pages).
  var skippedPages = InlineArray<5, Int>(repeating: 0)
}

/// A folio taken off an LRU list: its head page, its pages and its zone in the node.
struct IsolatedFolio {
  var page: PageIndex
  var nrPages: Int
  var zone: Int
}

extension Reclaim {
  /// Takes the folio at the tail of `list` off it, or `nil` when the list is empty.
  ///
  /// Mirrors: the per-folio step of `isolate_lru_folios()` in mm/vmscan.c (Linux 6.18), with
  /// nothing skipped (callers that keep to `reclaim_idx` use ``isolateLRUFolio(_:node:_:_:limit:_:)``).
  @inline(__always)
  mutating func isolateTailFolio(_ a: inout PageAllocator, node: Int, _ list: LRUList) -> IsolatedFolio? {
    let page = nodes[node].lruvec.tail(list)
    if page == Memmap.none { return nil }
    let nrPages = 1 << a.memmap.folioOrder(page)
    let zone = a.zones[a.zoneIndex(of: page)].id.index
    nodes[node].lruvec.remove(page, list, nr: nrPages, zone: zone, memmap: &a.memmap)
    return IsolatedFolio(page: page, nrPages: nrPages, zone: zone)
  }

  /// The next folio reclaim may take from the tail of `list`, or `nil` once `limit` eligible
  /// pages were looked at or the list is empty.
  ///
  /// Mirrors: the loop of `isolate_lru_folios()` in mm/vmscan.c (Linux 6.18): a folio of a
  /// zone above `sc->reclaim_idx` goes to `folios_skipped` and does not count against the
  /// batch; a mapped folio when `sc->may_unmap` is off goes back to the head of the list and
  /// does.
  @inline(__always)
  mutating func isolateLRUFolio(
    _ a: inout PageAllocator, node: Int, _ list: LRUList, _ sc: ScanControl, limit: Int, _ iso: inout LRUIsolation
  ) -> IsolatedFolio? {
    while iso.scan < limit, let folio = isolateTailFolio(&a, node: node, list) {
      iso.totalScan += folio.nrPages
      iso.folios += 1
      if folio.zone > sc.reclaimIndex {
        iso.skippedPages[folio.zone] += folio.nrPages
        PageList.addHead(&iso.skipped, folio.page, &a.memmap)
        continue
      }
      iso.scan += folio.nrPages
      if !sc.mayUnmap && a.memmap[Int(folio.page)].mapcount > 0 {
        nodes[node].lruvec.add(folio.page, list, nr: folio.nrPages, zone: folio.zone, memmap: &a.memmap)
        continue
      }
      return folio
    }
    return nil
  }

  /// The end of `isolate_lru_folios()`: the skipped folios go back to the head of the list in
  /// the order `list_splice()` leaves them, and count as `pgskip_<zone>`.
  mutating func endIsolation(_ a: inout PageAllocator, node: Int, _ list: LRUList, _ iso: inout LRUIsolation) {
    var p = iso.skipped.tail
    while p != Memmap.none {
      let previous = a.memmap[Int(p)].prev
      let nrPages = 1 << a.memmap.folioOrder(p)
      let zone = a.zones[a.zoneIndex(of: p)].id.index
      nodes[node].lruvec.add(p, list, nr: nrPages, zone: zone, memmap: &a.memmap)
      p = previous
    }
    iso.skipped = PageList()
    for zone in 0..<LRUVec.maxZones where iso.skippedPages[zone] > 0 {
      a.counters.pgskip[zone] &+= UInt64(iso.skippedPages[zone])
    }
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
  /// Folios are taken as ``isolateLRUFolio(_:node:_:_:limit:_:)`` takes them (within
  /// `reclaim_idx`, and only unmapped ones without `may_unmap`); anonymous folios are written
  /// to swap only with `sc.may_writepage` (`node_reclaim()` without `RECLAIM_WRITE` keeps them).
  /// - Deviation: kswapd writes dirty folios only with `sc.may_writepage`, and never passes
  ///   one over to the flusher threads (`PGDAT_DIRTY`, `folio_test_reclaim()`); an anonymous
  ///   folio kept for want of `may_writepage` holds no swap slot.
  public mutating func shrinkInactiveList(
    _ a: inout PageAllocator, node: Int, file: Bool, count: Int, _ sc: inout ScanControl
  ) {
    let list = LRUList.inactive(file: file)
    let reclaimedBefore = sc.nrReclaimed
    let pageoutBefore = sc.nr.writebackStarted + sc.nr.swappedOut
    var iso = LRUIsolation()
    while let folio = isolateLRUFolio(&a, node: node, list, sc, limit: count, &iso) {
      let (page, nrPages, zone) = (folio.page, folio.nrPages, folio.zone)
      let order = nrPages.trailingZeroBitCount
      if access.isReferenced(page, owner: rmap.owner(of: page), node: node, now: sc.now, memmap: a.memmap) {
        nodes[node].lruvec.add(page, .active(file: file), nr: nrPages, zone: zone, memmap: &a.memmap)
        a.counters[.pgactivate] &+= UInt64(nrPages)
        sc.nr.activated += nrPages
        continue
      }
      if a.memmap.has(page, .writeback) || (a.memmap.has(page, .dirty) && !(sc.isKswapd && sc.mayWritepage)) {
        nodes[node].lruvec.add(page, list, nr: nrPages, zone: zone, memmap: &a.memmap)
        sc.nr.blockedOnWriteback += nrPages
        continue
      }
      if a.memmap.has(page, .dirty) {
        // pageout(): start writeback; the folio is reclaimed once the I/O completes.
        a.memmap.set(page, .writeback)
        a.memmap.clear(page, .dirty)
        if file { nodes[node].fileDirty -= nrPages }
        nodes[node].lruvec.add(page, list, nr: nrPages, zone: zone, memmap: &a.memmap)
        nodes[node].writeback.start(page, pages: nrPages)
        sc.nr.writebackStarted += nrPages
        continue
      }
      if !file {
        guard sc.mayWritepage else {
          nodes[node].lruvec.add(page, list, nr: nrPages, zone: zone, memmap: &a.memmap)
          continue
        }
        guard swap.allocate(nrPages) else {
          nodes[node].lruvec.add(page, .active(file: false), nr: nrPages, zone: zone, memmap: &a.memmap)
          continue
        }
        a.counters[.pswpout] &+= UInt64(nrPages)
        sc.nr.swappedOut += nrPages
      } else {
        sc.nr.fileReclaimed += nrPages
        sc.nr.fileFoliosReclaimed += 1
        if a.memmap[Int(page)].mapcount > 0 { nodes[node].fileMapped -= nrPages }
      }
      sc.nr.unmapped += Int(a.memmap[Int(page)].mapcount)
      rmap.unmap(page, order: order)
      a.free(page, order: order, cpu: sc.cpu)
      a.counters[file ? .pgstealFile : .pgstealAnon] &+= UInt64(nrPages)
      sc.nrReclaimed += nrPages
    }
    endIsolation(&a, node: node, list, &iso)
    let scanned = iso.totalScan
    let reclaimed = sc.nrReclaimed - reclaimedBefore
    sc.nrScanned += scanned
    sc.nr.inactiveScanned += scanned
    sc.nr.inactiveFoliosScanned += iso.folios
    a.counters[file ? .pgscanFile : .pgscanAnon] &+= UInt64(scanned)
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
    var iso = LRUIsolation()
    while let folio = isolateLRUFolio(&a, node: node, list, sc, limit: count, &iso) {
      let (page, nrPages, zone) = (folio.page, folio.nrPages, folio.zone)
      if file && access.isReferenced(page, owner: rmap.owner(of: page), node: node, now: sc.now, memmap: a.memmap) {
        nodes[node].lruvec.add(page, list, nr: nrPages, zone: zone, memmap: &a.memmap)
        rotated += nrPages
      } else {
        nodes[node].lruvec.add(page, .inactive(file: file), nr: nrPages, zone: zone, memmap: &a.memmap)
        a.counters[.pgdeactivate] &+= UInt64(nrPages)
        sc.nr.deactivated += nrPages
      }
    }
    endIsolation(&a, node: node, list, &iso)
    a.counters[.pgrefill] &+= UInt64(iso.totalScan)
    sc.nr.activeFoliosScanned += iso.folios
    if rotated > 0 { nodes[node].lruvec.noteCost(file: file, io: 0, rotated: rotated) }
  }
}
