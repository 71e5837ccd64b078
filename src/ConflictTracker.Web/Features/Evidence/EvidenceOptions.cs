namespace ConflictTracker.Web.Features.Evidence;

/// <summary>The <c>Evidence</c> settings (docs/rules/evidence-storage.md).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>"disk" (the default) or "s3".</summary>
    public string Store { get; set; } = "disk";

    public DiskSettings Disk { get; set; } = new();

    public S3Settings S3 { get; set; } = new();

    /// <summary>The largest file accepted, in bytes (default 2 GiB).</summary>
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Where uploads wait while they arrive and are checked; default: <c>.staging</c> in the disk root,
    /// or the system's temporary folder for S3.</summary>
    public string? StagingRoot { get; set; }

    /// <summary>How long an unfinished resumable upload may be resumed.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest image accepted, in pixels (the image-bomb defence).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    public sealed class DiskSettings
    {
        /// <summary>The folder the files are kept in; relative paths are under the app's content root.</summary>
        public string Root { get; set; } = "evidence";
    }

    public sealed class S3Settings
    {
        public string? ServiceUrl { get; set; }

        public string? Bucket { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string Region { get; set; } = "us-east-1";

        public bool ForcePathStyle { get; set; } = true;

        /// <summary>A key prefix inside the bucket, for a bucket shared with other data.</summary>
        public string Prefix { get; set; } = "";
    }
}
