import Frames

/// libFuzzer entry point: the CSV reader on arbitrary bytes.
///
/// The first byte picks the options (separator, header, quote, encoding); the rest is the file.
/// Every input must either load or fail with a CSVError, never crash; a frame that loads must
/// write back as CSV and read again with the same shape (single-column frames excepted, where
/// a missing value writes an empty line, which readers skip).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var options = CSVOptions()
    switch control & 0x7 {
    case 1: options.separator = 0x2C
    case 2: options.separator = 0x3B
    case 3: options.separator = 0x09
    default: break
    }
    if control & 0x8 != 0 { options.header = control & 0x10 != 0 }
    if control & 0x20 != 0 { options.quote = 0 }
    if control & 0x40 != 0 { options.encoding = .latin1 }
    if control & 0x80 != 0 { options.extraMissingMarkers = ["x", "-"] }
    guard let frame = try? CSVReader.read(bytes, options: options, source: "fuzz.csv") else { return 0 }
    precondition(frame.rowCount > 0)
    precondition(frame.columns.allSatisfy { $0.count == frame.rowCount })
    _ = frame.describe(all: true)
    _ = frame.table(rows: 0..<min(5, frame.rowCount)).render(maxWidth: 100)
    guard frame.columns.count > 1 else { return 0 }
    let written = CSVWriter.bytes(of: frame)
    guard let again = try? CSVReader.read(written, options: CSVOptions(separator: 0x2C, header: true), source: "again.csv") else {
        preconditionFailure("a frame pilot wrote did not read back: \(String(decoding: written.prefix(300), as: UTF8.self))")
    }
    precondition(again.rowCount == frame.rowCount, "row count changed: \(frame.rowCount) → \(again.rowCount)")
    precondition(again.columns.count == frame.columns.count)
    return 0
}
