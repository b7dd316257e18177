// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

/// Options that age the allocator before a view is printed.
struct ChurnOptions: ParsableArguments {
  @Option(help: "Allocation and free operations to run before printing (0: the machine at boot).")
  var churn = 0

  @Option(help: "Fraction of managed memory the churn holds (0...1).")
  var fill = 0.7

  @Option(help: "Seed of the churn's random stream.")
  var seed: UInt64 = 1

  func validate() throws {
    guard churn >= 0 else { throw ValidationError("--churn must not be negative") }
    guard fill > 0, fill <= 1 else { throw ValidationError("--fill must be in (0, 1]") }
  }

  /// The allocator of the machine, aged by the churn; a summary line goes to stderr.
  func allocator(_ setup: MachineSetup) -> PageAllocator {
    var a = PageAllocator(setup)
    if churn > 0 {
      let r = AllocatorChurn(operations: churn, fill: fill, seed: seed).run(on: &a)
      printNote(
        "churn: \(r.allocations) allocations, \(r.failures) failed, \(r.frees) frees; \(r.heldPages) pages held")
    }
    return a
  }
}

struct BuddyInfo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "buddyinfo",
    abstract: "Print free blocks per order in /proc/buddyinfo layout.",
    discussion: "With --churn N, a seeded mix of allocations and frees ages the free lists first.")

  @OptionGroup var machine: MachineOptions
  @OptionGroup var churn: ChurnOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(BuddyInfoReport.render(churn.allocator(result.setup)), terminator: "")
    }
  }
}

struct PageTypeInfo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pagetypeinfo",
    abstract: "Print free blocks per order and migratetype, and pageblocks per type, as /proc/pagetypeinfo.")

  @OptionGroup var machine: MachineOptions
  @OptionGroup var churn: ChurnOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(PageTypeInfoReport.render(churn.allocator(result.setup)), terminator: "")
    }
  }
}
