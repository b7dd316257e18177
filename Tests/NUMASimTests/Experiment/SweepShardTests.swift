// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepShardTests {
  @Test(arguments: ["0/3", "4/3", "1/0", "1", "a/b", "1/2/3", ""])
  func rejectsMalformedShards(text: String) {
    #expect(throws: ConfigOverrideError.self) { try SweepShard(parsing: text) }
  }

  @Test func shardsPartitionThePoints() throws {
    let shards = try (1...3).map { k throws(ConfigOverrideError) in try SweepShard(parsing: "\(k)/3") }
    for index in 0..<20 { #expect(shards.filter { $0.contains(pointIndex: index) }.count == 1) }
    #expect((0..<7).filter { shards[1].contains(pointIndex: $0) } == [1, 4])
    #expect(shards[2].markerName == "shard-3-of-3.done")
  }
}
