// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// Damaged imports never crash or hang the process either: real `/proc/zoneinfo` dumps and
/// a `numactl -H` listing, truncated, shuffled, with bytes flipped to binary, numbers blown
/// up or line endings changed, exit 0 or 1, and a refusal names the dump and a line.
extension FuzzCLITests {
  static let numactl = """
    available: 2 nodes (0-1)
    node 0 cpus: 0 1 2 3
    node 0 size: 7948 MB
    node 0 free: 6521 MB
    node 1 cpus: 4 5 6 7
    node 1 size: 8062 MB
    node 1 free: 7800 MB
    node distances:
    node   0   1
      0:  10  21
      1:  21  10

    """

  static var dumps: [(option: String, text: String)] {
    let names = [
      "local-6.18.zoneinfo", "zoneinfo-android-3.4.5-highmem-32bit.txt", "zoneinfo-issabel-centos-5zones.txt",
      "zoneinfo-rhel8-4.18.0-80-coreos-sosreport-2cpu.txt",
    ]
    return names.compactMap { n in
      (try? String(contentsOfFile: CLIRunner.fixture(n), encoding: .utf8)).map { ("--from-zoneinfo", $0) }
    } + [("--from-numactl", numactl)]
  }

  /// One damage to a dump, chosen by `g`.
  static func damage(_ text: String, _ g: inout ConfigMutator.Generator) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let i = g.below(Swift.max(1, lines.count))
    switch g.below(7) {
    case 0: lines.removeSubrange(i...)
    case 1: for k in lines.indices.reversed() { lines.swapAt(k, g.below(k + 1)) }
    case 2:
      var bytes = Array(lines[i].utf8)
      for _ in 0..<4 where !bytes.isEmpty { bytes[g.below(bytes.count)] = UInt8(g.below(256)) }
      lines[i] = String(decoding: bytes, as: UTF8.self)
    case 3: lines[i] = lines[i].replacingOccurrences(of: "0", with: g.pick(["0000000000000", "99999999999999999999"]))
    case 4: return lines.joined(separator: g.pick(["\r\n", "\r"]))
    case 5:
      lines[i] = g.pick([
        "Node 1000000, zone Normal", "node 5000 cpus: 1", "available: 99999 nodes", "$ sudo numactl -H",
      ])
    default: lines.insert(String(repeating: g.pick(["9", " ", ":", ","]), count: 5000), at: i)
    }
    return lines.joined(separator: "\n")
  }

  @Test func damagedDumpsNeverCrashOrHang() throws {
    let dumps = Self.dumps
    #expect(dumps.count == 5)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-dumpfuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for seed in 0..<UInt64(Self.caseCount / 2) {
      var g = ConfigMutator.Generator(state: seed &* 0x2545_F491_4F6C_DD1D)
      let (option, original) = dumps[Int(seed) % dumps.count]
      let path = dir.appendingPathComponent("dump-\(seed).txt").path
      try Self.damage(original, &g).write(toFile: path, atomically: true, encoding: .utf8)
      let view = option == "--from-numactl" ? "numactl" : "zoneinfo"
      let r = try CLIRunner.run([view, option, path, "--cpus-per-node", "2"], timeout: 10)
      let label = "seed \(seed) (\(option))"
      #expect(!r.timedOut, "hung: \(label)")
      #expect(!r.signalled && (r.status == 0 || r.status == 1), "exit \(r.status): \(label)\n\(r.stderr)")
      if r.status == 1 {
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(path) || first.contains("<command line>"), "no file named: \(label): \(first)")
      }
    }
  }
}
