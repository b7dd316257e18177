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
}
