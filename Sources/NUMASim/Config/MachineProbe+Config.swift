// SPDX-License-Identifier: MIT

extension MachineProbe {
  /// A commented config that reproduces the probed machine: its zones exactly as
  /// `/proc/zoneinfo` sizes them, its nodes' CPU counts and SLIT, its sysctls, THP mode and
  /// swap, and an example workload scaled to its memory for the user to edit.
  ///
  /// The config is read back and set up before it is returned; `notes` says where the
  /// model's watermarks differ from the machine's (``ZoneInfoImport/driftNotes(against:)``)
  /// and which of the machine's settings the config could not keep.
  /// Deviation: CPUs are numbered node by node in the model; a machine that numbers them
  /// otherwise (0,2,4 on node 0) keeps its counts per node, not its numbers.
  public func config() throws(InputErrors) -> (text: String, notes: [String]) {
    var notes: [String] = []
    let (kernel, modelled) = self.kernel
    if !modelled {
      notes.append("note: Linux \(release) is not a modelled release; the config models \(kernel), the nearest one")
    }
    var sysctlLines: [String] = []
    var minFree: Int?
    for (key, value) in sysctls {
      var scratch = SysctlVM()
      do {
        try SysctlFile.apply(
          text: "vm.\(key.rawValue) = \(value)\n", file: Self.path(root, "proc/sys/vm/\(key.rawValue)"), to: &scratch)
      } catch {
        notes.append("note: \(error.description); vm.\(key.rawValue) is left at the model's default")
        sysctlLines.append("# vm.\(key.rawValue): \(value)   # not kept: \(error.message)")
        continue
      }
      if key == .minFreeKbytes { minFree = Int(value) }
      let yaml = key == .lowmemReserveRatio ? "[" + value.split(separator: " ").joined(separator: ", ") + "]" : value
      sysctlLines.append("vm.\(key.rawValue): \(yaml)")
    }
    if let thp = transparentHugepage {
      if ["always", "madvise", "never"].contains(thp) {
        sysctlLines.append("transparent_hugepage: \(thp)")
      } else {
        notes.append(
          "note: transparent_hugepage '\(thp)' is not a mode numasim models; the model's default (madvise) is used")
      }
    }

    var body = document(kernel: kernel, sysctl: sysctlLines, workload: true)
    // What the boot rules give for this machine, to say whether min_free_kbytes was tuned.
    if let minFree {
      let untuned = document(
        kernel: kernel, sysctl: sysctlLines.filter { !$0.hasPrefix("vm.min_free_kbytes:") }, workload: false)
      if let boot = try? SimulationConfig.parse(yaml: untuned, file: "<probe>").setUp().minFreeKbytes {
        let comment =
          boot == minFree
          ? "   # as the boot rules compute it for this machine"
          : "   # set on the machine; the boot rules give \(boot) here"
        body = body.replacingOccurrences(
          of: "  vm.min_free_kbytes: \(minFree)\n", with: "  vm.min_free_kbytes: \(minFree)\(comment)\n")
      }
    }
    let setup = try SimulationConfig.parse(yaml: body, file: "<probe of \(root)>").setUp()
    let drift = renumbered.missingSizeNotes + renumbered.driftNotes(against: setup)
    notes += drift
    var header = [
      "# \(hostname.isEmpty ? "The machine" : "The machine '\(hostname)'") as `numasim probe` read it: Linux \(release).",
      "# Zones (spanned, present, managed, start_pfn) are /proc/zoneinfo's; each node's CPUs and",
      "# distances /sys/devices/system/node's; the sysctls /proc/sys/vm's; THP and swap the machine's.",
    ]
    if drift.isEmpty {
      header.append("# `numasim zoneinfo` on this config gives the machine's own min/low/high for every zone.")
    } else {
      header.append("# `numasim zoneinfo` on this config differs from the machine's watermarks:")
      header += drift.map { "#   " + $0 }
    }
    let modelNumbering = nodes.reduce(into: (next: 0, same: true)) { acc, node in
      acc.same = acc.same && node.cpus.sorted() == Array(acc.next..<(acc.next + node.cpus.count))
      acc.next += node.cpus.count
    }
    if !modelNumbering.same {
      header.append("# numasim numbers CPUs node by node; the comments give the machine's own numbers.")
    }
    header += [
      "# The workload is an example sized to this machine, and the sweep at the end the watermark",
      "# trade-off on it (`numasim sweep` on this file): edit both to describe yours",
      "# (Configs/README.md documents every key).",
    ]
    return (header.joined(separator: "\n") + "\n" + body, notes)
  }

  /// The zoneinfo with the nodes numbered as the config numbers them (0, 1, ... in sysfs order).
  var renumbered: ZoneInfoImport {
    var copy = zoneinfo
    let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
    copy.zones = copy.zones.map {
      var z = $0
      z.node = index[z.node] ?? z.node
      return z
    }
    return copy
  }

  /// The config's text after its header.
  func document(kernel: KernelVersion, sysctl: [String], workload: Bool) -> String {
    var lines = ["name: \(name)", "", "kernel:", "  version: \"\(kernel)\"", "", "sysctl:"]
    lines += sysctl.map { "  " + $0 }
    lines += ["", "machine:", "  architecture: \(zoneinfo.architecture.rawValue)", "  nodes:"]
    let arch = zoneinfo.architecture
    for (index, node) in nodes.enumerated() {
      let zones = zoneinfo.zones.filter { $0.node == node.id && $0.spanned > 0 }
        .sorted {
          (arch.zoneIndex(of: ZoneType(kernelName: $0.name) ?? .normal) ?? 0)
            < (arch.zoneIndex(of: ZoneType(kernelName: $1.name) ?? .normal) ?? 0)
        }
      let cpus = node.cpus.isEmpty ? "no CPUs" : "CPUs \(Self.listText(node.cpus))"
      let renamed = index == node.id ? "" : " (node \(node.id) on the machine)"
      if zones.isEmpty {
        lines.append("    - {memory: 0, cpus: \(node.cpus.count)}   # node \(index)\(renamed): no memory, \(cpus)")
        continue
      }
      lines.append("    - cpus: \(node.cpus.count)   # node \(index)\(renamed): \(cpus)")
      lines.append("      zones:")
      for z in zones {
        lines.append(
          "        \(z.name): {spanned: \(z.spanned), present: \(z.present), managed: \(z.managed), start_pfn: \(z.startPFN)}"
        )
      }
    }
    lines.append("  distances:   # the SLIT, /sys/devices/system/node/node*/distance")
    lines += nodes.map { "    - [" + $0.distances.map(String.init).joined(separator: ", ") + "]" }
    lines.append("")
    lines.append(swapKiB > 0 ? "swap: {size: \(swapKiB)KiB}   # /proc/swaps" : "# no swap: /proc/swaps lists none")
    if workload { lines += [""] + exampleWorkload() + [""] + exampleSweep() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The config's name: `probe-HOSTNAME`, in the characters a results folder takes.
  var name: String {
    let host = hostname.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
    return host.isEmpty ? "probe" : "probe-" + String(host)
  }

  /// A heap of a quarter of memory at its steady size, a page-cache stream that cycles memory
  /// in about 80 s (both at most 200000 requests a second) and slab churn, starting warm.
  func exampleWorkload() -> [String] {
    let managed = zoneinfo.zones.map(\.managed).reduce(0, +)
    let heapLifetime = 30
    let heapRate = Self.round(Swift.min(200_000, Swift.max(100, managed / 4 / heapLifetime)))
    let cacheRate = Self.round(Swift.min(200_000, Swift.max(100, managed / 80)))
    return [
      "seed: 1",
      "warmup: 2s",
      "duration: 20s",
      "",
      "# Start as the workload leaves the machine after hours: the heap at its steady size",
      "# (rate × mean lifetime), page cache in the rest down to each zone's high mark.",
      "initial_state:",
      "  - {group: heap, pages: steady}",
      "  - {group: slab, pages: steady}",
      "  - {group: page-cache, pages: full}",
      "",
      "workload:",
      "  - name: heap            # a service's anonymous memory: \(heapRate) pages/s, each kept ~\(heapLifetime) s",
      "    arrival: {poisson: \(heapRate)}",
      "    kind: anon",
      "    lifetime: \"exponential(mean=\(heapLifetime))\"",
      "    access: {reference_interval: \"exponential(mean=1)\", hot_fraction: 0.5}",
      "  - name: page-cache      # files read once: \(cacheRate) pages/s",
      "    arrival: {poisson: \(cacheRate)}",
      "    kind: file_clean",
      "    access: {reference_interval: \"exponential(mean=5)\", hot_fraction: 0.2}",
      "  - name: slab",
      "    arrival: {poisson: 2000}",
      "    kind: slab",
      "    lifetime: \"exponential(mean=10)\"",
    ]
  }

  /// `min_free_kbytes` from half to four times the machine's, by `watermark_scale_factor`
  /// 10, 100 and 300: 12 points of 3 replicates.
  func exampleSweep() -> [String] {
    let minFree = sysctls.first { $0.key == .minFreeKbytes }.flatMap { Int($0.value) } ?? 65536
    let points = [minFree / 2, minFree, minFree * 2, minFree * 4].map { Swift.max(1024, ($0 + 512) / 1024 * 1024) }
    return [
      "# `numasim sweep` on this file runs this grid (`numasim run` ignores it); `--plot` draws",
      "# the stalls against the memory the watermarks keep free.",
      "sweep:",
      "  grid:",
      "    sysctl.vm.min_free_kbytes: [" + points.map(String.init).joined(separator: ", ") + "]",
      "    sysctl.vm.watermark_scale_factor: [10, 100, 300]",
      "  replicates: 3",
      "  seed: 1",
    ]
  }

  /// `n` to two significant digits.
  static func round(_ n: Int) -> Int {
    var scale = 1
    while n / scale >= 100 { scale *= 10 }
    return (n + scale / 2) / scale * scale
  }

  /// `0-3,8`: a sorted list of numbers as the kernel prints a bitmap list.
  static func listText(_ values: [Int]) -> String {
    var parts: [String] = []
    var i = 0
    let v = values.sorted()
    while i < v.count {
      var j = i
      while j + 1 < v.count && v[j + 1] == v[j] + 1 { j += 1 }
      parts.append(i == j ? "\(v[i])" : "\(v[i])-\(v[j])")
      i = j + 1
    }
    return parts.joined(separator: ",")
  }
}
