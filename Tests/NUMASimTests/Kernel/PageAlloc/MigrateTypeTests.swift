// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MigrateTypeTests {
  @Test func rawValuesFollowTheKernelEnum() {
    #expect(MigrateType.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5])
    #expect(MigrateType.pcpTypes == 3)
    #expect(MigrateType.highatomic.rawValue == UInt8(MigrateType.pcpTypes))
    #expect(MigrateType.modelled == 4)
  }

  @Test func kernelNamesMatchPagetypeinfo() {
    #expect(
      MigrateType.allCases.map(\.kernelName) == ["Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate"])
  }

  @Test func fallbacksMatchTheKernelTable() {
    #expect(MigrateType.unmovable.fallbacks == [.reclaimable, .movable])
    #expect(MigrateType.movable.fallbacks == [.reclaimable, .unmovable])
    #expect(MigrateType.reclaimable.fallbacks == [.unmovable, .movable])
    for t: MigrateType in [.highatomic, .cma, .isolate] { #expect(t.fallbacks.isEmpty) }
  }

  @Test func fallbacksNeverIncludeTheTypeItselfAndStayWithinPCPTypes() {
    for t in MigrateType.allCases where Int(t.rawValue) < MigrateType.pcpTypes {
      #expect(!t.fallbacks.contains(t))
      #expect(t.fallbacks.count == MigrateType.pcpTypes - 1)
      for f in t.fallbacks { #expect(Int(f.rawValue) < MigrateType.pcpTypes) }
    }
  }
}
