// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct Probe: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "probe",
    abstract: "Write a config that reproduces the machine numasim runs on (no root needed).",
    discussion: """
      Reads /proc/zoneinfo (every zone's spanned, present, managed and start_pfn),
      /sys/devices/system/node (each node's CPUs and SLIT distances), /proc/sys/vm (the
      sysctls numasim knows), the kernel release, the THP mode and /proc/swaps, and writes a
      commented config with an example workload sized to the machine. `numasim zoneinfo` on
      the config gives the machine's own watermarks; where it cannot, a note says why. With
      --root, reads a copy of those files under DIR instead (DIR/proc/zoneinfo, ...).
      """)

  @Option(help: "Write the config to FILE (atomically) instead of standard output.")
  var output: String?

  @Option(help: "Read DIR/proc and DIR/sys instead of the running machine's.")
  var root = "/"

  func run() throws {
    try reportingInputErrors {
      let probe: MachineProbe
      do { probe = try MachineProbe(root: root) } catch let e as InputError { throw CLIError.input([e]) }
      let (text, notes): (String, [String])
      do { (text, notes) = try probe.config() } catch let e as InputErrors { throw CLIError.input(e.errors) }
      if let output {
        do { try AtomicFile.write(text, to: output) } catch {
          throw CLIError.input([InputError(file: output, message: "\(error)")])
        }
        print("config: \(output) (run it with `numasim run \(output)`)")
      } else {
        print(text, terminator: "")
      }
      notes.forEach(printNote)
    }
  }
}
