// SPDX-License-Identifier: MIT

/// The `lowmem_reserve` ("protection:") of each zone: pages a lower zone keeps back from
/// requests that could have used a higher zone.
public enum LowmemReserve {
  /// The default `vm.lowmem_reserve_ratio` for an architecture and release.
  ///
  /// Mirrors: `sysctl_lowmem_reserve_ratio[]` in mm/page_alloc.c (Linux 6.18):
  /// `[DMA]=256, [DMA32]=256, [NORMAL]=32, [HIGHMEM]=0, [MOVABLE]=0`, others 0.
  /// Before 4.18 the array had `MAX_NR_ZONES-1` positional entries `{256 (DMA), 256 (DMA32),
  /// 32 (HIGHMEM), 32}`, and a ratio below 1 was stored as 1.
  public static func defaultRatios(for arch: Architecture, kernel: KernelVersion) -> [Int] {
    let types = arch.zoneTypes
    if kernel.lowmemReserveRule != .legacyRatioAtLeastOne {
      return types.map { t in
        switch t {
        case .dma, .dma32: 256
        case .normal: 32
        case .highMem, .movable, .device: 0
        }
      }
    }
    var positional: [Int] = []
    if types.contains(.dma) { positional.append(256) }
    if types.contains(.dma32) { positional.append(256) }
    if types.contains(.highMem) { positional.append(32) }
    positional.append(32)
    let count = types.count - 1
    let padded = positional + Array(repeating: 0, count: Swift.max(0, count - positional.count))
    return padded.prefix(count).map { Swift.max($0, 1) }
  }

  /// The number of entries `/proc/sys/vm/lowmem_reserve_ratio` holds.
  public static func ratioCount(for arch: Architecture, kernel: KernelVersion) -> Int {
    kernel.lowmemReserveRule == .legacyRatioAtLeastOne ? arch.zoneCount - 1 : arch.zoneCount
  }

  /// Computes `lowmem_reserve[j]` of every zone `i` of one node.
  ///
  /// Mirrors: `setup_per_zone_lowmem_reserve()` in mm/page_alloc.c (Linux 6.18):
  ///
  ///     for i in 0 ..< MAX_NR_ZONES-1:
  ///         clear = ratio[i] == 0 || managed(i) == 0;  acc = 0
  ///         for j in i+1 ..< MAX_NR_ZONES:
  ///             acc += managed(j);  lowmem_reserve_i[j] = clear ? 0 : acc / ratio[i]
  ///
  /// 4.18–5.8 compute the same sums but ignore empty lower zones; 5.9–5.10 skip an empty or
  /// ratio-0 lower zone without accumulating its pages; before 4.18 a ratio below 1 counts as 1.
  /// - Parameters:
  ///   - managed: the node's managed pages per zone, in `zone_idx()` order.
  ///   - ratios: `vm.lowmem_reserve_ratio`; missing entries count as 0.
  /// - Returns: `reserve[i][j]`, `MAX_NR_ZONES` × `MAX_NR_ZONES`.
  public static func compute(managed: [Int], ratios: [Int], kernel: KernelVersion) -> [[Int]] {
    let n = managed.count
    func ratio(_ i: Int) -> Int { i < ratios.count ? Swift.max(ratios[i], 0) : 0 }
    var reserve = Array(repeating: Array(repeating: 0, count: n), count: n)
    switch kernel.lowmemReserveRule {
    case .clearRowAccumulate:
      for i in 0..<Swift.max(n - 1, 0) {
        let r = ratio(i)
        let clear = r == 0 || managed[i] == 0
        var acc = 0
        for j in (i + 1)..<n {
          acc += managed[j]
          reserve[i][j] = clear ? 0 : acc / r
        }
      }
    case .perUpperZone, .skipEmptyNoAccumulate, .legacyRatioAtLeastOne:
      for j in 0..<n {
        var acc = managed[j]
        var idx = j
        while idx > 0 {
          idx -= 1
          var r = ratio(idx)
          if kernel.lowmemReserveRule == .legacyRatioAtLeastOne { r = Swift.max(r, 1) }
          if kernel.lowmemReserveRule == .skipEmptyNoAccumulate, r < 1 || managed[idx] == 0 {
            reserve[idx][j] = 0
            continue
          }
          reserve[idx][j] = r < 1 ? 0 : acc / r
          acc += managed[idx]
        }
      }
    }
    return reserve
  }
}
