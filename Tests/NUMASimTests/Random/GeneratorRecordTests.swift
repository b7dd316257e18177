// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite("GeneratorRecord")
struct GeneratorRecordTests {
  @Test("the record round-trips through JSON for run metadata")
  func codableRoundTrip() throws {
    let record = GeneratorRecord(
      generatorName: "taus2", seed: 18_446_744_073_709_551_615, source: .environment)
    let data = try JSONEncoder().encode(record)
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains("\"source\":\"environment\""))
    #expect(try JSONDecoder().decode(GeneratorRecord.self, from: data) == record)
  }

  @Test("the description names generator, seed and source")
  func description() {
    let record = GeneratorRecord(generatorName: "mt19937", seed: 42, source: .explicit)
    #expect(record.description == "mt19937 seed=42 (explicit)")
  }
}
