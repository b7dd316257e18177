// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneInfoImportDriftTests {
  static func dump() throws -> ZoneInfoImport { try ZoneInfoImport(path: Fixtures.path("local-6.18.zoneinfo")) }

  static func pinned() -> SysctlVM {
    var s = SysctlVM()
    s.minFreeKbytes = 67584
    return s
  }

  @Test func theReferenceDumpHasNoDrift() throws {
    #expect(try Self.dump().driftNotes(against: referenceSetup()).isEmpty)
  }

  @Test func boostIsTakenOutOfTheDumpedWatermarks() throws {
    var dump = try Self.dump()
    dump.zones[2].boost = 300
    dump.zones[2].min += 300
    dump.zones[2].low += 300
    dump.zones[2].high += 300
    #expect(dump.driftNotes(against: try referenceSetup()).isEmpty)
  }

  @Test func aWatermarkNoOneZoneExplainsIsNamedWithTheComputedOnes() throws {
    var dump = try Self.dump()
    let setup = try referenceSetup(Self.pinned())
    let z = dump.zones[1]
    dump.zones[1].min += 1
    let w = setup.zones[0][1].watermarks
    #expect([w.min, w.low, w.high] == [z.min, z.low, z.high])
    let notes = dump.driftNotes(against: setup)
    #expect(
      notes == [
        "note: Node 0, zone DMA32: the dump's min/low/high \(z.min + 1)/\(z.low)/\(z.high) differ from "
          + "\(z.min)/\(z.low)/\(z.high) computed from its managed pages (772808); "
          + "the kernel does not recompute watermarks when managed pages change after boot",
        "note: no single zone's managed count at the last recompute reproduces the dumped watermarks "
          + "with min_free_kbytes 67584; pass the machine's own with --set vm.min_free_kbytes=N",
      ])
  }

  @Test func aZoneWhoseManagedCountChangedIsFound() throws {
    let dump = try Self.dump()
    var machine = try dump.machine(cpusPerNode: [2])
    machine.nodes[0].zones[1].managed -= Pages(1000)
    let setup = KernelSetup.setUp(machine, kernel: .v6_18, sysctl: Self.pinned())
    let notes = dump.driftNotes(against: setup)
    let prefix = "note: every dumped min/low/high is reproduced if Node 0, zone DMA32 had "
    let explanations = notes.filter { $0.hasPrefix("note: every dumped") }
    // A smaller Normal zone changes the lowmem total the same way, so it explains the dump too.
    #expect(explanations.count == 2, "\(explanations)")
    #expect(explanations.last?.contains("Node 0, zone Normal had ") == true)
    #expect(explanations.last?.contains(" managed pages lower at the last watermark recompute") == true)
    let explanation = try #require(explanations.first)
    #expect(explanation.hasPrefix(prefix))
    #expect(
      explanation.hasSuffix(
        " managed pages higher at the last watermark recompute (min_free_kbytes 67584, watermark_scale_factor 10)"))
    let range = explanation.dropFirst(prefix.count).prefix { $0 != " " }.split(separator: "-").compactMap { Int($0) }
    let bounds = try #require(range.count == 2 ? range : range.count == 1 ? [range[0], range[0]] : nil)
    #expect(bounds[0] <= 1000 && 1000 <= bounds[1], "\(explanation)")
    #expect(notes.contains { $0.hasPrefix("note: Node 0, zone DMA32: the dump's min/low/high") })
  }

  @Test func aDifferentProtectionIsReported() throws {
    var dump = try Self.dump()
    dump.zones[1].protection = [0, 0, 1, 1, 1]
    #expect(
      dump.driftNotes(against: try referenceSetup()) == [
        "note: Node 0, zone DMA32: the dump's protection (0, 0, 1, 1, 1) differs from (0, 0, 1152, 1152, 1152) "
          + "computed from the managed pages"
      ])
    dump.zones[1].protection = []
    #expect(dump.driftNotes(against: try referenceSetup()).isEmpty)
  }

  @Test func aDifferentPagesetIsReportedWithTheFloatingHighNames() throws {
    var dump = try Self.dump()
    let setup = try referenceSetup()
    let pcp = setup.zones[0][1].pcp
    dump.zones[1].pcpBatch = pcp.batch + 1
    #expect(
      dump.driftNotes(against: setup) == [
        "note: Node 0, zone DMA32: the dump's pageset batch \(pcp.batch + 1) high_min \(pcp.highMin) "
          + "high_max \(pcp.highMax) differs from batch \(pcp.batch) high_min \(pcp.highMin) high_max \(pcp.highMax)"
      ])
  }

  @Test func aPagesetWithoutBatchOrPresentPagesIsNotCompared() throws {
    var dump = try Self.dump()
    dump.zones[1].pcpBatch = nil
    dump.zones[1].pcpHighMin = 1
    #expect(dump.driftNotes(against: try referenceSetup()).isEmpty)
  }

  @Test func zonesTheModelDoesNotHaveAreSkipped() throws {
    var dump = try Self.dump()
    dump.zones[1].min += 5
    dump.zones[1].node = 3
    #expect(dump.driftNotes(against: try referenceSetup()).isEmpty)
    var renamed = try Self.dump()
    renamed.zones[1].min += 5
    renamed.zones[1].name = "HighMem"
    #expect(renamed.driftNotes(against: try referenceSetup()).isEmpty)
  }
}
