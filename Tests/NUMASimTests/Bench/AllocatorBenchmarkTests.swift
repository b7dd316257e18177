// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AllocatorBenchmarkTests {
  @Test(arguments: AllocatorBenchmark.Path.allCases)
  func aRunIsRepeatableAndReportsItsPairs(path: AllocatorBenchmark.Path) throws {
    let a = try AllocatorBenchmark(path: path, pairs: 2_000).run()
    let b = try AllocatorBenchmark(path: path, pairs: 2_000).run()
    func checksum(_ line: String) -> Substring? { line.split(separator: " ").first { $0.hasPrefix("checksum=") } }
    #expect(a.hasPrefix("RESULT bench=allocator path=\(path.rawValue)"))
    #expect(a.contains(" pairs=2000 "))
    #expect(checksum(a) != nil && checksum(a) == checksum(b))
  }
}
