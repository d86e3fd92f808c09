import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AWS

/// Credentials, region and endpoints found as boto3 finds them, from an environment and a home
/// folder made for each test.
@Suite("Configuration as boto3 finds it")
struct AWSConfigurationTests {
    /// A home folder with `.aws/credentials` and `.aws/config` holding what is given.
    static func home(credentials: String? = nil, config: String? = nil) -> ScratchFolder {
        let home = ScratchFolder("aws-home")
        if let credentials { home.write(credentials, to: ".aws/credentials") }
        if let config { home.write(config, to: ".aws/config") }
        return home
    }

    static func configuration(_ variables: [String: String], home: ScratchFolder) -> AWSConfiguration {
        AWSConfiguration(environment: AWSEnvironment(variables: variables, home: home.path))
    }

    static let files = (
        credentials: """
        # keys
        [default]
        aws_access_key_id = AKIDFILE
        aws_secret_access_key = secret-file

        [dev]
        aws_access_key_id=AKIDDEV
        aws_secret_access_key=secret-dev
        aws_session_token = token-dev
        """,
        config: """
        [default]
        region = eu-west-1

        [profile dev]
        region = us-west-2
        s3 =
          addressing_style = path

        [profile only-config]
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = secret-config
        region = ap-south-1
        endpoint_url = http://127.0.0.1:4566
        """
    )

    @Test("environment variables win over the files")
    func environmentFirst() {
        let home = Self.home(credentials: Self.files.credentials, config: Self.files.config)
        let configuration = Self.configuration(
            ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "secret-env", "AWS_SESSION_TOKEN": "tok"],
            home: home)
        #expect(configuration.credentials?.accessKeyId == "AKIDENV")
        #expect(configuration.credentials?.sessionToken == "tok")
        #expect(configuration.credentials?.source == "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        #expect(configuration.region == "eu-west-1")
    }

    @Test("the default profile of the credentials file, then its region from the config file")
    func defaultProfile() {
        let home = Self.home(credentials: Self.files.credentials, config: Self.files.config)
        let configuration = Self.configuration([:], home: home)
        #expect(configuration.credentials?.accessKeyId == "AKIDFILE")
        #expect(configuration.credentials?.sessionToken == nil)
        #expect(configuration.credentials?.source == "profile 'default' in \(home.file(".aws/credentials"))")
        #expect(configuration.region == "eu-west-1")
    }

    @Test("AWS_PROFILE (or AWS_DEFAULT_PROFILE) picks a profile; [profile x] in the config file")
    func namedProfile() {
        let home = Self.home(credentials: Self.files.credentials, config: Self.files.config)
        for variable in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE"] {
            let configuration = Self.configuration([variable: "dev"], home: home)
            #expect(configuration.profile == "dev")
            #expect(configuration.credentials?.accessKeyId == "AKIDDEV")
            #expect(configuration.credentials?.sessionToken == "token-dev")
            #expect(configuration.region == "us-west-2")
        }
        let fromConfig = Self.configuration(["AWS_PROFILE": "only-config"], home: home)
        #expect(fromConfig.credentials?.accessKeyId == "AKIDCONFIG")
        #expect(fromConfig.credentials?.source == "profile 'only-config' in \(home.file(".aws/config"))")
        #expect(fromConfig.customEndpoint(for: .s3) == "http://127.0.0.1:4566")
    }

    @Test("AWS_REGION over AWS_DEFAULT_REGION over the profile")
    func regionOrder() {
        let home = Self.home(config: Self.files.config)
        #expect(Self.configuration(["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"], home: home).region == "a")
        #expect(Self.configuration(["AWS_DEFAULT_REGION": "b"], home: home).region == "b")
        #expect(Self.configuration(["AWS_REGION": ""], home: home).region == "eu-west-1")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files; ~ is the home folder")
    func movedFiles() throws {
        let home = Self.home()
        home.write("[default]\naws_access_key_id=K\naws_secret_access_key=S\n", to: "creds")
        home.write("[default]\nregion=sa-east-1\n", to: "conf")
        let configuration = Self.configuration(
            ["AWS_SHARED_CREDENTIALS_FILE": "~/creds", "AWS_CONFIG_FILE": home.file("conf")], home: home)
        #expect(configuration.credentialsFile == home.file("creds"))
        #expect(
            configuration.credentials
                == AWSCredentials(
                    accessKeyId: "K", secretAccessKey: "S", source: "profile 'default' in \(home.file("creds"))"))
        #expect(configuration.region == "sa-east-1")
    }

    @Test("no credentials: the error lists every place it looked, and how to set them")
    func noCredentials() {
        let home = Self.home()
        let configuration = Self.configuration(["AWS_PROFILE": "work"], home: home)
        #expect(configuration.credentials == nil)
        #expect(throws: AWSError.self) { try configuration.requireCredentials() }
        do {
            _ = try configuration.requireCredentials()
        } catch {
            #expect(error.code == AWSError.Code.noCredentials)
            let diagnostic = error.diagnostic
            #expect(
                diagnostic.message == "no AWS credentials found; looked in environment variables AWS_ACCESS_KEY_ID "
                    + "and AWS_SECRET_ACCESS_KEY; profile 'work' in \(home.file(".aws/credentials")) (no such file); "
                    + "profile 'work' in \(home.file(".aws/config")) (no such file)")
            #expect(diagnostic.hint?.contains("aws configure") == true)
        }
    }

    @Test("endpoints: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then AWS's own")
    func endpoints() throws {
        let home = Self.home()
        let custom = Self.configuration(
            [
                "AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_S3": "http://localhost:9000/",
                "AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME": "https://runtime.example:8443/base",
            ], home: home)
        let s3 = try custom.endpoint(for: .s3)
        #expect(s3.endpoint == AWSEndpoint(scheme: "http", host: "localhost", port: 9000))
        #expect(s3.region == "us-east-1")
        #expect(try custom.endpoint(for: .sageMaker).endpoint.description == "http://127.0.0.1:5000")
        #expect(try custom.endpoint(for: .sageMakerRuntime).endpoint.description == "https://runtime.example:8443/base")

        let aws = Self.configuration(["AWS_REGION": "eu-central-1"], home: home)
        #expect(try aws.endpoint(for: .s3).endpoint.description == "https://s3.eu-central-1.amazonaws.com")
        #expect(
            try aws.endpoint(for: .sageMaker).endpoint.description == "https://api.sagemaker.eu-central-1.amazonaws.com"
        )
        #expect(
            try aws.endpoint(for: .sageMakerRuntime).endpoint.description
                == "https://runtime.sagemaker.eu-central-1.amazonaws.com")
        #expect(throws: AWSError.self) { try Self.configuration([:], home: home).endpoint(for: .s3) }
        #expect(throws: AWSError.self) {
            try Self.configuration(["AWS_ENDPOINT_URL": "localhost:5000"], home: home).endpoint(for: .s3)
        }
    }

    @Test("S3 addresses: path-style on custom endpoints, virtual-hosted on AWS")
    func addresses() {
        let custom = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 5000)
        let address = S3Address(endpoint: custom, bucket: "data", key: "bank/a b.csv")
        #expect(address.endpoint.hostHeader == "127.0.0.1:5000")
        #expect(address.path == "/data/bank/a%20b.csv")
        let aws = AWSEndpoint(scheme: "https", host: "s3.us-east-1.amazonaws.com", isAWS: true)
        let hosted = S3Address(endpoint: aws, bucket: "data", key: "k")
        #expect(hosted.endpoint.host == "data.s3.us-east-1.amazonaws.com")
        #expect(hosted.path == "/k")
        #expect(S3Address(endpoint: aws, bucket: "my.dotted.bucket", key: "k").path == "/my.dotted.bucket/k")
    }
}
