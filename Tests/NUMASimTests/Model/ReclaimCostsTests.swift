// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ReclaimCostsTests {
  @Test func defaultsAreTheDocumentedDistributions() {
    let c = ReclaimCosts()
    #expect(c.scanMicroseconds == .constant(0.1))
    #expect(c.cleanFileMicroseconds == .constant(0.25))
    #expect(c.freePageNanoseconds == .constant(12))
    #expect(c.unmapMicroseconds == .constant(0.5))
    #expect(c.writebackMicroseconds == .constant(20))
    #expect(c.writebackMilliseconds == .lognormal(mu: 1.609_437_9, sigma: 0.5))
    #expect(c.swapOutMicroseconds == .constant(30))
    #expect(c.throttleMilliseconds == .uniform(low: 1, high: 100))
    #expect(c.allocNanoseconds == .constant(150))
    #expect(c.accessJitterNanoseconds == .normal(mean: 0, sd: 5))
  }

  @Test func keysAreUniqueAndInConfigOrder() {
    let names = ReclaimCosts.keys.map(\.0)
    #expect(
      names == [
        "scan_us", "clean_file_us", "unmap_us", "writeback_us", "writeback_ms", "swap_out_us", "throttle_ms",
        "alloc_ns", "access_jitter_ns", "free_page_ns",
      ])
    #expect(Set(names).count == names.count)
  }

  @Test func eachKeySetsItsOwnProperty() {
    for (i, entry) in ReclaimCosts.keys.enumerated() {
      var c = ReclaimCosts()
      c[keyPath: entry.1] = .constant(Double(1000 + i))
      for (j, other) in ReclaimCosts.keys.enumerated() where j != i {
        #expect(c[keyPath: other.1] == ReclaimCosts()[keyPath: other.1], "\(entry.0) changed \(other.0)")
      }
      #expect(c[keyPath: entry.1] == .constant(Double(1000 + i)))
    }
  }
}
