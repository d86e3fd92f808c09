import Diagnostics
import Foundation
import Frames

// Times pilot's in-process load + describe of a CSV, for bench/load-describe:
//   FramesBenchmark FILE [REPEATS]
// Prints one JSON object per repeat: {"load": s, "describe": s, "rows": n, "frame_mb": m, "peak_rss_mb": p}.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: FramesBenchmark FILE [REPEATS]\n".utf8))
    exit(64)
}
MemoryTuning.configure()
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
for _ in 0..<repeats {
    let start = DispatchTime.now()
    let frame: Frame
    do {
        frame = try CSVReader.read(path: arguments[1], displayName: arguments[1])
    } catch {
        FileHandle.standardError.write(Data((error.diagnostic.rendered + "\n").utf8))
        exit(1)
    }
    let loaded = DispatchTime.now()
    let description = frame.describe()
    let described = DispatchTime.now()
    precondition(!description.entries.isEmpty)
    // VmHWM: this process's own peak (getrusage would include the parent's size before exec).
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    let load = Double(loaded.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let describe = Double(described.uptimeNanoseconds - loaded.uptimeNanoseconds) / 1e9
    print(#"{"load": \#(load), "describe": \#(describe), "rows": \#(frame.rowCount), "frame_mb": \#(Double(frame.memoryFootprint) / 1e6), "peak_rss_mb": \#(hwm / 1024)}"#)
}
