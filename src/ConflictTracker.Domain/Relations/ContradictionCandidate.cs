using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Relations;

/// <summary>
/// A candidate the rules produced (docs/rules/contradictions.md), kept so reviewers can work through
/// it: when it was found, and what a reviewer decided. It is kept up to date whenever one of its
/// claims changes (<see cref="CandidateReconciliation"/>), and never deleted.
/// </summary>
public sealed class ContradictionCandidate : Entity
{
    private ContradictionCandidate(
        Guid id,
        Guid propositionId,
        Candidate found,
        string firstFingerprint,
        string secondFingerprint,
        DateTimeOffset at
    )
        : base(id)
    {
        PropositionId = propositionId;
        FirstClaimId = found.First;
        SecondClaimId = found.Second;
        Rule = found.Rule;
        Reason = found.Reason;
        FirstFingerprint = firstFingerprint;
        SecondFingerprint = secondFingerprint;
        State = CandidateState.Open;
        FoundAt = at;
    }

    // For EF Core.
    private ContradictionCandidate()
    {
        Reason = null!;
        FirstFingerprint = null!;
        SecondFingerprint = null!;
    }

    public Guid PropositionId { get; private set; }

    /// <summary>The earlier statement.</summary>
    public Guid FirstClaimId { get; private set; }

    /// <summary>The later statement (for a supersedes candidate, the one that would supersede).</summary>
    public Guid SecondClaimId { get; private set; }

    public CandidateRule Rule { get; private set; }

    public string Reason { get; private set; }

    /// <summary>What the first claim said when the candidate was last found (<see cref="ClaimFingerprint"/>).</summary>
    public string FirstFingerprint { get; private set; }

    public string SecondFingerprint { get; private set; }

    public CandidateState State { get; private set; }

    /// <summary>When the candidate (last) entered the queue: its age in the queue counts from here.</summary>
    public DateTimeOffset FoundAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reviewer's reason for a dismissal (required), or note on a confirmation.</summary>
    public string? DecisionNote { get; private set; }

    /// <summary>The relation a confirmation created.</summary>
    public Guid? RelationId { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The relation this candidate becomes when confirmed.</summary>
    public RelationType Proposes =>
        Rule == CandidateRule.LaterFigureBySameVoice ? RelationType.Supersedes : RelationType.Contradicts;

    public static ContradictionCandidate Found(
        Guid propositionId,
        Candidate found,
        string firstFingerprint,
        string secondFingerprint,
        DateTimeOffset at,
        Guid id = default
    ) => new(id, propositionId, found, firstFingerprint, secondFingerprint, at);

    /// <summary>
    /// The rules produced this candidate again. An open one takes the new reason and fingerprints; a
    /// lapsed one reopens; a dismissed one reopens only if either claim's fingerprint differs from the
    /// one the reviewer saw (dismissal memory); a confirmed one stays confirmed.
    /// Returns whether anything changed.
    /// </summary>
    public bool FoundAgain(
        Guid propositionId,
        Candidate found,
        string firstFingerprint,
        string secondFingerprint,
        DateTimeOffset at
    )
    {
        var sameClaims =
            found.First == FirstClaimId
                ? firstFingerprint == FirstFingerprint && secondFingerprint == SecondFingerprint
                : firstFingerprint == SecondFingerprint && secondFingerprint == FirstFingerprint;
        switch (State)
        {
            case CandidateState.Confirmed:
            case CandidateState.Dismissed when sameClaims:
                return false;
            case CandidateState.Open
                when sameClaims
                    && found.First == FirstClaimId
                    && found.Reason == Reason
                    && propositionId == PropositionId:
                return false;
            case CandidateState.Dismissed:
            case CandidateState.Lapsed:
                State = CandidateState.Open;
                FoundAt = at;
                DecidedBy = null;
                DecidedAt = null;
                DecisionNote = null;
                break;
        }

        PropositionId = propositionId;
        FirstClaimId = found.First;
        SecondClaimId = found.Second;
        Reason = found.Reason;
        FirstFingerprint = firstFingerprint;
        SecondFingerprint = secondFingerprint;
        return true;
    }

    /// <summary>The rules no longer produce this candidate. An open one lapses; decisions stand. Returns whether it
    /// changed.</summary>
    public bool NoLongerFound()
    {
        if (State != CandidateState.Open)
        {
            return false;
        }

        State = CandidateState.Lapsed;
        return true;
    }

    /// <summary>A reviewer decides the candidate is not a contradiction; the reason is required.</summary>
    public void Dismiss(string reviewer, string? reason, DateTimeOffset at)
    {
        var errors = new ValidationErrors();
        var who = errors.Check(() => Rules.RequiredText(reviewer, nameof(DecidedBy), MaxLengths.UserName));
        var why = errors.Check(() => Rules.OptionalText(reason, nameof(DecisionNote), MaxLengths.Note));
        if (why is null)
        {
            errors.Add(
                nameof(DecisionNote),
                "Give the reason it is not a contradiction: it stays dismissed until one of the claims changes."
            );
        }

        RequireOpen(errors);
        errors.ThrowIfAny();
        Decide(CandidateState.Dismissed, who!, why, at);
    }

    /// <summary>
    /// A reviewer confirms the candidate: the caller creates <paramref name="relation"/>, which must
    /// link the same two claims with the relation this candidate proposes, and confirmed.
    /// </summary>
    public void Confirm(ClaimRelation relation, string reviewer, string? note, DateTimeOffset at)
    {
        var errors = new ValidationErrors();
        var who = errors.Check(() => Rules.RequiredText(reviewer, nameof(DecidedBy), MaxLengths.UserName));
        var why = errors.Check(() => Rules.OptionalText(note, nameof(DecisionNote), MaxLengths.Note));
        RequireOpen(errors);
        var pair = new HashSet<Guid> { FirstClaimId, SecondClaimId };
        if (
            relation.Type != Proposes
            || relation.State != ReviewState.Confirmed
            || !pair.SetEquals([relation.FromClaimId, relation.ToClaimId])
        )
        {
            errors.Add(nameof(RelationId), "The relation does not confirm this candidate.");
        }

        errors.ThrowIfAny();
        Decide(CandidateState.Confirmed, who!, why, at);
        RelationId = relation.Id;
    }

    private void RequireOpen(ValidationErrors errors)
    {
        if (State != CandidateState.Open)
        {
            errors.Add(
                nameof(State),
                State == CandidateState.Lapsed
                    ? "This candidate no longer holds: one of its claims changed or was retracted."
                    : $"This candidate was already {State.ToString().ToLowerInvariant()} by {DecidedBy}."
            );
        }
    }

    private void Decide(CandidateState state, string reviewer, string? note, DateTimeOffset at)
    {
        State = state;
        DecidedBy = reviewer;
        DecidedAt = at;
        DecisionNote = note;
    }
}
