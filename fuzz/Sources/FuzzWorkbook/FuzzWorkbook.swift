import Kernel
import Workbook

/// libFuzzer entry point: the workbook parser and writer, and the cell lexer, on arbitrary bytes.
///
/// Properties checked on every input that parses:
/// - writing it back gives exactly the input bytes;
/// - assigning ids and writing an output under every cell gives a file that parses again,
///   with the same cells, and stripping it parses too;
/// - the cell language lexer (with `sh` lines kept verbatim) and the risk listing never crash on
///   any cell.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard var book = try? Workbook(parsing: bytes) else { return 0 }
    precondition(book.bytes == bytes, "round trip changed the file")

    let lexer = CellLexer(verbatim: ["sh"], resolve: { $0 == "x" ? "1" : nil })
    let kernel = Kernel()
    for cell in book.cells {
        _ = try? lexer.commands(in: cell.source)
        _ = kernel.risks(in: cell.source)
    }

    book.assignMissingIDs()
    for cell in book.cells {
        book.setOutput(OutputRegion(cellID: cell.id!, status: .ok, sourceHash: cell.sourceHash,
                                    items: [.text("``` out\n<!-- output:end -->\n"), .image(path: "a.svg", alt: "]")],
                                    lineEnding: book.lineEnding))
    }
    guard let rerun = try? Workbook(parsing: book.bytes) else {
        preconditionFailure("a workbook with outputs written by pilot failed to parse")
    }
    precondition(rerun.cells.map(\.id) == book.cells.map(\.id), "cells changed after writing outputs")
    precondition(rerun.bytes == book.bytes)
    book.stripOutputs()
    precondition((try? Workbook(parsing: book.bytes)) != nil, "a stripped workbook failed to parse")
    return 0
}
