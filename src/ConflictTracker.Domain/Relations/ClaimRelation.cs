using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Relations;

/// <summary>
/// A proposed link between two claims (<see cref="FromClaimId"/> corroborates, contradicts, refines,
/// supersedes or repeats <see cref="ToClaimId"/>), with its rationale and its review.
/// </summary>
public sealed class ClaimRelation : Entity
{
    private ClaimRelation(
        Guid id,
        Guid fromClaimId,
        Guid toClaimId,
        RelationType type,
        string rationale,
        string proposedBy,
        DateTimeOffset proposedAt
    )
        : base(id)
    {
        FromClaimId = fromClaimId;
        ToClaimId = toClaimId;
        Type = type;
        Rationale = rationale;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
        State = ReviewState.Proposed;
    }

    public Guid FromClaimId { get; private set; }

    public Guid ToClaimId { get; private set; }

    public RelationType Type { get; private set; }

    public string Rationale { get; private set; }

    public string ProposedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public ReviewState State { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>
    /// For a confirmed contradiction: the one of its two claims the reviewer judged wrong, which the
    /// speaker's track record counts against; null when nobody judged ("can't tell"), counted as
    /// unresolved (docs/rules/contradictions.md, "Which side is wrong").
    /// </summary>
    public Guid? WrongClaimId { get; private set; }

    public uint Version { get; private set; }

    public static ClaimRelation Propose(
        Claim from,
        Claim to,
        RelationType type,
        string? rationale,
        string proposedBy,
        DateTimeOffset proposedAt,
        Guid id = default
    )
    {
        var errors = new ValidationErrors();
        errors.Check(() => Rules.Defined(type, nameof(Type)));
        var why = errors.Check(() => Rules.RequiredText(rationale, nameof(Rationale), MaxLengths.Note));
        var who = errors.Check(() => Rules.RequiredText(proposedBy, nameof(ProposedBy), MaxLengths.UserName));
        if (from.Id == to.Id)
        {
            errors.Add(nameof(ToClaimId), "A claim cannot be related to itself.");
        }

        // The voice is who speaks: the body a claim was made on behalf of, else the speaker (a ministry's
        // two spokesmen give one voice), as in the candidate rules.
        if (
            type == RelationType.Supersedes
            && (from.OnBehalfOfId ?? from.AssertedById) != (to.OnBehalfOfId ?? to.AssertedById)
        )
        {
            errors.Add(
                nameof(Type),
                "Only the same voice can supersede its own claim; use 'refines' or 'contradicts' across actors."
            );
        }

        errors.ThrowIfAny();
        return new ClaimRelation(id, from.Id, to.Id, type, why!, who!, proposedAt);
    }

    /// <summary>Confirms or dismisses the proposal. Four eyes: the proposer cannot review their own relation.</summary>
    /// <param name="wrongClaimId">Confirming a contradiction: the side the reviewer judges wrong (either of its
    /// claims), or null for "can't tell".</param>
    public void Review(
        ReviewState decision,
        string reviewer,
        string? note,
        DateTimeOffset at,
        Guid? wrongClaimId = null
    )
    {
        var errors = new ValidationErrors();
        var who = errors.Check(() => Rules.RequiredText(reviewer, nameof(ReviewedBy), MaxLengths.UserName));
        var why = errors.Check(() => Rules.OptionalText(note, nameof(ReviewNote), MaxLengths.Note));
        if (State != ReviewState.Proposed)
        {
            errors.Add(
                nameof(State),
                $"This relation was already {State.ToString().ToLowerInvariant()} by {ReviewedBy}."
            );
        }

        if (decision == ReviewState.Proposed)
        {
            errors.Add(nameof(State), "A review confirms or dismisses.");
        }

        if (string.Equals(who, ProposedBy, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(nameof(ReviewedBy), "Another reviewer must review this relation: you proposed it.");
        }

        if (decision == ReviewState.Dismissed && why is null)
        {
            errors.Add(nameof(ReviewNote), "Say why the relation is dismissed.");
        }

        if (
            wrongClaimId is { } wrong
            && (
                decision != ReviewState.Confirmed
                || Type != RelationType.Contradicts
                || (wrong != FromClaimId && wrong != ToClaimId)
            )
        )
        {
            errors.Add(
                nameof(WrongClaimId),
                "Only a confirmed contradiction has a wrong side, and it is one of its two claims."
            );
        }

        errors.ThrowIfAny();
        State = decision;
        ReviewedBy = who;
        ReviewedAt = at;
        ReviewNote = why;
        WrongClaimId = wrongClaimId;
    }
}
