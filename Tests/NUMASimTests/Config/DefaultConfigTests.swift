// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct DefaultConfigTests {
  static var path: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Configs/default.yaml").path
  }

  @Test func configsDefaultYAMLIsTheBuiltInDefault() throws {
    let file = try SimulationConfig.load(path: Self.path)
    let builtIn = SimulationConfig.default
    #expect(file.name == builtIn.name)
    #expect(file.kernel == builtIn.kernel)
    let a = KernelSetup.setUp(try file.machine.build(file: file.file), kernel: file.kernel, sysctl: file.sysctl)
    let b = KernelSetup.setUp(
      try builtIn.machine.build(file: "<built-in>"), kernel: builtIn.kernel, sysctl: builtIn.sysctl)
    #expect(ZoneInfoReport.render(.boot(a)) == ZoneInfoReport.render(.boot(b)))
    #expect(NumactlReport.render(a) == NumactlReport.render(b))
    #expect(SysctlReport.render(a) == SysctlReport.render(b))
    #expect(file.workload == WorkloadConfig.default(for: a.machine))
    #expect(file.duration == builtIn.duration && file.warmup == builtIn.warmup && file.seed == builtIn.seed)
    #expect(file.sampleInterval == builtIn.sampleInterval)
  }

  @Test func theBuiltInTextIsConfigsDefaultYAMLByteForByte() throws {
    let file = try String(contentsOfFile: Self.path, encoding: .utf8)
    #expect(file == SimulationConfig.defaultYAML)
  }

  @Test func theBuiltInConfigLeavesTheWorkloadToTheMachineUnlessOneIsSet() throws {
    let plain = try SimulationConfig.builtIn()
    #expect(plain.name == "default" && plain.file == "<built-in>")
    #expect(plain.workload == nil && plain.document != nil)
    let a = try plain.setUp()
    let b = try SimulationConfig.default.setUp()
    #expect(ZoneInfoReport.render(.boot(a)) == ZoneInfoReport.render(.boot(b)))
    let set = try SimulationConfig.builtIn(overrides: [ConfigOverride(path: "workload[0].arrival.poisson", value: "5")])
    #expect(set.workload?.groups.count == 4)
    #expect(set.workload?.groups[0].arrival == .poisson(ratePerSecond: 5))
  }
}
