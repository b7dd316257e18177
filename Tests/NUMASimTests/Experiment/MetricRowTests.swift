// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MetricRowTests {
  @Test func literalKeepsTheWrittenOrder() {
    let row: MetricRow = ["pgscan_kswapd": .int(1234), "latency_ns": .double(107.5), "note": .text("x")]
    #expect(row.columns.map(\.name) == ["pgscan_kswapd", "latency_ns", "note"])
    #expect(row.columns.map(\.value) == [.int(1234), .double(107.5), .text("x")])
  }

  @Test func appendAddsAtTheEnd() {
    var row = MetricRow()
    #expect(row.columns.isEmpty)
    row.append("b", .int(2))
    row.append("a", .missing)
    #expect(row.columns == [MetricRow.Column(name: "b", value: .int(2)), MetricRow.Column(name: "a", value: .missing)])
  }

  @Test func subscriptFindsTheFirstColumnOfThatName() {
    var row = MetricRow([MetricRow.Column(name: "a", value: .int(1))])
    row.append("a", .int(3))
    row.append("m", .missing)
    #expect(row["a"] == .int(1))
    #expect(row["m"] == .missing)
    #expect(row["z"] == nil)
  }

  @Test func equalityDependsOnColumnOrder() {
    let ab: MetricRow = ["a": .int(1), "b": .int(2)]
    let ba: MetricRow = ["b": .int(2), "a": .int(1)]
    #expect(ab != ba)
    #expect(ab == MetricRow([.init(name: "a", value: .int(1)), .init(name: "b", value: .int(2))]))
  }
}
