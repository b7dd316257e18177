// swift-tools-version:6.1
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

/// `NUMASIM_CHECKS=1` (what `make test` sets) builds the library optimised but with Swift's
/// preconditions, bounds and overflow checks kept and the model's invariant checks compiled in.
/// Without it a release build drops the runtime checks (`-Ounchecked`): the shipped binary runs
/// `numasim bench model` 1.5 times faster (README, "Speed").
let checked = ProcessInfo.processInfo.environment["NUMASIM_CHECKS"] == "1"
let librarySettings: [SwiftSetting] =
  checked
  ? strict + [.define("NUMASIM_INTERNAL_CHECKS")]
  : strict + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
  name: "numasim",
  products: [
    .library(name: "NUMASim", targets: ["NUMASim"]),
    .executable(name: "numasim", targets: ["numasim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
    .target(name: "NUMASim", dependencies: ["CGSL", "Yams"], swiftSettings: librarySettings),
    .executableTarget(
      name: "numasim",
      dependencies: [
        "NUMASim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .testTarget(
      name: "NUMASimTests",
      dependencies: ["NUMASim", .product(name: "Numerics", package: "swift-numerics")],
      resources: [.copy("Fixtures")],
      swiftSettings: strict + (checked ? [.define("NUMASIM_INTERNAL_CHECKS")] : [])),
    .testTarget(
      name: "numasimCLITests",
      dependencies: ["numasim"],
      swiftSettings: strict),
  ]
)
