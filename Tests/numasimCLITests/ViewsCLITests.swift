// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct ViewsCLITests {
  @Test func zoneinfoFromTheReferenceDumpReproducesItsSetUp() throws {
    let r = try CLIRunner.run([
      "zoneinfo", "--from-zoneinfo", CLIRunner.fixture("local-6.18.zoneinfo"), "--cpus-per-node", "2",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
    #expect(
      r.stdout.contains(
        "Node 0, zone    DMA32\n  pages free     772808\n        boost    0\n        min      12185\n        low      15231\n        high     18277\n        promo    21323"
      ))
    #expect(r.stdout.contains("        protection: (0, 3018, 4170, 4170, 4170)"))
    #expect(
      r.stdout.contains("              batch:    63\n              high_min: 2906\n              high_max: 18432"))
  }

  @Test func zoneinfoOfADriftedDumpSaysSo() throws {
    let r = try CLIRunner.run([
      "zoneinfo", "--from-zoneinfo", CLIRunner.fixture("zoneinfo-rhel8-4.18.0-80-coreos-sosreport-2cpu.txt"),
      "--kernel", "4.18", "--set", "vm.min_free_kbytes=67584",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.contains("note: Node 0, zone DMA32: the dump's min/low/high"))
    #expect(r.stderr.contains("13709-13907 managed pages lower"))
  }

  @Test func numactlShowsFallbackOrder() throws {
    let cfg = try CLIRunner.temporaryFile(
      """
      machine:
        nodes: 4
        memory_per_node: 1GiB
        cpus_per_node: 1
      """)
    let r = try CLIRunner.run(["numactl", cfg])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("available: 4 nodes (0-3)\nnode 0 cpus: 0\n"))
    for line in [
      "Fallback order for Node 0: 0 1 2 3 ", "Fallback order for Node 1: 1 2 3 0 ",
      "Fallback order for Node 2: 2 3 0 1 ", "Fallback order for Node 3: 3 0 1 2 ",
    ] {
      #expect(r.stdout.contains(line + "\n"))
    }
  }

  @Test func sysctlPrintsEffectiveValuesWithOverrides() throws {
    let r = try CLIRunner.run([
      "sysctl", "--set", "vm.watermark_scale_factor=200", "--set", "transparent_hugepage=never",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("vm.watermark_scale_factor = 200\n"))
    #expect(r.stdout.contains("vm.lowmem_reserve_ratio = 256\t256\t32\t0\t0\n"))
    #expect(r.stdout.contains("[never]"))
  }

  @Test func theDefaultRunNeedsNoArguments() throws {
    // A short slice of the default scenario, in a scratch folder: its results go to
    // Results/default/ under the working folder, never into the package's own Results/.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-default-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let r = try CLIRunner.run(["--duration", "50ms", "--warmup", "50ms"], in: folder)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("numasim run 'default'"))
    #expect(r.stdout.contains("direct reclaim"))
    #expect(r.stdout.contains("\nresults: Results/default/\n"))
    #expect(r.stdout.hasSuffix("numasim plot Results/default   (this run's pictures; or run with --plot)\n"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Results/default/summary.csv").path))
    let bad = try CLIRunner.run(["run", "--duration", "soon"])
    #expect(bad.status == 1 && bad.stderr.contains("--duration: 'soon' is not a duration"))
  }

  @Test func versionAndHelp() throws {
    let v = try CLIRunner.run(["--version"])
    #expect(v.status == 0 && v.stdout.hasPrefix("0."))
    let h = try CLIRunner.run(["zoneinfo", "--help"])
    #expect(h.status == 0 && h.stdout.contains("--from-zoneinfo"))
  }
}
