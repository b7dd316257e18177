// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

/// The options every machine view shares: a config, imports and overrides.
struct MachineOptions: ParsableArguments {
  @Argument(help: "A YAML config (default: the built-in two-node machine).")
  var config: String?

  @Option(name: .customLong("from-zoneinfo"), help: "Build the nodes and zones from a real /proc/zoneinfo.")
  var fromZoneinfo: String?

  @Option(
    name: .customLong("from-numactl"), help: "Build the nodes, CPUs, sizes and distances from real `numactl -H` output."
  )
  var fromNumactl: String?

  @Option(help: "The Linux release to model, e.g. 6.18, 6.1, 5.14, 4.18.")
  var kernel: String?

  @Option(
    name: .customLong("cpus-per-node"),
    help: "CPUs per node: one number for every node, or a comma-separated list (2,2,0).")
  var cpusPerNode: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Set a config key, e.g. duration=5s, machine.nodes[1].memory=8GiB; a sysctl name alone means sysctl.<name>: vm.min_free_kbytes=90112, transparent_hugepage=never.",
      valueName: "key.path=VALUE"))
  var assignments: [String] = []

  func validate() throws {
    if fromZoneinfo != nil, fromNumactl != nil {
      throw ValidationError("give --from-zoneinfo or --from-numactl, not both")
    }
    _ = try parsedCPUs()
  }

  func parsedCPUs() throws -> [Int]? {
    guard let text = cpusPerNode else { return nil }
    let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
      throw ValidationError("--cpus-per-node: '\(text)' is not a count or a comma-separated list of counts")
    }
    return parts.compactMap { $0 }
  }

  /// Resolves the request, printing every problem and failing with exit code 1.
  func resolve() throws -> MachineRequest.Result {
    let request = try request()
    do {
      return try request.resolve()
    } catch {
      throw CLIError.input(error.errors)
    }
  }

  /// The request these options make.
  func request() throws -> MachineRequest {
    var request = MachineRequest()
    request.configPath = config
    request.fromZoneinfo = fromZoneinfo
    request.fromNumactl = fromNumactl
    request.kernel = kernel
    request.cpusPerNode = try parsedCPUs()
    request.assignments = assignments
    return request
  }
}
