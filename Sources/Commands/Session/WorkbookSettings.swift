import Kernel

extension Setting {
    /// The settings of a workbook's session: the kernel's, and the values that serve
    /// `autopilot ... backend=sagemaker` for a whole workbook (a `params` value of the same
    /// name sets them too).
    public static let workbook: [Setting] =
        standard + [
            Setting(
                name: "role", summary: "the IAM role SageMaker jobs run as (autopilot backend=sagemaker)",
                defaultValue: ""),
            Setting(
                name: "output", summary: "where SageMaker jobs put their data and artifacts: s3://BUCKET/PREFIX",
                defaultValue: ""
            ) {
                $0.isEmpty || S3Location($0) != nil ? nil : "output takes an S3 address, e.g. s3://my-bucket/autopilot"
            },
            Setting(
                name: "region", summary: "the AWS region of SageMaker jobs (empty: as AWS's configuration says)",
                defaultValue: ""),
        ]
}
