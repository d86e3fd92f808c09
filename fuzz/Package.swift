// swift-tools-version:6.1
// libFuzzer harnesses, kept out of the main package so that its build stays free of sanitizer
// flags. Run them with ./fuzz/run (see README.md).
import PackageDescription

let package = Package(
    name: "pilotbook-fuzz",
    dependencies: [.package(name: "pilotbook", path: "..")],
    targets: [
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "Frames", package: "pilotbook")]),
        .executableTarget(
            name: "FuzzWorkbook",
            dependencies: [.product(name: "Workbook", package: "pilotbook"), .product(name: "Kernel", package: "pilotbook")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
