using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Claims;

/// <summary>
/// One link in a claim's chain of evidence: the source where it appears, the role that source plays
/// (origin, first report, republication), the words it uses and where in it they are.
/// Budanov's interview in The War Zone and the article repeating it are one claim with two citations,
/// not two claims.
/// </summary>
public sealed class Citation : Entity
{
    internal Citation(
        Guid id,
        Guid claimId,
        Guid sourceId,
        CitationRole role,
        string? quote,
        string? locator,
        Guid? derivedFromId
    )
        : base(id)
    {
        ClaimId = claimId;
        SourceId = sourceId;
        Role = role;
        Quote = quote;
        Locator = locator;
        DerivedFromId = derivedFromId;
    }

    public Guid ClaimId { get; private set; }

    public Guid SourceId { get; private set; }

    public CitationRole Role { get; private set; }

    /// <summary>The words as this source gives them.</summary>
    public string? Quote { get; private set; }

    /// <summary>Where in the source: "para. 12", "02:14", "p. 3".</summary>
    public string? Locator { get; private set; }

    /// <summary>The citation of the same claim this source took it from, where known.</summary>
    public Guid? DerivedFromId { get; private set; }
}
