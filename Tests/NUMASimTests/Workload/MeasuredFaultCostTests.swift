// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct MeasuredFaultCostTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Validation/fixtures/fault-latency-vm-6.18.csv")

  @Test func theDefaultFaultCostIsTheCommittedMeasurementUpToOneMillisecond() throws {
    let text = try String(contentsOf: Self.fixture, encoding: .utf8)
    let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
      .filter { $0[1] <= 1_048_576 }
    #expect(rows.count > 60)
    // Every measured bucket is in the table with its count; the gaps between buckets are empty.
    let edges = MeasuredFaultCost.edgesNanoseconds
    let weights = MeasuredFaultCost.faults
    #expect(edges.count == weights.count + 1)
    for row in rows {
      let i = try #require(edges.firstIndex(of: row[0]))
      #expect(edges[i + 1] == row[1] && weights[i] == row[2])
    }
    #expect(weights.reduce(0, +) == rows.reduce(0) { $0 + $1[2] })
    let h = MeasuredFaultCost.histogram
    #expect(h.edges.first == 1.024 && h.edges.last == 655.36)
    // Median 1.4 µs, mean 2.0 µs, as the README and the config docs say.
    let mean = try #require(h.mean)
    #expect(abs(mean - 1.98) < 0.01)
  }
}
