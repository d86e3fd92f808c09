/// One object as ListObjectsV2 lists it.
public struct S3ObjectSummary: Sendable, Equatable {
    public var key: String
    public var size: Int64
    public var etag: String
}

/// What HeadObject says about an object.
public struct S3ObjectInfo: Sendable, Equatable {
    public var size: Int64
    public var etag: String?
    public var contentType: String?
}

/// A multipart upload that was started and neither completed nor aborted.
public struct S3MultipartUploadSummary: Sendable, Equatable {
    public var key: String
    public var uploadId: String
}

/// Progress of a transfer: bytes so far, and the total when known.
public typealias TransferProgress = @Sendable (_ bytes: Int64, _ total: Int64?) -> Void
