// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// Mutated configs never crash, hang or half-run the process.
///
/// For each case (a shipped config, mutated by ``ConfigMutator`` from a seed): `validate`
/// exits 0 or 1, never by a signal, within its time limit; a rejection names the config file
/// and a line; an accepted config then runs a shortened scenario to completion (exit 0), or is
/// refused by admission before anything is built (exit 1, nothing written). The case count is
/// `NUMASIM_FUZZ_CASES` (default 240); the seed of a failing case is in its message.
@Suite struct FuzzCLITests {
  static var caseCount: Int { ProcessInfo.processInfo.environment["NUMASIM_FUZZ_CASES"].flatMap(Int.init) ?? 240 }

  /// Seeds a larger campaign found failing, kept once fixed (an event count too large to
  /// print as an integer).
  static let regressions: [UInt64] = [1009, 1127, 2087, 2589]

  static var configs: [(name: String, text: String)] {
    let folder = CLIRunner.packageRoot.appendingPathComponent("Configs")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted()
    return names.compactMap { n in
      (try? String(contentsOf: folder.appendingPathComponent(n), encoding: .utf8)).map { (n, $0) }
    }
  }

  @Test func mutatedConfigsNeverCrashHangOrHalfRun() throws {
    let configs = Self.configs
    #expect(configs.count >= 5)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    // Imports and includes in the shipped configs resolve against Configs/.
    let configFolder = CLIRunner.packageRoot.appendingPathComponent("Configs")
    var accepted = 0
    var refused = 0
    for seed in Array(0..<UInt64(Self.caseCount)) + Self.regressions {
      var mutator = ConfigMutator(seed: seed)
      let (name, original) = configs[Int(seed) % configs.count]
      let text = mutator.mutate(original)
      let path = configFolder.appendingPathComponent(".fuzz-\(getpid())-\(seed).yaml").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let label = "seed \(seed) (\(name)):\n" + String(text.prefix(3000))

      let v = try CLIRunner.run(["validate", path], timeout: 10)
      #expect(!v.timedOut, "validate hung: \(label)")
      #expect(!v.signalled && (v.status == 0 || v.status == 1), "validate exit \(v.status): \(label)\n\(v.stderr)")
      #expect(!v.stderr.contains("Fatal error"), "\(label): \(v.stderr)")
      if v.status == 1 {
        refused += 1
        let first = v.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(path + ":") || first.contains("<command line>"), "no file named: \(label): \(first)")
        #expect(first.range(of: #":\d+(:\d+)?: "#, options: .regularExpression) != nil, "no line: \(label): \(first)")
        continue
      }
      accepted += 1
      let out = root.appendingPathComponent("run-\(seed)").path
      let r = try CLIRunner.run(
        [
          "run", path, "--duration", "20ms", "--warmup", "0s", "--output", out, "--no-progress", "--max-memory", "1GiB",
          "--max-events", "2e7",
        ], timeout: 60)
      #expect(!r.timedOut, "run hung: \(label)")
      #expect(!r.signalled && (r.status == 0 || r.status == 1), "run exit \(r.status): \(label)\n\(r.stderr)")
      if r.status == 0 {
        #expect(FileManager.default.fileExists(atPath: out + "/metadata.json"), "\(label)")
      } else {
        // The shortened run can only be refused by admission, before it starts, leaving nothing.
        #expect(r.stderr.contains("the run needs about") || r.stderr.contains("the run implies about"), "\(label)")
        #expect(!FileManager.default.fileExists(atPath: out), "half-written results: \(label)")
      }
    }
    #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
  }
}
