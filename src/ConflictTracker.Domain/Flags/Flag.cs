using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;

namespace ConflictTracker.Domain.Flags;

/// <summary>A reviewer's mark on a claim or on a relation: exactly one of the two.</summary>
public sealed class Flag : Entity
{
    private Flag(Guid id, FlagKind kind, string comment, string raisedBy, DateTimeOffset raisedAt)
        : base(id)
    {
        Kind = kind;
        Comment = comment;
        RaisedBy = raisedBy;
        RaisedAt = raisedAt;
        Status = FlagStatus.Open;
    }

    public Guid? ClaimId { get; private set; }

    public Guid? RelationId { get; private set; }

    public FlagKind Kind { get; private set; }

    public string Comment { get; private set; }

    public FlagStatus Status { get; private set; }

    public string RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? Resolution { get; private set; }

    public uint Version { get; private set; }

    public static Flag OnClaim(
        Claim claim,
        FlagKind kind,
        string? comment,
        string raisedBy,
        DateTimeOffset raisedAt,
        Guid id = default
    ) => Raise(kind, comment, raisedBy, raisedAt, id, flag => flag.ClaimId = claim.Id);

    public static Flag OnRelation(
        ClaimRelation relation,
        FlagKind kind,
        string? comment,
        string raisedBy,
        DateTimeOffset raisedAt,
        Guid id = default
    ) => Raise(kind, comment, raisedBy, raisedAt, id, flag => flag.RelationId = relation.Id);

    /// <summary>Resolves or dismisses an open flag, always with a reason.</summary>
    public void Close(FlagStatus outcome, string? resolution, string closedBy, DateTimeOffset at)
    {
        var errors = new ValidationErrors();
        var why = errors.Check(() => Rules.RequiredText(resolution, nameof(Resolution), MaxLengths.Note));
        var who = errors.Check(() => Rules.RequiredText(closedBy, nameof(ClosedBy), MaxLengths.UserName));
        if (outcome == FlagStatus.Open)
        {
            errors.Add(nameof(Status), "Closing a flag resolves or dismisses it.");
        }

        if (Status != FlagStatus.Open)
        {
            errors.Add(nameof(Status), $"This flag is already {Status.ToString().ToLowerInvariant()}.");
        }

        errors.ThrowIfAny();
        Status = outcome;
        Resolution = why;
        ClosedBy = who;
        ClosedAt = at;
    }

    private static Flag Raise(
        FlagKind kind,
        string? comment,
        string raisedBy,
        DateTimeOffset raisedAt,
        Guid id,
        Action<Flag> target
    )
    {
        var errors = new ValidationErrors();
        errors.Check(() => Rules.Defined(kind, nameof(Kind)));
        var text = errors.Check(() => Rules.RequiredText(comment, nameof(Comment), MaxLengths.Note));
        var who = errors.Check(() => Rules.RequiredText(raisedBy, nameof(RaisedBy), MaxLengths.UserName));
        errors.ThrowIfAny();
        var flag = new Flag(id, kind, text!, who!, raisedAt);
        target(flag);
        return flag;
    }
}
