// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct InputFileTests {
  func message(_ path: String) -> String {
    do {
      _ = try InputFile.read(path, what: "the config")
      return ""
    } catch {
      return error.description
    }
  }

  @Test func readsTextAndSaysPlainlyWhyItCannot() throws {
    let dir = URL(fileURLWithPath: try Fixtures.temporaryFolder("input"))
    let good = dir.appendingPathComponent("a.yaml")
    try "seed: 1\n".write(to: good, atomically: true, encoding: .utf8)
    #expect(try InputFile.read(good.path, what: "the config") == "seed: 1\n")
    #expect(
      message(dir.appendingPathComponent("missing.yaml").path).hasSuffix(
        "missing.yaml: cannot read the config: no such file"))
    #expect(message(dir.path) == "\(dir.path): cannot read the config: it is a folder")
    let binary = dir.appendingPathComponent("b.yaml")
    try Data([0xff, 0xfe, 0xc3, 0x28]).write(to: binary)
    #expect(message(binary.path) == "\(binary.path): cannot read the config: it is not UTF-8 text")
  }
}
