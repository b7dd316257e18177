// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AccessModelTests {
  @Test func coldPagesAreNeverReferencedAndHotOnesWithoutAnIntervalAlwaysAre() throws {
    var m = Memmap(count: 2)
    m.set(1, .hot)
    let model = AccessModel(referenceInterval: [0], nodes: 1, stream: RandomStream(seed: 1))
    #expect(model.isReferenced(0, owner: 0, node: 0, now: .seconds(1), memmap: m) == false)
    #expect(model.isReferenced(1, owner: 0, node: 0, now: .seconds(1), memmap: m) == true)
    #expect(model.isReferenced(1, owner: nil, node: 0, now: .seconds(1), memmap: m) == true)
  }

  @Test func aHotPageIsReferencedWithProbabilityOneMinusExpOfTheGapOverItsInterval() throws {
    var m = Memmap(count: 1)
    m.set(0, .hot)
    var model = AccessModel(referenceInterval: [0.5], nodes: 1, stream: RandomStream(seed: 7))
    model.scanned(node: 0, at: .seconds(1))
    // Δ = τ = 0.5 s: 1 − e^−1 ≈ 0.632.
    let hits = (0..<20_000).filter { _ in model.isReferenced(0, owner: 0, node: 0, now: .milliseconds(1500), memmap: m)
    }
    #expect(abs(Double(hits.count) / 20_000 - 0.632) < 0.015)
    #expect(model.lastScan == [.seconds(1)])
  }
}
