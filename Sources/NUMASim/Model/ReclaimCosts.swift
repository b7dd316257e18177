// SPDX-License-Identifier: MIT

/// What reclaim and memory access cost in simulated time, each a GSL distribution.
///
/// Defaults and their sources:
/// - `scan_us` 0.1 µs per folio isolated and checked (`shrink_folio_list()` work per folio),
///   `clean_file_us` 0.25 µs to drop a clean page-cache folio (`__remove_mapping()`, the
///   free), and `free_page_ns` 12 ns per base page of a reclaimed folio (freeing each page
///   of it): reclaiming a clean order-0 page-cache folio costs 0.36 µs and a 2 MiB one
///   6.5 µs. Measured on the development VM (Linux 6.18.44) by reclaiming a cgroup's clean,
///   unmapped page cache with `memory.force_empty` (the same `shrink_lruvec()` path):
///   330–470 ns per order-0 folio and 13 ns per page of order-9 folios
///   (`Documentation/Calibration.md`, "Reclaim costs").
/// - `unmap_us` 0.5 µs per mapping to unmap (`try_to_unmap()` walking `anon_vma_chain` /
///   `i_mmap`), times the page's mapcount.
/// - `writeback_us` 20 µs to queue a dirty page for writeback; the page is reclaimable when
///   the I/O completes after `writeback_ms` (lognormal, median 5 ms: SSD write latency).
/// - `swap_out_us` 30 µs to write an anonymous page to swap (SSD swap; zram would be ~5 µs).
/// - `throttle_ms` the wait when direct reclaim finds only pages under writeback
///   (`reclaim_throttle(VMSCAN_THROTTLE_WRITEBACK)`, at most `HZ/10` = 100 ms): uniform
///   1–100 ms, the range of drsnoop's long tail (104–319 ms outliers are several such waits).
/// - `alloc_ns` 150 ns for an allocation that succeeds without reclaim (pcp fast path).
/// - `access_jitter_ns` added to the latency matrix on first touch: normal(0, 5 ns), at 0 or above.
public struct ReclaimCosts: Sendable {
  public var scanMicroseconds = Distribution.constant(0.1)
  public var cleanFileMicroseconds = Distribution.constant(0.25)
  public var freePageNanoseconds = Distribution.constant(12)
  public var unmapMicroseconds = Distribution.constant(0.5)
  public var writebackMicroseconds = Distribution.constant(20)
  public var writebackMilliseconds = Distribution.lognormal(mu: 1.609_437_9, sigma: 0.5)
  public var swapOutMicroseconds = Distribution.constant(30)
  public var throttleMilliseconds = Distribution.uniform(low: 1, high: 100)
  public var allocNanoseconds = Distribution.constant(150)
  public var accessJitterNanoseconds = Distribution.normal(mean: 0, sd: 5)

  public init() {}

  /// The config keys, in order, with the property each sets (immutable, so safe to share).
  nonisolated(unsafe) public static let keys: [(String, WritableKeyPath<ReclaimCosts, Distribution>)] = [
    ("scan_us", \.scanMicroseconds), ("clean_file_us", \.cleanFileMicroseconds), ("unmap_us", \.unmapMicroseconds),
    ("writeback_us", \.writebackMicroseconds), ("writeback_ms", \.writebackMilliseconds),
    ("swap_out_us", \.swapOutMicroseconds), ("throttle_ms", \.throttleMilliseconds),
    ("alloc_ns", \.allocNanoseconds), ("access_jitter_ns", \.accessJitterNanoseconds),
    ("free_page_ns", \.freePageNanoseconds),
  ]
}
