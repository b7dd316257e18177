// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

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
    .target(
      name: "NUMASim",
      dependencies: ["CGSL", "Yams"],
      swiftSettings: strict + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
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
      swiftSettings: strict),
    .testTarget(
      name: "numasimCLITests",
      dependencies: ["numasim"],
      swiftSettings: strict),
  ]
)
