// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigReaderTests {
  @Test(arguments: [("16GiB", 16 << 30), ("512M", 512 << 20), ("4096", 4096), ("1.5G", 3 << 29), ("64 KiB", 64 << 10)])
  func parsesSizes(text: String, bytes: Int) {
    #expect(ConfigReader.parseSize(text) == bytes)
  }

  @Test(arguments: ["", "-1G", "12X", "1e99G", "GiB"])
  func rejectsSizes(text: String) {
    #expect(ConfigReader.parseSize(text) == nil)
  }

  @Test func collectsErrorsWithPositions() throws {
    let v = try ConfigValue.parse(yaml: "a: 1\nb: x\n", file: "f.yaml")
    var r = ConfigReader(file: "f.yaml")
    let map = r.mapping(v, "", allowed: ["a", "b"])
    #expect(r.int(try #require(map?["a"]), "a") == 1)
    #expect(r.int(try #require(map?["b"]), "b") == nil)
    #expect(r.errors.map(\.description) == ["f.yaml:2:4: b: expected an integer, found 'x'"])
  }
}
