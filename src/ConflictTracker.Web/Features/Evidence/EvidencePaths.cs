using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>The folders the evidence settings name, made absolute (relative paths are under the content
/// root).</summary>
public sealed class EvidencePaths
{
    public EvidencePaths(IOptions<EvidenceOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        DiskRoot = Path.GetFullPath(settings.Disk.Root, environment.ContentRootPath);
        Staging =
            settings.StagingRoot is { Length: > 0 } staging ? Path.GetFullPath(staging, environment.ContentRootPath)
            : settings.Store == "s3" ? Path.Combine(Path.GetTempPath(), "conflicttracker-staging")
            : Path.Combine(DiskRoot, ".staging");
        Uploads = Path.Combine(Staging, "resumable");
    }

    public string DiskRoot { get; }

    /// <summary>Single-request uploads, while they arrive and are checked.</summary>
    public string Staging { get; }

    /// <summary>Resumable uploads' bytes so far, one file per upload session.</summary>
    public string Uploads { get; }

    public string PartialUpload(Guid sessionId) => Path.Combine(Uploads, $"{sessionId:N}.part");
}
