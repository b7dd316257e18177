// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct MachineRequestTests {
  func resolve(_ assignments: [String], config: String? = nil, cpusPerNode: [Int]? = nil) throws(InputErrors)
    -> MachineRequest.Result
  {
    var request = MachineRequest()
    request.assignments = assignments
    request.configPath = config
    request.cpusPerNode = cpusPerNode
    return try request.resolve()
  }

  func errors(_ assignments: [String]) -> [String] {
    do {
      _ = try resolve(assignments)
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  @Test func setReachesAnyKeyOfTheBuiltInConfig() throws {
    let r = try resolve(["duration=3s", "machine.nodes[1].memory=8GiB", "seed=9"])
    #expect(r.config.duration == .seconds(3) && r.config.seed == 9)
    // Node 1 holds only ZONE_NORMAL: 8 GiB of 4 KiB pages.
    #expect(r.setup.machine.nodes[1].presentPages == Pages(2_097_152))
    #expect(r.config.workload?.groups.map(\.name) == ["app-heap", "page-cache", "io-bursts", "slab"])
  }

  @Test func aReplacedMachineRereadsTheWorkload() throws {
    // The built-in workload follows the new machine's CPUs.
    let r = try resolve([], cpusPerNode: [3])
    #expect(r.config.workload?.groups[0].cpus.map(\.index) == Array(0..<6))
    #expect(r.config.workload?.groups[2].cpus.map(\.index) == [3, 4, 5])
  }

  @Test func aWorkloadPinnedToCPUsTheNewMachineLacksIsAnErrorNamingTheOption() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pinned-\(getpid()).yaml").path
    try """
    machine: {nodes: [{memory: 1GiB, cpus: 4}, {memory: 1GiB, cpus: 4}]}
    workload:
      - {name: pinned, cpus: [7], arrival: {poisson: 10}, kind: anon}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try resolve([], config: path).config.workload?.groups[0].cpus == [CPUID(7)])
    do {
      _ = try resolve([], config: path, cpusPerNode: [3])
      Issue.record("CPU 7 of a 6-CPU machine was accepted")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors[0].file == path && error.errors[0].keyPath == "workload[0].cpus[0]")
      #expect(error.errors[0].line == 3)
      #expect(error.errors[0].message.hasSuffix("(with the machine --cpus-per-node gives)"))
    }
  }

  @Test func aSysctlNameAloneIsASysctl() throws {
    let r = try resolve(["vm.min_free_kbytes=90112", "watermark_scale_factor=200", "transparent_hugepage=never"])
    #expect(r.setup.sysctl.minFreeKbytes == 90112)
    #expect(r.setup.sysctl.watermarkScaleFactor == 200)
    #expect(r.setup.sysctl.transparentHugepage == .never)
    #expect(MachineRequest.expandingSysctlShorthand("vm.swappiness=10") == "sysctl.vm.swappiness=10")
    #expect(MachineRequest.expandingSysctlShorthand("duration=1s") == "duration=1s")
  }

  @Test func errorsAboutASettingNameTheCommandLine() {
    #expect(
      errors(["vm.min_free_kbyte=1"]) == [
        "<command line>: --set sysctl.vm.min_free_kbyte=1: unknown sysctl 'vm.min_free_kbyte'; did you mean vm.min_free_kbytes?"
      ])
    #expect(
      errors(["vm.watermark_scale_factor=5000"]) == [
        "<command line>: --set sysctl.vm.watermark_scale_factor=5000: vm.watermark_scale_factor: 5000 is out of range; the kernel accepts 1...3000"
      ])
    #expect(errors(["durration=1s"]) == ["<command line>: --set durration=1s: unknown key; did you mean duration?"])
    #expect(
      errors(["machine.nodes[5].memory=1GiB"]).first?.hasPrefix(
        "<command line>: --set machine.nodes[5].memory: index [5] is out of range") == true)
    #expect(errors(["duration"]) == ["<command line>: --set duration: expected key.path=VALUE"])
  }

  @Test func aSysctlTheModelDoesNotReadGetsANote() throws {
    #expect(try resolve(["vm.swappiness=10"]).notes.isEmpty)
    #expect(
      try resolve(["vm.compaction_proactiveness=0"]).notes == [
        "note: vm.compaction_proactiveness is set but changes nothing: the model does not read it yet"
      ])
  }
}
