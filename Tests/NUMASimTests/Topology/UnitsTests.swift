// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct UnitsTests {
  @Test func pagesAreFourKiB() {
    #expect(Pages.size == 4096)
    #expect(Pages.shift == 12)
    #expect(Pages.zero.count == 0)
  }

  @Test(arguments: [(0, 0), (4095, 0), (4096, 1), (8191, 1), (1 << 30, 262_144)])
  func bytesRoundDownToWholePages(bytes: Int, pages: Int) {
    #expect(Pages(bytes: bytes).count == pages)
  }

  @Test func pagesConvertToBytesAndKilobytes() {
    #expect(Pages(3).bytes == 12288)
    #expect(Pages(3).kilobytes == Kilobytes(12))
    #expect(Pages(0).kilobytes == Kilobytes(0))
  }

  @Test(arguments: [(0, 0), (3, 0), (4, 1), (4095, 1023), (67584, 16896)])
  func kilobytesRoundDownToWholePages(kilobytes: Int, pages: Int) {
    #expect(Kilobytes(kilobytes).pages == Pages(pages))
  }

  @Test func kilobytesConvertToBytes() {
    #expect(Kilobytes(5).bytes == 5120)
  }

  @Test func pagesAddSubtractAndCompare() {
    var p = Pages(10)
    p += Pages(5)
    #expect(p == Pages(15))
    p -= Pages(20)
    #expect(p == Pages(-5))
    #expect(Pages(7) + Pages(8) == Pages(15))
    #expect(Pages(7) - Pages(8) == Pages(-1))
    #expect(Pages(1) < Pages(2))
    #expect(!(Pages(2) < Pages(2)))
    #expect([Pages(3), Pages(1), Pages(2)].max() == Pages(3))
    #expect(Kilobytes(1) < Kilobytes(2))
  }

  @Test func describeAsPlainCounts() {
    #expect(Pages(772_808).description == "772808")
    #expect(Kilobytes(-4).description == "-4")
  }

  @Test func byteSizesAreBinary() {
    #expect(ByteSize.kib == 1024)
    #expect(ByteSize.mib == 1_048_576)
    #expect(ByteSize.gib == 1_073_741_824)
  }
}

@Suite struct ByteSizeDescribeTests {
  @Test func sizesReadAsPeopleWriteThem() {
    #expect(ByteSize.describe(512) == "512 B")
    #expect(ByteSize.describe(512 * ByteSize.mib) == "512 MiB")
    #expect(ByteSize.describe(3 * ByteSize.gib / 2) == "1.50 GiB")
    #expect(ByteSize.describe(MachineLimits.bytes) == "16.0 TiB")
    #expect(ByteSize.describe(155 * ByteSize.mib + 1) == "155 MiB")
    #expect(ByteSize.formatted(0.005, decimals: 2) == "0.01")
    #expect(ByteSize.formatted(1e300, decimals: 1) == "1e+300")
  }
}
