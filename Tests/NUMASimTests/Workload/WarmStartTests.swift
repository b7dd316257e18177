// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WarmStartTests {
  @Test func splitIsProportionalToRoomWithTheRemainderToTheLargestRooms() throws {
    let zones = [WarmStart.ZoneRoom(zone: 0, room: 100), .init(zone: 1, room: 300), .init(zone: 2, room: 0)]
    #expect(WarmStart.split(400, over: zones) == [100, 300, 0])
    #expect(WarmStart.split(0, over: zones) == [0, 0, 0])
    // 10 · 100/400 = 2.5 → 2, 10 · 300/400 = 7.5 → 7; the page left goes to the larger room.
    #expect(WarmStart.split(10, over: zones) == [2, 8, 0])
    #expect(WarmStart.split(401, over: zones) == nil)
    #expect(WarmStart.split(0, over: []) == [])
  }

  @Test func interleaveKeepsEveryStretchInProportion() {
    var turn = WarmStart.Interleave(targets: [3, 1])
    var order: [Int] = []
    while let i = turn.next() {
      order.append(i)
      turn.took(1, from: i)
    }
    #expect(order == [0, 1, 0, 0])
    var big = WarmStart.Interleave(targets: [3000, 1000])
    var counts = [0, 0]
    for step in 1...4000 {
      guard let i = big.next() else { break }
      counts[i] += 1
      big.took(1, from: i)
      // After any number of steps each zone is within one page of its share.
      if step % 97 == 0 { #expect(abs(counts[0] * 1000 - counts[1] * 3000) <= 3000) }
    }
    #expect(counts == [3000, 1000] && big.next() == nil)
  }

  @Test func anExhaustedZoneStopsAtWhatItGave() {
    var turn = WarmStart.Interleave(targets: [2, 2])
    turn.took(1, from: 0)
    turn.exhausted(0)
    #expect(turn.next() == 1)
    turn.took(2, from: 1)
    #expect(turn.next() == nil)
  }
}
