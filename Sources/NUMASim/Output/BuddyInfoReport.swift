// SPDX-License-Identifier: MIT

/// Renders `/proc/buddyinfo`: free blocks per order, per populated zone.
///
/// Mirrors: `frag_show_print()` in mm/vmstat.c (Linux 6.18).
public enum BuddyInfoReport {
  public static func render(_ a: borrowing PageAllocator) -> String {
    var out = ""
    for zone in a.zones.elements where zone.isPopulated {
      out += "Node \(zone.id.node.index), zone \(ZoneInfoReport.pad(zone.type.kernelName, 8)) "
      for order in 0..<Buddy.orderCount {
        out += ZoneInfoReport.pad(String(a.nrFree[zone.flatIndex * Buddy.orderCount + order]), 6) + " "
      }
      out += "\n"
    }
    return out
  }
}

/// Renders `/proc/pagetypeinfo`: free blocks per order and migratetype, and pageblocks per type.
///
/// Mirrors: `pagetypeinfo_show()`, `pagetypeinfo_showfree_print()` and
/// `pagetypeinfo_showblockcount_print()` in mm/vmstat.c (Linux 6.18), with CMA and Isolate
/// columns as Debian's kernels print them.
public enum PageTypeInfoReport {
  public static func render(_ a: borrowing PageAllocator) -> String {
    var out = ""
    let types = MigrateType.allCases
    for node in 0..<a.nodeCount where a.nodeHasMemory(node) {
      let zones = a.zones.elements.filter { $0.id.node.index == node && $0.isPopulated }
      out += "Page block order: \(Buddy.pageblockOrder)\nPages per block:  \(Buddy.pageblockPages)\n\n"
      out += ZoneInfoReport.padRight("Free pages count per migrate type at order", 43) + " "
      for order in 0..<Buddy.orderCount { out += ZoneInfoReport.pad(String(order), 6) + " " }
      out += "\n"
      for zone in zones {
        for mt in types {
          out +=
            "Node \(ZoneInfoReport.pad(String(node), 4)), zone \(ZoneInfoReport.pad(zone.type.kernelName, 8)), type "
          out += ZoneInfoReport.pad(mt.kernelName, 12) + " "
          for order in 0..<Buddy.orderCount {
            let count =
              Int(mt.rawValue) < MigrateType.modelled
              ? Int(a.freeLists[a.freeListIndex(zone: zone.flatIndex, order: order, mt: Int(mt.rawValue))].count) : 0
            out +=
              (count >= 100_000 ? ">" + ZoneInfoReport.pad("99999", 6) : ZoneInfoReport.pad(String(count), 6)) + " "
          }
          out += "\n"
        }
      }
      out += "\n" + ZoneInfoReport.padRight("Number of blocks type ", 23)
      for mt in types { out += ZoneInfoReport.pad(mt.kernelName, 12) + " " }
      out += "\n"
      for zone in zones {
        var count = Array(repeating: 0, count: types.count)
        var pfn = zone.startPFN
        while pfn < zone.startPFN + zone.spanned {
          if !a.memmap.has(zone.page(pfn: pfn), .hole) {
            count[Int(a.pageblockType[zone.pageblock(pfn: pfn)])] += 1
          }
          pfn = (pfn & ~(Buddy.pageblockPages - 1)) + Buddy.pageblockPages
        }
        out += "Node \(node), zone \(ZoneInfoReport.pad(zone.type.kernelName, 8)) "
        out += count.map { ZoneInfoReport.pad(String($0), 12) + " " }.joined() + "\n"
      }
    }
    return out
  }
}
