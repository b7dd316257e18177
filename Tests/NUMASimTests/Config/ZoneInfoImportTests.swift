// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneInfoImportTests {
  @Test func readsTheReferenceDump() throws {
    let dump = try ZoneInfoImport(path: Fixtures.path("local-6.18.zoneinfo"))
    #expect(dump.zones.map(\.name) == ["DMA", "DMA32", "Normal", "Movable", "Device"])
    #expect(dump.onlineCPUs == 2)
    let dma32 = dump.zones[1]
    #expect([dma32.spanned, dma32.present, dma32.managed, dma32.startPFN] == [1_044_480, 782_336, 772_808, 4096])
    #expect(dma32.protection == [0, 0, 1152, 1152, 1152])
    #expect(dma32.pcpHigh == [7615, 7615])
    #expect(dump.architecture == .x86_64)
  }

  /// Every public dump parses and builds a machine.
  @Test(arguments: [
    "zoneinfo-rhel8-4.18.0-80-coreos-sosreport-2cpu.txt", "zoneinfo-issabel-centos-5zones.txt",
    "zoneinfo-csci442-proc-snapshot-3zones.txt", "zoneinfo-centos-stream9-5.14.0-325-1cpu.txt",
    "zoneinfo-android-3.4.5-highmem-32bit.txt", "zoneinfo-D2000-repo-old-arm-1zone.txt",
  ])
  func importsPublicDumps(file: String) throws {
    let dump = try ZoneInfoImport(path: Fixtures.path(file))
    let machine = try dump.machine()
    #expect(machine.nodes.first?.hasMemory == true)
  }

  @Test func centOSStream9ReproducesTheFivePercentCapAndExplainsTheDrift() throws {
    let dump = try ZoneInfoImport(path: Fixtures.path("zoneinfo-centos-stream9-5.14.0-325-1cpu.txt"))
    let setup = KernelSetup.setUp(try dump.machine(), kernel: KernelVersion(5, 14))
    // The protection lines do not depend on the drift.
    for z in dump.zones where !z.protection.isEmpty {
      let type = try #require(ZoneType(kernelName: z.name))
      let idx = try #require(Architecture.x86_64.zoneIndex(of: type))
      #expect(setup.zones[z.node][idx].lowmemReserve == z.protection, "\(z.name)")
    }
    var s = SysctlVM()
    s.minFreeKbytes = 34548
    let pinned = KernelSetup.setUp(try dump.machine(), kernel: KernelVersion(5, 14), sysctl: s)
    let notes = dump.driftNotes(against: pinned)
    #expect(notes.contains { $0.contains("differ from") })
    // DMA32 22930-23843 pages lower at the last recompute reproduces every zone.
    #expect(
      notes.contains { $0.contains("zone DMA32 had 22930-23843 managed pages lower at the last watermark recompute") })
  }

  @Test func rhel8DumpIsReproducedWithALowerDMA32AtRecompute() throws {
    let dump = try ZoneInfoImport(path: Fixtures.path("zoneinfo-rhel8-4.18.0-80-coreos-sosreport-2cpu.txt"))
    var s = SysctlVM()
    s.minFreeKbytes = 67584
    let setup = KernelSetup.setUp(try dump.machine(), kernel: KernelVersion(4, 18), sysctl: s)
    let notes = dump.driftNotes(against: setup)
    #expect(notes.contains { $0.contains("Node 0, zone DMA32") && $0.contains("13709-13907") })
  }

  @Test func android32BitHighMemDumpIsExact() throws {
    let dump = try ZoneInfoImport(path: Fixtures.path("zoneinfo-android-3.4.5-highmem-32bit.txt"))
    #expect(dump.architecture == .arm)
    var s = SysctlVM()
    s.transparentHugepage = .never  // 3.4 Android kernels had no THP
    let setup = KernelSetup.setUp(try dump.machine(), kernel: KernelVersion.oldestSupported, sysctl: s)
    #expect(setup.minFreeKbytes == 2787)
    let notes = dump.driftNotes(against: setup).filter { $0.contains("min/low/high") }
    #expect(notes.isEmpty)
  }

  @Test(arguments: [
    ("", "no 'Node N, zone NAME'"),
    ("hello world\n", "expected 'Node N, zone NAME' before"),
    ("Node x, zone DMA\n", "expected 'Node N, zone NAME'"),
    ("Node 0, zone DMA\n  pages free lots\n", "expected a number after 'pages free'"),
    ("Node 0, zone Weird\n  pages free 1\n  spanned 1\n  present 1\n  managed 1\n", "zone 'Weird' is not a zone"),
  ])
  func malformedInputNamesTheLine(text: String, fragment: String) {
    #expect {
      let dump = try ZoneInfoImport(text: text, file: "z.txt")
      _ = try dump.machine()
    } throws: { error in
      "\(error)".hasPrefix("z.txt:") && "\(error)".contains(fragment)
    }
  }

  @Test func missingFileIsAnError() {
    #expect(throws: InputError.self) { try ZoneInfoImport(path: "/nonexistent/zoneinfo") }
  }

  @Test func windowsAndOldMacLineEndingsReadTheSame() throws {
    let text =
      "Node 0, zone   Normal\n  pages free     100\n        spanned  4096\n        present  4096\n        managed  4000\n"
    let lf = try ZoneInfoImport(text: text, file: "z")
    #expect(try ZoneInfoImport(text: text.replacingOccurrences(of: "\n", with: "\r\n"), file: "z").zones == lf.zones)
    #expect(try ZoneInfoImport(text: text.replacingOccurrences(of: "\n", with: "\r"), file: "z").zones == lf.zones)
    #expect(lf.zones.first?.managed == 4000)
  }

  @Test func aNodeBeyondMaxNumNodesIsRefusedAtItsLine() {
    #expect {
      try ZoneInfoImport(text: "Node 0, zone DMA\n  spanned 1\nNode 1000000, zone Normal\n", file: "z")
    } throws: { error in
      "\(error)" == "z:3:6: Node: node 1000000 is beyond MAX_NUMNODES (1024)"
    }
  }

  @Test func aBadValueIsPlacedAtItsColumnAndAnOutOfRangeOneRefused() {
    #expect {
      try ZoneInfoImport(text: "Node 0, zone DMA\n        spanned  lots\n", file: "z")
    } throws: { error in
      "\(error)" == "z:2:18: spanned: expected a number after 'spanned', found 'lots'"
    }
    #expect {
      try ZoneInfoImport(text: "Node 0, zone DMA\n        spanned  99999999999999\n", file: "z")
    } throws: { error in
      "\(error)".hasPrefix("z:2:18: spanned: 99999999999999 is out of range")
    }
  }
}

@Suite struct ZoneInfoPasteTests {
  static let zone = """
    Node 0, zone   Normal
      pages free     100
            min      10
            low      12
            high     14
            spanned  4096
            present  4096
            managed  4000
    """

  @Test func promptsCommentsAndGrepSeparatorsAreSkipped() throws {
    let clean = try ZoneInfoImport(text: Self.zone, file: "z")
    let pasted = "$ cat /proc/zoneinfo\n# from db1, 2026-11-30\n" + Self.zone + "\n--\nuser@db1:~$ \n"
    let read = try ZoneInfoImport(text: pasted, file: "z")
    #expect(read.zones.map(\.managed) == clean.zones.map(\.managed))
    #expect(read.zones.first?.line == 3)  // line numbers are the paste's own
    #expect(read.missingSizeNotes.isEmpty)
  }

  @Test func aZoneCutShortTakesWhatIsThereAndSaysWhatIsMissing() throws {
    let cut =
      "Node 0, zone DMA\n  per-node stats\n      nr_inactive_anon 5\n--\n"
      + Self.zone
      .replacingOccurrences(of: "        managed  4000\n", with: "").replacingOccurrences(of: "managed  4000", with: "")
    let read = try ZoneInfoImport(text: cut, file: "z")
    #expect(read.zones.count == 2)
    #expect(read.zones[1].managed == 4096 && read.zones[1].spanned == 4096)
    #expect(
      read.missingSizeNotes == [
        "note: z:1: Node 0, zone DMA: the dump gives no spanned, present or managed (cut short?); the zone is taken as empty",
        "note: z:5: Node 0, zone Normal: the dump gives no managed (cut short?); taken as spanned 4096, present 4096, managed 4096",
      ])
  }

  @Test func realMalformationIsStillAnErrorAtItsLine() {
    #expect {
      try ZoneInfoImport(text: "$ cat /proc/zoneinfo\nhello\n" + Self.zone, file: "z")
    } throws: { error in
      "\(error)".hasPrefix("z:2:1: expected 'Node N, zone NAME' before 'hello'")
    }
  }
}

@Suite struct PastedTextTests {
  @Test(arguments: [
    "$ numactl -H", "# cat /proc/zoneinfo", "$ sudo numactl -H", "user@host:~$ numactl -H", "[root@db1 ~]# cat x",
    "root@db1:/tmp# ", "host% numactl -H", "--", "  # a comment", ">",
  ])
  func noise(line: String) { #expect(PastedText.isNoise(Substring(line))) }

  @Test(arguments: [
    "Node 0, zone DMA", "  pages free 12", "node 0 cpus: 0 1", "  0:  10  21", "available: 2 nodes (0-1)",
    "node distances:", "        protection: (0, 1, 2)", "-- x", "a>b",
  ])
  func dumpLines(line: String) { #expect(!PastedText.isNoise(Substring(line))) }
}
