// SPDX-License-Identifier: MIT

import Foundation

/// The Linux release whose memory-management rules the model follows.
///
/// Every rule that changed between releases is a property here, with the first release
/// that has the new behaviour (from `kernel-mm-spec.md` §0). Versions are compared by
/// `major.minor`; stable and distribution backports are not modelled.
public struct KernelVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var major: Int
  public var minor: Int

  public init(_ major: Int, _ minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// The default: the release of the machines this model was checked against.
  public static let v6_18 = KernelVersion(6, 18)
  public static let `default` = v6_18

  /// The oldest and newest releases the model accepts.
  public static let oldestSupported = KernelVersion(4, 4)
  public static let newestSupported = KernelVersion(7, 2)

  /// Releases whose differences are covered by tests.
  public static let tested: [KernelVersion] = [
    .init(4, 18), .init(5, 14), .init(6, 1), .init(6, 6), .init(6, 12), .init(6, 18),
  ]

  /// Parses `6.18`, `6.18.44`, `v6.1` or `4.18.0-80.el8`; only `major.minor` is kept.
  public init?(parsing text: String) {
    var s = Substring(text.trimmingCharacters(in: .whitespaces))
    if s.first == "v" { s = s.dropFirst() }
    let parts = s.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber), let major = Int(parts[0]),
      let minor = Int(parts[1].prefix(while: { $0.isNumber })), !parts[1].isEmpty,
      parts[1].first?.isNumber == true,
      // After the minor: nothing, the patch level, or a local version (`-rc1`, `-amd64`, `+`).
      parts[1].drop(while: { $0.isNumber }).first.map({ "-+_~".contains($0) }) ?? true
    else { return nil }
    self.init(major, minor)
  }

  public static func < (a: KernelVersion, b: KernelVersion) -> Bool {
    (a.major, a.minor) < (b.major, b.minor)
  }

  public var description: String { "\(major).\(minor)" }
  public var isSupported: Bool { self >= .oldestSupported && self <= .newestSupported }

  // MARK: - §a min_free_kbytes

  /// Upper clamp of the sqrt rule: 65536 kB up to 5.6, 262144 kB from 5.7.
  public var minFreeKbytesUpperClamp: Int { self >= .init(5, 7) ? 262_144 : 65_536 }

  /// THP's recommended `min_free_kbytes` counts only zones up to Normal (not Movable) from 4.18.
  public var thpCountsOnlyLowZones: Bool { self >= .init(4, 18) }

  // MARK: - §b watermarks

  /// `watermark_scale_factor` exists (4.6+); before, low = min + min/4, high = min + min/2.
  public var hasWatermarkScaleFactor: Bool { self >= .init(4, 6) }
  /// `watermark_boost` and `watermark_boost_factor` exist (5.0+).
  public var hasWatermarkBoost: Bool { self >= .init(5, 0) }
  /// WMARK_PROMO exists internally (5.19+).
  public var hasPromoWatermark: Bool { self >= .init(5, 19) }
  /// `/proc/zoneinfo` prints `promo`: 6.1 does not, 6.12 does.
  /// - Deviation: the first release is not pinned by the trees read; modelled from 6.6.
  public var printsPromoWatermark: Bool { self >= .init(6, 6) }
  /// ZONE_MOVABLE gets the HighMem-style clamped min and is not lowmem (6.6+).
  public var movableIsHighmemLike: Bool { self >= .init(6, 6) }

  // MARK: - §c lowmem_reserve

  /// Which `setup_per_zone_lowmem_reserve()` algorithm the release has.
  public var lowmemReserveRule: LowmemReserveRule {
    if self >= .init(5, 11) { return .clearRowAccumulate }
    if self >= .init(5, 9) { return .skipEmptyNoAccumulate }
    if self >= .init(4, 18) { return .perUpperZone }
    return .legacyRatioAtLeastOne
  }

  // MARK: - §d zonelists

  /// How `build_zonelists()` updates `node_load[]`.
  public var zonelistNodeLoadRule: NodeLoadRule {
    if self >= .init(5, 19) { return .incrementByOne }
    if self >= .init(5, 17) { return .accumulateLoad }
    return .assignDecreasingLoad
  }
  /// A memoryless local node is left out of its own fallback list (6.7+).
  public var skipsMemorylessLocalNode: Bool { self >= .init(6, 7) }

  // MARK: - §h per-CPU pagesets

  /// `zone_batchsize()` caps the batch at 1 MiB (4.19+) instead of 512 KiB.
  public var pcpBatchCapBytes: Int { self >= .init(4, 19) ? ByteSize.mib : 512 * ByteSize.kib }
  /// Which rule sizes `pcp->high`.
  public var pcpHighRule: PCPHighRule {
    if self >= .init(6, 7) { return .highMinMax }
    if self >= .init(5, 14) { return .lowWatermarkShare }
    return .sixTimesBatch
  }
  /// A CPU-less node divides its pcp high by all online CPUs (5.15+); 5.14 used 1.
  public var cpulessNodeUsesOnlineCPUs: Bool { self >= .init(5, 15) }
  /// `/proc/zoneinfo` prints `high_min`/`high_max` per CPU: 6.12 does not, 6.18 does.
  /// - Deviation: the first release is not pinned by the trees read; modelled from 6.15.
  public var printsPCPHighMinMax: Bool { self >= .init(6, 15) }

  // MARK: - §e/§f allocator

  /// `__zone_watermark_ok()` deducts only the free highatomic pages (6.12+), not the whole reserve.
  public var deductsFreeHighatomicOnly: Bool { self >= .init(6, 12) }
  /// `get_page_from_freelist()` first skips nodes whose kswapd is running (after 6.12).
  public var skipsKswapdActiveNodes: Bool { self >= .init(6, 13) }
}

/// The `setup_per_zone_lowmem_reserve()` variants (§c).
public enum LowmemReserveRule: Sendable {
  /// < 4.18: `MAX_NR_ZONES-1` ratios, a ratio below 1 is forced to 1, no empty-zone test.
  case legacyRatioAtLeastOne
  /// 4.18–5.8: walk down from each upper zone; ratio < 1 means no reserve.
  case perUpperZone
  /// 5.9–5.10: ratio 0 or an empty lower zone gives 0 and its pages are not accumulated.
  case skipEmptyNoAccumulate
  /// 5.11+: ratio 0 or an empty lower zone clears its row; accumulation goes on.
  case clearRowAccumulate
}

/// The `node_load[]` tie-break variants of `build_zonelists()` (§d).
public enum NodeLoadRule: Sendable {
  /// ≤ 5.16: `node_load[n] = load`, load from nr_online_nodes down; weight × nr_online × MAX_NUMNODES.
  case assignDecreasingLoad
  /// 5.17–5.18: `node_load[n] += load`.
  case accumulateLoad
  /// 5.19+: `node_load[n] += 1`; weight × MAX_NUMNODES.
  case incrementByOne
}

/// The `pcp->high` sizing variants (§h).
public enum PCPHighRule: Sendable {
  /// ≤ 5.13: `high = 6 * batch`.
  case sixTimesBatch
  /// 5.14–6.6: `high = max(low_wmark / local CPUs, 4 * batch)`.
  case lowWatermarkShare
  /// 6.7+: `high_min` from the low watermark, `high_max` from managed/8.
  case highMinMax
}
