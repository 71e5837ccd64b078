using System.Globalization;
using System.Text;

namespace ConflictTracker.Evidence.Storage;

/// <summary>
/// Where an <see cref="S3EvidenceStore"/> keeps blobs: a bucket on an S3-compatible server (MinIO, Garage, Ceph,
/// AWS S3…). The secret key comes from configuration (an environment variable), never the repository, and is left
/// out of <see cref="object.ToString"/> so it cannot reach a log.
/// </summary>
public sealed record S3EvidenceOptions
{
    /// <summary>The server's address, e.g. "https://s3.example.org" or "http://127.0.0.1:9000"; empty for AWS
    /// itself (then <see cref="Region"/> picks the endpoint).</summary>
    public string ServiceUrl { get; init; } = "";

    public string Bucket { get; init; } = "";

    /// <summary>Empty access and secret keys fall back to the AWS SDK's default credentials (environment
    /// variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, an instance role, …).</summary>
    public string AccessKey { get; init; } = "";

    public string SecretKey { get; init; } = "";

    /// <summary>The signing region; most S3-compatible servers accept "us-east-1".</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Addresses buckets as http://server/bucket/key rather than http://bucket.server/key; true suits
    /// nearly every self-hosted server.</summary>
    public bool ForcePathStyle { get; init; } = true;

    /// <summary>Prepended to every key (e.g. "conflicttracker/"), to share a bucket; "" for none.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Files this large or larger are uploaded in parts (multipart upload).</summary>
    public long MultipartThresholdBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The size of each part of a multipart upload (S3's minimum is 5 MiB).</summary>
    public long PartSizeBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>How many keys one list request asks for (S3's maximum is 1000).</summary>
    public int ListPageSize { get; init; } = 1000;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(
            CultureInfo.InvariantCulture,
            $"ServiceUrl = {ServiceUrl}, Bucket = {Bucket}, AccessKey = {AccessKey}, "
        );
        builder.Append(
            CultureInfo.InvariantCulture,
            $"SecretKey = {(SecretKey.Length == 0 ? "" : "***")}, Region = {Region}, "
        );
        builder.Append(CultureInfo.InvariantCulture, $"ForcePathStyle = {ForcePathStyle}, Prefix = {Prefix}");
        return true;
    }
}
