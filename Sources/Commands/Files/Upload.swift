import Diagnostics
import Foundation
import Frames
import Kernel

/// `upload FRAME|PATH to s3://BUCKET/KEY`: a frame as CSV, or a file's bytes, to S3.
struct Upload: CellCommand {
    static let configuration = CommandConfiguration(
        "upload", area: .files,
        summary: "send a frame (as CSV) or a file to S3, as the SDK's upload_data does",
        discussion: """
            A frame is sent as CSV with its header, as pandas writes it; anything else is a file in the workbook's \
            folder, sent byte for byte. A KEY ending in / (or no KEY) is a folder: the object is named after the \
            frame (FRAME.csv) or the file. Large files go in parts, with progress; Ctrl-C stops the upload and \
            leaves nothing behind. The AWS credentials, region and endpoint are found as boto3 finds them.
            """,
        examples: [
            "upload train to s3://my-bucket/bank/train.csv", "upload bank-additional.zip to s3://my-bucket/raw/",
        ],
        risk: "sends data off this machine, to S3")

    @Argument(.text("FRAME|PATH", "a frame or a file").kind(.frameOrPath)) var source: String
    @Clause("to", .s3) var destination: S3Location

    func run(in context: CommandContext) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-upload-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (file, object, what) = try prepare(scratch: scratch, context: context)
        let (size, digest) = try Download.checksum(file, label: source)
        _ = try context.upload(file, to: object, label: object.fileName)
        context.print("uploaded \(what) to \(object)")
        context.print("\(Sizes.exact(size)), sha256 \(digest)")
    }

    /// The file to send (a frame written as CSV to `scratch`), where it goes and how to name it.
    private func prepare(scratch: String, context: CommandContext) throws -> (String, S3Location, String) {
        if let frame = context.session.values[source] as? FrameValue {
            let bytes = CSVWriter.bytes(of: frame.frame, separator: 0x2C)
            guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else {
                throw Diagnostic(
                    "cannot write \(source) as CSV to \(scratch)", hint: "check the free space of the temporary folder")
            }
            return (scratch, destination.placing("\(source).csv"), "\(source) (\(Sizes.shape(frame.frame))) as CSV")
        }
        let path = context.session.resolve(source)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            let frames = context.session.values.filter { $0.value is FrameValue }.keys
            throw Diagnostic(
                isFolder.boolValue ? "\(source) is a folder" : "no frame or file named \(source)",
                hint: isFolder.boolValue
                    ? "upload its files one by one, or zip it first"
                    : Suggestion.hint(for: source, in: frames)
                        ?? "load a frame, or name a file in the workbook's folder")
        }
        return (path, destination.placing(URL(fileURLWithPath: path).lastPathComponent), source)
    }
}
