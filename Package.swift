// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pilotbook",
    products: [
        .executable(name: "pilot", targets: ["pilot"]),
        .library(name: "Workbook", targets: ["Workbook"]),
        .library(name: "Export", targets: ["Export"]),
        .library(name: "Kernel", targets: ["Kernel"]),
        .library(name: "Commands", targets: ["Commands"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "Frames", targets: ["Frames"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header, nothing else.
        .systemLibrary(name: "CXGBoost", path: "Sources/CXGBoost"),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine"),
        .systemLibrary(name: "CGzip", path: "Sources/CGzip"),
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ"),

        // Display width of text in terminal cells (East Asian width), padding, truncation.
        .target(name: "TextLayout"),

        // The .pilotbook format: model, parser, writer, atomic saving, assets.
        .target(
            name: "Workbook",
            dependencies: ["TextLayout", "Diagnostics", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // Sharing a workbook: a self-contained HTML page (prose rendered with Ink), a Jupyter
        // notebook, plain Markdown.
        .target(
            name: "Export",
            dependencies: ["Workbook", "TextLayout", "Diagnostics", .product(name: "Ink", package: "Ink")]),

        // Columnar data frames: CSV reading and writing, statistics, selections.
        .target(name: "Frames", dependencies: ["TextLayout", "Diagnostics"]),

        // Charts: terminal bars and deterministic SVG plots.
        .target(name: "Charts", dependencies: ["TextLayout"]),

        // Learners: a safe XGBoost wrapper and its trainer, a linear learner, an MLP, and their metrics.
        // Its learners' inner loops are optimised in debug builds too: the tests and the
        // tutorial checks run debug builds, where unoptimised extra trees take minutes.
        .target(
            name: "Learners", dependencies: ["CXGBoost", "Frames", "Diagnostics"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // The AutoML engine: analysis, pipelines, search, ensembling, reports.
        .target(name: "Autopilot", dependencies: ["Frames", "Learners", "TextLayout", "Diagnostics"]),

        // Experiments between sessions: SQLite (GRDB) plus model files in .pilot/; records of
        // experiments that run on SageMaker.
        .target(
            name: "ExperimentStore",
            dependencies: ["Autopilot", "Cloud", "Diagnostics", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // What running Autopilot on SageMaker means to the commands: the protocol the AWS adaptor
        // implements (jobs, candidates, endpoints, preflight) and its values. No HTTP.
        .target(name: "Cloud", dependencies: ["Diagnostics"]),

        // Zip archives (listing, safe extraction, reading a member) and gzip files.
        .target(
            name: "Archives",
            dependencies: ["CGzip", "Diagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // What went wrong, what to do next, and where: the one error type people read, and its renderer.
        .target(name: "Diagnostics", dependencies: ["TextLayout"]),

        // The core of the cell language: lexing, command declarations and parsing, help, the
        // session, output and dispatch. No terminal, no HTTP, no data science.
        .target(name: "Kernel", dependencies: ["Diagnostics", "TextLayout"]),

        // What serving a model means, shared by the serving commands and the HTTP endpoint: the
        // served model, its response keys, requests and replies, the host protocol.
        .target(name: "Serving", dependencies: ["Autopilot", "Diagnostics"]),

        // The commands of the cell language by area (files, frames, experiments, serving) and
        // the standard command table.
        .target(
            name: "Commands",
            dependencies: [
                "Kernel", "Diagnostics", "Serving", "TextLayout", "Frames", "Archives", "Charts", "Learners",
                "Autopilot", "ExperimentStore", "Cloud", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Tab completion from the command declarations: commands, options, values, names, columns, paths.
        .target(name: "Completion", dependencies: ["Kernel", "TextLayout"]),

        // Our small AWS client: SigV4, credentials and endpoints as boto3 finds them, retries, the
        // REST-XML and JSON protocols, S3 (multipart uploads), JSON 1.1 calls for SageMaker.
        .target(
            name: "AWS",
            dependencies: [
                "Diagnostics", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // The kernel's network services: downloads over HTTP(S); S3 objects and SageMaker
        // Autopilot through the AWS client.
        .target(name: "Downloads", dependencies: ["Kernel", "Cloud", "Diagnostics", "AWS"]),

        // The kernel's EndpointHost over HTTP (Hummingbird): the SageMaker inference-container contract.
        .target(
            name: "Endpoint",
            dependencies: [
                "Serving", "Diagnostics", "Autopilot", "Learners", "Frames", "ExperimentStore", "TextLayout",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Runs a workbook's cells through a kernel session, saving after every cell.
        .target(
            name: "Runner",
            dependencies: [
                "Workbook", "Kernel", "Commands", "Serving", "Diagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The Jupyter messaging protocol (5.3) over ZeroMQ: cells run in a kernel session, completion
        // from the Completer, outputs as the workbook stores them. No terminal here.
        .target(
            name: "JupyterKernel",
            dependencies: [
                "CZeroMQ", "Kernel", "Completion", "Diagnostics", "TextLayout",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The interactive shell: libedit line editing, completion, history, step-through.
        .target(
            name: "Shell",
            dependencies: [
                "CEditLine", "Kernel", "Commands", "Completion", "Runner", "Workbook", "TextLayout", "Diagnostics",
            ]),

        // The executable: argument parsing, the only place that prints and exits.
        .executableTarget(
            name: "pilot",
            dependencies: [
                "Runner", "Workbook", "Export", "Kernel", "Commands", "Serving", "Diagnostics", "Shell", "Downloads",
                "Endpoint", "JupyterKernel",
                "TextLayout", "Frames", "CXGBoost", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Snapshot files and scratch folders for the test targets.
        .target(name: "TestSupport", path: "Tests/Support"),

        // In-process timing of load + describe, driven by bench/load-describe.
        .executableTarget(
            name: "FramesBenchmark", dependencies: ["Frames", "Diagnostics"], path: "bench/FramesBenchmark"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "CompletionTests", dependencies: ["Completion", "Commands", "Kernel", "TestSupport"]),
        .testTarget(
            name: "TextLayoutTests",
            dependencies: ["TextLayout", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "WorkbookTests",
            dependencies: [
                "Workbook", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "FramesTests",
            dependencies: ["Frames", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ChartsTests", dependencies: ["Charts", "TextLayout", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "LearnersTests", dependencies: ["Learners", "Frames", "TestSupport"]),
        .testTarget(name: "AutopilotTests", dependencies: ["Autopilot", "Learners", "Frames", "TestSupport"]),
        .testTarget(
            name: "KernelTests",
            dependencies: [
                "Kernel", "Commands", "Diagnostics", "Completion", "Autopilot", "Frames", "Serving", "TextLayout",
                "Cloud", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "ArchivesTests",
            dependencies: ["Archives", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "AWSTests", dependencies: ["AWS", "Downloads", "Cloud", "Diagnostics", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DownloadsTests", dependencies: ["Downloads", "Kernel", "Commands", "Diagnostics", "TestSupport"]),
        .testTarget(
            name: "EndpointTests",
            dependencies: [
                "Endpoint", "Kernel", "Commands", "Serving", "Diagnostics", "Autopilot", "Frames", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ExportTests",
            dependencies: [
                "Export", "Workbook", "TextLayout", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "Workbook", "Kernel", "Commands", "Diagnostics", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "ShellTests",
            dependencies: ["Shell", "Kernel", "Commands", "Completion", "Diagnostics", "Workbook", "TestSupport"],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "JupyterKernelTests",
            dependencies: ["JupyterKernel", "Kernel", "Workbook", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PilotTests",
            dependencies: ["Workbook", "TestSupport", "CXGBoost", "CEditLine"],
            exclude: ["Snapshots", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
