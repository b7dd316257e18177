// SPDX-License-Identifier: MIT

import Foundation

/// One zone as a real `/proc/zoneinfo` printed it.
public struct DumpedZone: Hashable, Sendable {
  public var node: Int
  public var name: String
  public var line: Int
  public var freePages = 0
  public var boost = 0
  public var min = 0
  public var low = 0
  public var high = 0
  public var promo: Int?
  public var spanned = 0
  public var present = 0
  public var managed = 0
  public var protection: [Int] = []
  public var startPFN = 0
  public var cpus: [Int] = []
  public var pcpBatch: Int?
  public var pcpHigh: [Int] = []
  public var pcpHighMin: Int?
  public var pcpHighMax: Int?
  /// The size fields the dump gave (`spanned`, `present`, `managed`): a dump cut short with
  /// `grep -A` or `head` may lack some.
  public var sizesGiven: Set<String> = []
}

/// Reads a real `/proc/zoneinfo` and builds the machine it describes.
///
/// Zones are matched to the architecture by name (a `DMA32` zone means x86-64, `HighMem`
/// 32-bit x86); zones a dump leaves out (kernels before 4.12 print only populated zones)
/// are empty. The dump gives no CPU-to-node map: CPUs are split across the memory nodes
/// evenly unless the caller says otherwise.
public struct ZoneInfoImport: Sendable {
  public var file: String
  public var zones: [DumpedZone]

  /// Parses zoneinfo text; `file` names it in errors.
  public init(text: String, file: String) throws(InputError) {
    self.file = file
    var zones: [DumpedZone] = []
    var inPagesets = false
    // Kernels before 3.9 print no `managed` and size everything by `present`.
    var sawManaged = Set<Int>()
    for (i, raw) in InputFile.lines(text).enumerated() {
      let lineNumber = i + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || PastedText.isNoise(raw) { continue }
      if line.hasPrefix("Node ") {
        // "Node 0, zone      DMA"
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        let parts = words.map(String.init)
        guard parts.count >= 4, parts[2] == "zone", let node = Int(parts[1]), node >= 0 else {
          throw InputError(
            file: file, line: lineNumber, column: 1, message: "expected 'Node N, zone NAME', found '\(line)'")
        }
        guard node < MachineLimits.nodes else {
          throw InputError(
            file: file, line: lineNumber, column: InputFile.column(of: words[1], in: raw), keyPath: "Node",
            message: "node \(node) is beyond MAX_NUMNODES (\(MachineLimits.nodes))")
        }
        zones.append(DumpedZone(node: node, name: parts[3], line: lineNumber))
        inPagesets = false
        continue
      }
      guard !zones.isEmpty else {
        throw InputError(
          file: file, line: lineNumber, column: 1,
          message: "expected 'Node N, zone NAME' before '\(Self.quoted(line))'; is this /proc/zoneinfo?")
      }
      if line == "pagesets" {
        inPagesets = true
        continue
      }
      if line.hasPrefix("protection:") {
        let inner = raw.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        var values: [Int] = []
        for v in inner.split(separator: ",") {
          guard let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= 0 else {
            throw InputError(
              file: file, line: lineNumber, column: InputFile.column(of: v, in: raw), keyPath: "protection",
              message: "bad protection value '\(v)'")
          }
          values.append(n)
        }
        zones[zones.count - 1].protection = values
        continue
      }
      // "pages free N", "min N", "start_pfn: N", "cpu: 0 pcp: 0", "scanned  0 (a: 0 i: 0)":
      // the first word names the field, the next word is its value. Fields the model does not
      // read (counters, old-kernel lines) are skipped whatever their value.
      let slices = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
      let words = slices.map(String.init)
      var key = words[0].hasSuffix(":") ? String(words[0].dropLast()) : words[0]
      var valueIndex = 1
      if key == "pages", words.count > 1, words[1] == "free" {
        key = "pages free"
        valueIndex = 2
      }
      let z = zones.count - 1
      let fields: Set<String> = [
        "pages free", "boost", "min", "low", "high", "promo", "spanned", "present", "managed", "start_pfn", "cpu",
        "batch", "high_min", "high_max",
      ]
      guard fields.contains(key) else { continue }
      guard valueIndex < words.count,
        let value = Int(words[valueIndex].trimmingCharacters(in: CharacterSet(charactersIn: ":")))
      else {
        let column = valueIndex < slices.count ? InputFile.column(of: slices[valueIndex], in: raw) : raw.count + 1
        throw InputError(
          file: file, line: lineNumber, column: column, keyPath: key,
          message:
            "expected a number after '\(key)', found '\(Self.quoted(words.dropFirst(valueIndex).joined(separator: " ")))'"
        )
      }
      let bound = key == "cpu" ? MachineLimits.cpus - 1 : MachineLimits.frames
      guard (0...bound).contains(value) else {
        throw InputError(
          file: file, line: lineNumber, column: InputFile.column(of: slices[valueIndex], in: raw), keyPath: key,
          message: "\(value) is out of range 0...\(bound)")
      }
      switch key {
      case "pages free": zones[z].freePages = value
      case "boost": zones[z].boost = value
      case "min": zones[z].min = value
      case "low": zones[z].low = value
      case "high" where !inPagesets: zones[z].high = value
      case "high": zones[z].pcpHigh.append(value)
      case "promo": zones[z].promo = value
      case "spanned": zones[z].spanned = value
      case "present": zones[z].present = value
      case "managed": zones[z].managed = value
      case "start_pfn": zones[z].startPFN = value
      case "cpu": if !zones[z].cpus.contains(value) { zones[z].cpus.append(value) }
      case "batch": zones[z].pcpBatch = zones[z].pcpBatch ?? value
      case "high_min": zones[z].pcpHighMin = value
      default: zones[z].pcpHighMax = value
      }
      if key == "present", !sawManaged.contains(z) { zones[z].managed = value }
      if key == "managed" { sawManaged.insert(z) }
      if key == "spanned" || key == "present" || key == "managed" { zones[z].sizesGiven.insert(key) }
    }
    // A zone cut short takes its missing sizes from those it has (see ``missingSizeNotes``).
    for z in zones.indices {
      let given = zones[z].sizesGiven
      if !given.contains("present"), given.contains("managed") { zones[z].present = zones[z].managed }
      if !given.contains("spanned") { zones[z].spanned = Swift.max(zones[z].spanned, zones[z].present) }
    }
    guard !zones.isEmpty else {
      throw InputError(file: file, line: 1, message: "no 'Node N, zone NAME' sections found; is this /proc/zoneinfo?")
    }
    self.zones = zones
  }

  /// One note per zone whose sizes the dump does not give in full (a cut paste), saying what
  /// was taken instead.
  public var missingSizeNotes: [String] {
    zones.compactMap { z in
      let missing = ["spanned", "present", "managed"].filter { !z.sizesGiven.contains($0) }
      guard !missing.isEmpty else { return nil }
      let place = "\(file):\(z.line): Node \(z.node), zone \(z.name)"
      if z.sizesGiven.isEmpty {
        return "note: \(place): the dump gives no spanned, present or managed (cut short?); the zone is taken as empty"
      }
      return "note: \(place): the dump gives no \(missing.joined(separator: ", ")) (cut short?); "
        + "taken as spanned \(z.spanned), present \(z.present), managed \(z.managed)"
    }
  }

  /// At most 80 characters of `text`, for quoting a line in a message.
  static func quoted(_ text: String) -> String {
    text.count <= 80 ? text : String(text.prefix(77)) + "..."
  }

  /// Reads and parses a file.
  public init(path: String) throws(InputError) {
    try self.init(text: InputFile.read(path, what: "the zoneinfo dump"), file: path)
  }

  /// The architecture the zone names imply: `HighMem` with `DMA` is 32-bit x86, `HighMem`
  /// without it 32-bit ARM; anything else is read as x86-64.
  public var architecture: Architecture {
    let names = Set(zones.map { $0.name.lowercased() })
    if names.contains("highmem") { return names.contains("dma") ? .i386 : .arm }
    return .x86_64
  }

  /// The online CPUs the pagesets list.
  public var onlineCPUs: Int { zones.map(\.cpus.count).max() ?? 0 }

  /// Builds the machine: nodes, zones with the dumped spanned/present/managed, and CPUs.
  /// - Parameter cpusPerNode: CPUs of each node; `nil` splits the dump's CPUs evenly over the
  ///   nodes with memory (the lower nodes take any remainder).
  public func machine(cpusPerNode: [Int]? = nil, distances: DistanceMatrix? = nil) throws(InputError) -> Machine {
    let arch = architecture
    let nodeCount = (zones.map(\.node).max() ?? 0) + 1
    var layouts: [NodeLayout] = (0..<nodeCount).map {
      NodeLayout(id: NodeID($0), cpus: [], zones: arch.zoneTypes.map(ZoneSpan.empty))
    }
    for z in zones {
      guard let type = ZoneType(kernelName: z.name), let index = arch.zoneIndex(of: type) else {
        throw InputError(
          file: file, line: z.line,
          message:
            "zone '\(z.name)' is not a zone of \(arch.rawValue) (\(arch.zoneTypes.map(\.kernelName).joined(separator: ", ")))"
        )
      }
      layouts[z.node].zones[index] = ZoneSpan(
        type: type, startPFN: z.startPFN, spanned: Pages(z.spanned), present: Pages(z.present),
        managed: Pages(z.managed))
    }
    let counts: [Int]
    if let cpusPerNode {
      guard cpusPerNode.count == nodeCount || cpusPerNode.count == 1 else {
        throw InputError(
          file: file, message: "--cpus-per-node gives \(cpusPerNode.count) values for \(nodeCount) nodes")
      }
      counts = cpusPerNode.count == 1 ? Array(repeating: cpusPerNode[0], count: nodeCount) : cpusPerNode
    } else {
      let memoryNodes = layouts.indices.filter { layouts[$0].hasMemory }
      let total = Swift.max(onlineCPUs, 1)
      var c = Array(repeating: 0, count: nodeCount)
      for (k, n) in memoryNodes.enumerated() {
        c[n] = total / memoryNodes.count + (k < total % memoryNodes.count ? 1 : 0)
      }
      counts = c
    }
    var cpu = 0
    for n in 0..<nodeCount {
      layouts[n].cpus = (cpu..<(cpu + counts[n])).map(CPUID.init)
      cpu += counts[n]
    }
    do {
      return try Machine(architecture: arch, nodes: layouts, distances: distances)
    } catch {
      throw InputError(file: file, message: error.description)
    }
  }
}
