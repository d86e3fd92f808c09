import Foundation
import Frames

// Times pilot's in-process load + describe of a CSV, for bench/load-describe:
//   FramesBenchmark FILE [REPEATS]
// Prints one JSON object per repeat: {"load": s, "describe": s, "rows": n, "rss_mb": peak}.
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
        FileHandle.standardError.write(Data((error.rendered + "\n").utf8))
        exit(1)
    }
    let loaded = DispatchTime.now()
    let description = frame.describe()
    let described = DispatchTime.now()
    precondition(!description.entries.isEmpty)
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    let load = Double(loaded.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let describe = Double(described.uptimeNanoseconds - loaded.uptimeNanoseconds) / 1e9
    print(#"{"load": \#(load), "describe": \#(describe), "rows": \#(frame.rowCount), "frame_mb": \#(Double(frame.memoryFootprint) / 1e6), "rss_mb": \#(Double(usage.ru_maxrss) / 1024)}"#)
}
