namespace ConflictTracker.Domain.Exchange;

/// <summary>
/// Which record an import's own id stands for: <c>("claim", "acled-2024-10-18-0042") → claim id</c>.
/// Re-importing a row with a known external id updates that record instead of adding another, and
/// is skipped when the row is unchanged (<see cref="Fingerprint"/>).
/// </summary>
public sealed class ExternalId
{
    public const int MaxKeyLength = 200;

    public string Kind { get; init; } = "";

    public string Key { get; init; } = "";

    public Guid EntityId { get; init; }

    /// <summary>A hash of the row as last imported.</summary>
    public string Fingerprint { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = "";
}
