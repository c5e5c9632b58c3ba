// swift-tools-version: 6.0
import PackageDescription

/// C kernels are always optimised, so debug test builds run the hot loops at full speed.
let kernelFlags: [CSetting] = [.unsafeFlags(["-O3", "-ffast-math", "-fno-finite-math-only"])]

let package = Package(
  name: "raglab",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "raglab", targets: ["raglab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "CKernels", cSettings: kernelFlags),
    .target(name: "Inference", dependencies: ["CBLAS", "CKernels"]),
    .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "Corpus", dependencies: ["Store", "Inference", "CZlib"]),
    .target(
      name: "Experiments",
      dependencies: [
        "Corpus", "Store", "Inference", "CBLAS", .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "Reports", dependencies: ["Store", "Corpus", "Experiments"]),
    .target(
      name: "RaglabCLI",
      dependencies: [
        "Inference", "Store", "Corpus", "Experiments", "Reports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "raglab", dependencies: ["RaglabCLI"]),
    .testTarget(
      name: "InferenceTests", dependencies: ["Inference", "CKernels", "Experiments"],
      exclude: ["Fixtures"]),
    .testTarget(name: "StoreTests", dependencies: ["Store"]),
    .testTarget(
      name: "CorpusTests", dependencies: ["Corpus", "Store", "Inference", "Experiments"]),
    .testTarget(
      name: "ExperimentsTests", dependencies: ["Experiments", "Corpus", "Store", "Inference"],
      exclude: ["Fixtures"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Experiments", "Store"]),
  ],
  swiftLanguageModes: [.v6]
)
