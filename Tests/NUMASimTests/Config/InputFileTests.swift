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
    #expect(message(binary.path) == "\(binary.path):1:1: cannot read the config: it is not UTF-8 text")
    let late = dir.appendingPathComponent("late.yaml")
    try Data(Array("a: 1\nname: caf\u{e9}-".utf8) + [0xE9, 0x0A]).write(to: late)
    #expect(message(late.path) == "\(late.path):2:13: cannot read the config: it is not UTF-8 text")
  }

  @Test func linesSplitAtEveryLineEnding() {
    #expect(InputFile.lines("a\nb\r\nc\rd\n").map(String.init) == ["a", "b", "c", "d"])
    #expect(InputFile.lines("a\n\nb").map(String.init) == ["a", "", "b"])
    #expect(InputFile.lines("").map(String.init) == [""])
  }

  @Test func aDeviceIsNotReadAndALargeFileIsRefused() throws {
    func message(_ path: String, maxBytes: Int = InputFile.maxBytes) -> String {
      do {
        _ = try InputFile.read(path, what: "the config", maxBytes: maxBytes)
        return "read"
      } catch { return error.description }
    }
    #expect(
      message("/dev/zero") == "/dev/zero: cannot read the config: it is not a regular file (a device, pipe or socket)")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let big = dir.appendingPathComponent("big.yaml")
    try Data(repeating: 0x61, count: 2048).write(to: big)
    #expect(
      message(big.path, maxBytes: 1024)
        == "\(big.path): cannot read the config: it is 2 KiB, more than the 1 KiB accepted")
    // A link to a regular file is read.
    let link = dir.appendingPathComponent("link.yaml")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: big)
    #expect(message(link.path) == "read")
  }
}
