namespace ConflictTracker.Domain.Evidence;

/// <summary>
/// One perceptual hash of a stored file (an image, or one keyframe of a video), split into four 16-bit
/// quarters so near-identical media are found through ordinary indexes (docs/rules/evidence.md,
/// "The same footage seen twice").
/// </summary>
public sealed class MediaFingerprint
{
    public MediaFingerprint(Guid fileId, int frame, ulong hash)
    {
        FileId = fileId;
        Frame = frame;
        Hash = unchecked((long)hash);
        Quarter0 = Quarter(hash, 0);
        Quarter1 = Quarter(hash, 1);
        Quarter2 = Quarter(hash, 2);
        Quarter3 = Quarter(hash, 3);
    }

    // For EF Core.
    private MediaFingerprint() { }

    public Guid FileId { get; private set; }

    /// <summary>0 for an image; the keyframe's index for a video.</summary>
    public int Frame { get; private set; }

    /// <summary>The 64-bit hash, stored as a signed bigint.</summary>
    public long Hash { get; private set; }

    public int Quarter0 { get; private set; }

    public int Quarter1 { get; private set; }

    public int Quarter2 { get; private set; }

    public int Quarter3 { get; private set; }

    /// <summary>Bits 16·q to 16·q+15 of the hash, as 0..65535.</summary>
    public static int Quarter(ulong hash, int q) => (int)((hash >> (16 * q)) & 0xFFFF);
}
