// SPDX-License-Identifier: MIT

/// The static limits of a zone's per-CPU page lists.
///
/// Mirrors: `zone->pageset_batch`, `pageset_high_min`, `pageset_high_max` in
/// include/linux/mmzone.h (Linux 6.18). Before 6.7 there is one `high`
/// (`highMin == highMax`).
public struct PCPLimits: Hashable, Sendable {
  public var batch: Int
  public var highMin: Int
  public var highMax: Int

  /// The boot pageset unpopulated zones keep: `BOOT_PAGESET_HIGH` 0, `BOOT_PAGESET_BATCH` 1.
  public static let boot = PCPLimits(batch: 1, highMin: 0, highMax: 0)

  public init(batch: Int, highMin: Int, highMax: Int) {
    self.batch = batch
    self.highMin = highMin
    self.highMax = highMax
  }
}

/// Sizing of per-CPU page lists.
public enum PerCPUPageset {
  /// `MIN_PERCPU_PAGELIST_HIGH_FRACTION`.
  public static let minHighFraction = 8

  /// Mirrors: `zone_batchsize()` in mm/page_alloc.c (Linux 6.18):
  ///
  ///     batch = min(managed >> 10, SZ_1M / PAGE_SIZE) / 4;  batch = max(batch, 1)
  ///     batch = rounddown_pow_of_two(batch + batch / 2) - 1
  ///
  /// The cap is 512 KiB before 4.19. The caller applies `max(1, batch)`.
  static func batchSize(managed: Int, kernel: KernelVersion) -> Int {
    var batch = Swift.min(managed >> 10, kernel.pcpBatchCapBytes / Pages.size)
    batch /= 4
    if batch < 1 { batch = 1 }
    return KernelMath.roundDownPowerOfTwo(batch + batch / 2) - 1
  }

  /// Mirrors: `zone_highsize()` in mm/page_alloc.c (Linux 6.18):
  ///
  ///     total = fraction ? managed / fraction : low_wmark
  ///     ncpu = |cpumask_of_node(node)| (+ cpu_online);  if ncpu == 0: ncpu = num_online_cpus()
  ///     high = max(total / ncpu, 4 * batch)
  ///
  /// 5.14 divided a CPU-less node's share by 1.
  static func highSize(
    managed: Int, lowWatermark: Int, batch: Int, nodeCPUs: Int, onlineCPUs: Int, fraction: Int,
    kernel: KernelVersion
  ) -> Int {
    let total = fraction > 0 ? managed / fraction : lowWatermark
    var ncpu = nodeCPUs
    if ncpu == 0 { ncpu = kernel.cpulessNodeUsesOnlineCPUs ? Swift.max(onlineCPUs, 1) : 1 }
    return Swift.max(total / ncpu, batch << 2)
  }

  /// The pageset limits of one zone.
  ///
  /// Mirrors: `zone_set_pageset_high_and_batch()` in mm/page_alloc.c (Linux 6.18); an
  /// unpopulated zone keeps the boot pageset.
  /// - Parameter fraction: `vm.percpu_pagelist_high_fraction` (`vm.percpu_pagelist_fraction`
  ///   before 5.14), 0 for the default.
  public static func limits(
    zone: ZoneSpan, lowWatermark: Int, nodeCPUs: Int, onlineCPUs: Int, fraction: Int,
    kernel: KernelVersion
  ) -> PCPLimits {
    guard zone.isPopulated else { return .boot }
    let managed = zone.managed.count
    let rawBatch = batchSize(managed: managed, kernel: kernel)
    let batch = Swift.max(1, rawBatch)
    func high(_ f: Int) -> Int {
      highSize(
        managed: managed, lowWatermark: lowWatermark, batch: batch, nodeCPUs: nodeCPUs,
        onlineCPUs: onlineCPUs, fraction: f, kernel: kernel)
    }
    switch kernel.pcpHighRule {
    case .highMinMax:
      if fraction > 0 {
        let h = high(fraction)
        return PCPLimits(batch: batch, highMin: h, highMax: h)
      }
      return PCPLimits(batch: batch, highMin: high(0), highMax: high(minHighFraction))
    case .lowWatermarkShare:
      let h = high(fraction)
      return PCPLimits(batch: batch, highMin: h, highMax: h)
    case .sixTimesBatch:
      // pageset_set_high_and_batch(): with percpu_pagelist_fraction, high = managed / f
      // and batch = max(1, high / 4) capped at PAGE_SHIFT * 8.
      if fraction > 0 {
        let h = managed / fraction
        let b = Swift.min(Swift.max(1, h / 4), Pages.shift * 8)
        return PCPLimits(batch: b, highMin: h, highMax: h)
      }
      // pageset_set_batch(): high = 6 * batch before batch is raised to 1, so a zone under
      // 16 MiB gets high 0 (its pages go straight back to the buddy lists).
      return PCPLimits(batch: batch, highMin: 6 * rawBatch, highMax: 6 * rawBatch)
    }
  }

  /// The per-CPU vmstat drift threshold while kswapd sleeps.
  ///
  /// Mirrors: `calculate_normal_threshold()` in mm/vmstat.c (Linux 6.18):
  /// `min(125, 2 * fls(num_online_cpus()) * (1 + fls(managed >> (27 - PAGE_SHIFT))))`.
  public static func statThreshold(managed: Int, onlineCPUs: Int) -> Int {
    let mem = managed >> (27 - Pages.shift)
    return Swift.min(125, 2 * KernelMath.fls(onlineCPUs) * (1 + KernelMath.fls(mem)))
  }
}
