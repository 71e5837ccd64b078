namespace ConflictTracker.Domain.Evidence;

/// <summary>
/// Two stored files whose media is near-identical (docs/rules/evidence.md, "The same footage seen twice"), found
/// when the later one was stored and kept both ways, so a source's page can say at once which of its files are
/// held elsewhere.
/// </summary>
public sealed class MediaMatch
{
    public MediaMatch(Guid fileId, Guid otherFileId, int distance)
    {
        FileId = fileId;
        OtherFileId = otherFileId;
        Distance = distance;
    }

    public Guid FileId { get; private set; }

    public Guid OtherFileId { get; private set; }

    /// <summary>Bits that differ between the closest pair of their perceptual hashes, of 64.</summary>
    public int Distance { get; private set; }
}
