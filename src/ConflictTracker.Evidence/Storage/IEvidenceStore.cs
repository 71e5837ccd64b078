namespace ConflictTracker.Evidence.Storage;

/// <summary>
/// Where evidence bytes are kept, content-addressed: a blob's key is derived from its SHA-256, so the same
/// bytes are stored once however often they are uploaded. Blobs are written once and never changed; the
/// only way to remove one is outside the app (an operator's decision, see docs/rules/evidence.md).
/// Keys are relative, slash-separated, and made by <see cref="EvidenceKeys"/> only.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>A short name for logs and the health page: "disk" or "s3".</summary>
    string Name { get; }

    /// <summary>Whether a blob with this key is stored.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the file at <paramref name="localPath"/> under <paramref name="key"/>, streaming it (never whole
    /// in memory). If the key already exists the call does nothing (content addressing makes the bytes the
    /// same). A reader never sees a half-written blob.
    /// </summary>
    Task PutFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken);

    /// <summary>Stores small bytes (a preview image) under a key, like <see cref="PutFileAsync"/>.</summary>
    Task PutBytesAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a stored blob for reading, or null when no blob has this key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key under a prefix ("sha256/"), for the verification of all files.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
