// SPDX-License-Identifier: MIT

import Foundation

/// The sysctl keys a user may set, with the kernel's accepted ranges.
///
/// Mirrors: the `vm_table[]` / `page_alloc_sysctl_table[]` entries and their `extra1`/`extra2`
/// bounds in kernel/sysctl.c, mm/page_alloc.c, mm/vmscan.c and mm/compaction.c (Linux 6.18).
public enum SysctlKey: String, CaseIterable, Sendable {
  case minFreeKbytes = "min_free_kbytes"
  case watermarkScaleFactor = "watermark_scale_factor"
  case watermarkBoostFactor = "watermark_boost_factor"
  case lowmemReserveRatio = "lowmem_reserve_ratio"
  case percpuPagelistHighFraction = "percpu_pagelist_high_fraction"
  case swappiness = "swappiness"
  case zoneReclaimMode = "zone_reclaim_mode"
  case minUnmappedRatio = "min_unmapped_ratio"
  case minSlabRatio = "min_slab_ratio"
  case extfragThreshold = "extfrag_threshold"
  case compactionProactiveness = "compaction_proactiveness"
  case statInterval = "stat_interval"
  case transparentHugepage = "transparent_hugepage"

  /// The keys accepted (so that a real machine's `/proc/sys/vm` can be given whole) and shown
  /// by `numasim sysctl`, which nothing in the model reads yet: compaction and slab reclaim
  /// are not modelled.
  public static let notModelled: [SysctlKey] = [.minSlabRatio, .extfragThreshold, .compactionProactiveness]

  /// The keys of `notModelled` whose value in `sysctl` is not the kernel's default.
  public static func unmodelledSettings(in sysctl: SysctlVM) -> [SysctlKey] {
    let d = SysctlVM()
    return notModelled.filter {
      switch $0 {
      case .minSlabRatio: sysctl.minSlabRatio != d.minSlabRatio
      case .extfragThreshold: sysctl.extfragThreshold != d.extfragThreshold
      case .compactionProactiveness: sysctl.compactionProactiveness != d.compactionProactiveness
      default: false
      }
    }
  }

  /// The name as `sysctl` prints it (`vm.min_free_kbytes`); THP is a sysfs knob, not a sysctl.
  public var qualifiedName: String {
    self == .transparentHugepage ? "transparent_hugepage" : "vm.\(rawValue)"
  }

  /// Looks a key up by `vm.NAME`, `NAME`, or the sysfs path of the THP knob.
  public init(name: String) throws(SysctlError) {
    var bare = name
    for prefix in ["vm.", "/proc/sys/vm/"] where bare.hasPrefix(prefix) { bare.removeFirst(prefix.count) }
    if bare == "/sys/kernel/mm/transparent_hugepage/enabled" || bare == "thp" { bare = "transparent_hugepage" }
    guard let key = SysctlKey(rawValue: bare) else {
      let suggestion = SysctlKey.allCases.map(\.rawValue).min {
        EditDistance.between($0, bare) < EditDistance.between($1, bare)
      }
      var message = "unknown sysctl '\(name)'"
      if let s = suggestion, EditDistance.between(s, bare) <= 3 { message += "; did you mean vm.\(s)?" }
      throw .unknownKey(message)
    }
    self = key
  }

  /// Parses `text` and stores it in `sysctl`, checking the kernel's range.
  public func apply(_ text: String, to sysctl: inout SysctlVM) throws(SysctlError) {
    let v = text.trimmingCharacters(in: .whitespaces)
    func int(_ lo: Int, _ hi: Int = Int(Int32.max)) throws(SysctlError) -> Int {
      guard let n = Int(v) else { throw .invalidValue("\(qualifiedName): '\(text)' is not an integer") }
      guard n >= lo, n <= hi else {
        throw .invalidValue("\(qualifiedName): \(n) is out of range; the kernel accepts \(lo)...\(hi)")
      }
      return n
    }
    switch self {
    case .minFreeKbytes: sysctl.minFreeKbytes = try int(0)
    case .watermarkScaleFactor: sysctl.watermarkScaleFactor = try int(1, 3000)
    case .watermarkBoostFactor: sysctl.watermarkBoostFactor = try int(0)
    case .swappiness: sysctl.swappiness = try int(0, 200)
    case .zoneReclaimMode: sysctl.zoneReclaimMode = try int(0, 7)
    case .minUnmappedRatio: sysctl.minUnmappedRatio = try int(0, 100)
    case .minSlabRatio: sysctl.minSlabRatio = try int(0, 100)
    case .extfragThreshold: sysctl.extfragThreshold = try int(0, 1000)
    case .compactionProactiveness: sysctl.compactionProactiveness = try int(0, 100)
    case .statInterval:
      guard let n = Int(v), n >= 1, n <= 86_400 else {
        throw .invalidValue("\(qualifiedName): '\(text)' is not a whole number of seconds in 1...86400")
      }
      sysctl.statInterval = n
    case .percpuPagelistHighFraction:
      let n = try int(0)
      guard n == 0 || n >= PerCPUPageset.minHighFraction else {
        throw .invalidValue("\(qualifiedName): \(n) is out of range; the kernel accepts 0 or 8 and above")
      }
      sysctl.percpuPagelistHighFraction = n
    case .lowmemReserveRatio:
      let parts = v.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
      var ratios: [Int] = []
      for p in parts {
        guard let n = Int(p) else { throw .invalidValue("\(qualifiedName): '\(p)' is not an integer") }
        guard n >= 0 else { throw .invalidValue("\(qualifiedName): \(n) is negative") }
        ratios.append(n)
      }
      guard !ratios.isEmpty else { throw .invalidValue("\(qualifiedName): no values given") }
      sysctl.lowmemReserveRatio = ratios
    case .transparentHugepage:
      let word = v.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
      let mode: TransparentHugepageMode? =
        switch word.lowercased() {
        case "on", "1", "true": .always
        case "off", "0", "false": .never
        default: TransparentHugepageMode(rawValue: word.lowercased())
        }
      guard let mode else {
        throw .invalidValue("transparent_hugepage: '\(text)' is not one of always, madvise, never")
      }
      sysctl.transparentHugepage = mode
    }
  }

  /// Applies `vm.KEY=VALUE`.
  public static func apply(assignment: String, to sysctl: inout SysctlVM) throws(SysctlError) {
    guard let eq = assignment.firstIndex(of: "=") else {
      throw .invalidValue("'\(assignment)' is not of the form vm.KEY=VALUE")
    }
    let key = try SysctlKey(name: String(assignment[..<eq]).trimmingCharacters(in: .whitespaces))
    try key.apply(String(assignment[assignment.index(after: eq)...]), to: &sysctl)
  }
}

/// A bad sysctl name or value.
public enum SysctlError: Error, Equatable, CustomStringConvertible {
  case unknownKey(String)
  case invalidValue(String)
  public var description: String {
    switch self {
    case .unknownKey(let m), .invalidValue(let m): m
    }
  }
}

/// Levenshtein distance, for "did you mean" suggestions.
public enum EditDistance {
  public static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var prev = Array(0...b.count)
    for i in 1...a.count {
      var cur = [i] + Array(repeating: 0, count: b.count)
      for j in 1...Swift.max(b.count, 1) where j <= b.count {
        cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      prev = cur
    }
    return prev[b.count]
  }
}
