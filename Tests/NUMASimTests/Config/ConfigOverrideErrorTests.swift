// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigOverrideErrorTests {
  @Test func descriptionNamesThePath() {
    let error = ConfigOverrideError(path: "machine.nodes[3].memory", message: "no list item 3")
    #expect(error.description == "machine.nodes[3].memory: no list item 3")
  }

  @Test func descriptionWithoutAPathIsTheMessage() {
    #expect(ConfigOverrideError(path: "", message: "empty key path").description == "empty key path")
  }

  @Test func inputErrorIsAboutTheCommandLineSetting() {
    let error = ConfigOverrideError(path: "sysctl.vm.swappiness", message: "expected a mapping").inputError
    #expect(error.file == "<command line>")
    #expect(error.line == nil)
    #expect(error.column == nil)
    #expect(error.keyPath == "--set sysctl.vm.swappiness")
    #expect(error.message == "expected a mapping")
    #expect(error.description == "<command line>: --set sysctl.vm.swappiness: expected a mapping")
  }

  @Test func equalityComparesPathAndMessage() {
    let a = ConfigOverrideError(path: "a", message: "m")
    #expect(a == ConfigOverrideError(path: "a", message: "m"))
    #expect(a != ConfigOverrideError(path: "b", message: "m"))
    #expect(a != ConfigOverrideError(path: "a", message: "n"))
    #expect(Set([a, ConfigOverrideError(path: "a", message: "m")]).count == 1)
  }
}
