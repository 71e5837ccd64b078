using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Saving;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>One ticked pair of a grouped item: the candidate and the version it was listed at.</summary>
public sealed record GroupDecisionMember(Guid Id, uint? Version);

/// <summary>
/// Relations between claims and flags: editors and reviewers propose a relation or raise a flag
/// (policy Propose); a reviewer other than the proposer confirms or dismisses a relation, and closes
/// flags (policy Review). The four-eyes rule and the reasons are the domain's; every step is in the
/// history under its author.
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> contextFactory, IAccess access, TimeProvider time)
{
    public async Task<Guid> ProposeRelationAsync(
        Guid fromClaimId,
        Guid toClaimId,
        RelationType type,
        string? rationale,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Propose, "propose relations");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var from = await ClaimAsync(db, fromClaimId, "FromClaimId", cancellationToken);
        var to = await ClaimAsync(db, toClaimId, "ToClaimId", cancellationToken);
        if (
            await db.Relations.AnyAsync(
                r => r.FromClaimId == fromClaimId && r.ToClaimId == toClaimId && r.Type == type,
                cancellationToken
            )
        )
        {
            throw new DomainValidationException(nameof(ClaimRelation.Type), "This relation has been proposed already.");
        }

        var relation = ClaimRelation.Propose(from, to, type, rationale, db.ChangedBy!, time.GetUtcNow());
        db.Relations.Add(relation);
        await db.SaveChangesAsync(cancellationToken);
        return relation.Id;
    }

    /// <summary>Confirms or dismisses (with a reason) a proposed relation; the proposer cannot review their
    /// own.</summary>
    /// <param name="expectedVersion">The relation's version the reviewer looked at; a relation decided or changed since
    /// is refused.</param>
    /// <param name="wrongClaimId">Confirming a contradiction: the side judged wrong (null: can't tell).</param>
    public async Task ReviewRelationAsync(
        Guid relationId,
        ReviewState decision,
        string? note,
        uint? expectedVersion = null,
        Guid? wrongClaimId = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "review relations");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var relation =
            await db.Relations.SingleOrDefaultAsync(r => r.Id == relationId, cancellationToken)
            ?? throw new DomainValidationException("Relation", "There is no such relation.");
        RequireVersion(relation.Version, expectedVersion, "relation");
        relation.Review(decision, db.ChangedBy!, note, time.GetUtcNow(), wrongClaimId);
        await SaveAsync(db, cancellationToken);
    }

    public async Task<Guid> FlagClaimAsync(
        Guid claimId,
        FlagKind kind,
        string? comment,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Propose, "raise flags");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var flag = Flag.OnClaim(
            await ClaimAsync(db, claimId, "ClaimId", cancellationToken),
            kind,
            comment,
            db.ChangedBy!,
            time.GetUtcNow()
        );
        db.Flags.Add(flag);
        await db.SaveChangesAsync(cancellationToken);
        return flag.Id;
    }

    /// <summary>Resolves or dismisses an open flag, always with a reason.</summary>
    /// <param name="expectedVersion">The flag's version the reviewer looked at; a flag closed or changed since is
    /// refused.</param>
    public async Task CloseFlagAsync(
        Guid flagId,
        FlagStatus outcome,
        string? resolution,
        uint? expectedVersion = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "close flags");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var flag =
            await db.Flags.SingleOrDefaultAsync(f => f.Id == flagId, cancellationToken)
            ?? throw new DomainValidationException("Flag", "There is no such flag.");
        RequireVersion(flag.Version, expectedVersion, "flag");
        flag.Close(outcome, resolution, db.ChangedBy!, time.GetUtcNow());
        await SaveAsync(db, cancellationToken);
    }

    public async Task<Guid> FlagRelationAsync(
        Guid relationId,
        FlagKind kind,
        string? comment,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Propose, "raise flags");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var relation =
            await db.Relations.SingleOrDefaultAsync(r => r.Id == relationId, cancellationToken)
            ?? throw new DomainValidationException("RelationId", "There is no such relation.");
        var flag = Flag.OnRelation(relation, kind, comment, db.ChangedBy!, time.GetUtcNow());
        db.Flags.Add(flag);
        await db.SaveChangesAsync(cancellationToken);
        return flag.Id;
    }

    /// <summary>
    /// Confirms a contradiction candidate: it becomes a confirmed relation (contradicts, or supersedes
    /// for the same voice's later figure) from the later claim to the earlier one, proposed by the
    /// rules and confirmed by this reviewer. A relation someone already proposed for the pair is
    /// confirmed instead of adding a second one (four eyes still apply to it); one a reviewer
    /// dismissed stands: a candidate cannot overrule a reviewer.
    /// </summary>
    /// <param name="expectedVersion">The candidate's version the reviewer looked at; a candidate changed since (a claim
    /// was reworded) is refused.</param>
    /// <param name="wrongClaimId">A contradiction: which of its two claims the reviewer judges wrong (null: can't
    /// tell), counted against that claim's speaker only (docs/rules/contradictions.md).</param>
    public async Task<Guid> ConfirmCandidateAsync(
        Guid candidateId,
        string? note,
        uint? expectedVersion = null,
        Guid? wrongClaimId = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "confirm contradiction candidates");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var candidate = await CandidateAsync(db, candidateId, expectedVersion, cancellationToken);
        var relation = await ConfirmAsync(db, candidate, note, time.GetUtcNow(), wrongClaimId, cancellationToken);
        await SaveAsync(db, cancellationToken);
        return relation.Id;
    }

    /// <summary>
    /// Decides a grouped item (docs/rules/contradictions.md, "Grouped review"): the open opposed-stance
    /// candidates of one denial that the reviewer ticked, each with the version it was shown at, are all
    /// confirmed (each becomes a confirmed contradiction) or all dismissed with the note, in one
    /// transaction. A pair changed or decided since, or not the denial's, refuses the whole decision;
    /// pairs not listed stay open. Returns the relations confirmed (none for a dismissal).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> DecideCandidateGroupAsync(
        Guid denialId,
        ReviewState decision,
        IReadOnlyList<GroupDecisionMember>? candidates,
        string? note,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "decide grouped candidates");
        if (decision is not (ReviewState.Confirmed or ReviewState.Dismissed))
        {
            throw new DomainValidationException("Decision", "Decide Confirmed or Dismissed.");
        }

        if (candidates is null || candidates.Count == 0)
        {
            throw new DomainValidationException("Candidates", "Tick at least one claim the denial stands against.");
        }

        if (candidates.Count > ReviewQueueService.ListLimit)
        {
            throw new DomainValidationException(
                "Candidates",
                $"Decide at most {ReviewQueueService.ListLimit} pairs at once."
            );
        }

        if (candidates.Any(c => c is null || c.Version is null))
        {
            throw new DomainValidationException("Candidates", "Give each candidate with the version it was listed at.");
        }

        var ids = candidates.Select(c => c.Id).ToList();
        if (ids.Distinct().Count() != ids.Count)
        {
            throw new DomainValidationException("Candidates", "A candidate is listed twice.");
        }

        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        if (!await db.Claims.AnyAsync(c => c.Id == denialId && c.Stance == Stance.Denies, cancellationToken))
        {
            throw new DomainValidationException("Denial", "There is no such denial.");
        }

        var found = await db.Candidates.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var ordered = new List<ContradictionCandidate>();
        foreach (var member in candidates)
        {
            if (
                !found.TryGetValue(member.Id, out var candidate)
                || candidate.Rule != CandidateRule.OpposedStances
                || (candidate.FirstClaimId != denialId && candidate.SecondClaimId != denialId)
            )
            {
                throw new DomainValidationException(
                    "Candidates",
                    $"Candidate {member.Id} is not one of this denial's opposed-stance candidates."
                );
            }

            if (candidate.Version != member.Version || candidate.State != CandidateState.Open)
            {
                throw new StaleVersionException(
                    "State",
                    "The pair with claim "
                        + $"{(candidate.FirstClaimId == denialId ? candidate.SecondClaimId : candidate.FirstClaimId)} "
                        + "changed or was decided since you opened this item; nothing was saved. Reload it and decide "
                        + "again.",
                    candidate.Version
                );
            }

            ordered.Add(candidate);
        }

        var now = time.GetUtcNow();
        var relations = new List<Guid>();
        foreach (var candidate in ordered)
        {
            if (decision == ReviewState.Confirmed)
            {
                relations.Add((await ConfirmAsync(db, candidate, note, now, null, cancellationToken)).Id);
            }
            else
            {
                candidate.Dismiss(db.ChangedBy!, note, now);
            }
        }

        await SaveAsync(db, cancellationToken);
        return relations;
    }

    private static async Task<ClaimRelation> ConfirmAsync(
        AppDbContext db,
        ContradictionCandidate candidate,
        string? note,
        DateTimeOffset now,
        Guid? wrongClaimId,
        CancellationToken cancellationToken
    )
    {
        var pair = new[] { candidate.FirstClaimId, candidate.SecondClaimId };
        var existing = await db
            .Relations.Where(r =>
                r.Type == candidate.Proposes && pair.Contains(r.FromClaimId) && pair.Contains(r.ToClaimId)
            )
            .ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(r => r.State == ReviewState.Dismissed) is { } dismissed)
        {
            throw new DomainValidationException(
                "Relation",
                $"{dismissed.ReviewedBy} dismissed this relation ({dismissed.ReviewNote}); dismiss the candidate, "
                    + "or flag the claims to reopen the question."
            );
        }

        // Supersedes has a direction: the later claim supersedes the earlier one.
        var relation = existing
            .Where(r => r.Type != RelationType.Supersedes || r.FromClaimId == candidate.SecondClaimId)
            .OrderBy(r => r.State == ReviewState.Confirmed ? 0 : 1)
            .FirstOrDefault();
        if (relation is null && existing.Count > 0)
        {
            throw new DomainValidationException(
                "Relation",
                "A relation between these claims runs the other way; review that proposal instead."
            );
        }

        if (relation is null)
        {
            relation = ClaimRelation.Propose(
                await ClaimAsync(db, candidate.SecondClaimId, "SecondClaimId", cancellationToken),
                await ClaimAsync(db, candidate.FirstClaimId, "FirstClaimId", cancellationToken),
                candidate.Proposes,
                $"Found by the contradiction rules: {candidate.Reason}",
                CandidateRefresh.CandidateRulesAuthor,
                candidate.FoundAt
            );
            db.Relations.Add(relation);
        }

        if (relation.State == ReviewState.Proposed)
        {
            relation.Review(ReviewState.Confirmed, db.ChangedBy!, note, now, wrongClaimId);
        }

        candidate.Confirm(relation, db.ChangedBy!, note, now);
        return relation;
    }

    /// <summary>Dismisses a candidate with a reason; it stays dismissed until one of its two claims changes.</summary>
    public async Task DismissCandidateAsync(
        Guid candidateId,
        string? reason,
        uint? expectedVersion = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "dismiss contradiction candidates");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var candidate = await CandidateAsync(db, candidateId, expectedVersion, cancellationToken);
        candidate.Dismiss(db.ChangedBy!, reason, time.GetUtcNow());
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Rates a claim's credibility (Admiralty 1-6, or null to clear) with an optional note. With
    /// <paramref name="expectedVersion"/> (the claim's version the reviewer looked at), a claim changed
    /// since, by an editor or another reviewer's rating, is refused rather than overwritten.
    /// </summary>
    public async Task RateCredibilityAsync(
        Guid claimId,
        Credibility? credibility,
        string? note,
        uint? expectedVersion = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "rate credibility");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var claim = await ClaimAsync(db, claimId, "ClaimId", cancellationToken);
        RequireVersion(claim.Version, expectedVersion, "claim");
        claim.Rate(credibility, note);
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>Gives a proposition its assessment (unverified, likely, confirmed, disputed, false) with a
    /// rationale.</summary>
    public async Task AssessPropositionAsync(
        Guid propositionId,
        Assessment assessment,
        string? rationale,
        uint? expectedVersion = null,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Review, "assess propositions");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var proposition =
            await db.Propositions.SingleOrDefaultAsync(p => p.Id == propositionId, cancellationToken)
            ?? throw new DomainValidationException("PropositionId", "There is no such proposition.");
        RequireVersion(proposition.Version, expectedVersion, "proposition");
        proposition.Assess(assessment, rationale);
        await SaveAsync(db, cancellationToken);
    }

    private static void RequireVersion(uint current, uint? expected, string what)
    {
        if (expected is { } version && version != current)
        {
            throw new StaleVersionException(
                "Version",
                $"The {what} changed since you opened it; reload to see the change, then decide again.",
                current
            );
        }
    }

    private static async Task<ContradictionCandidate> CandidateAsync(
        AppDbContext db,
        Guid id,
        uint? expectedVersion,
        CancellationToken cancellationToken
    )
    {
        var candidate =
            await db.Candidates.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainValidationException("Candidate", "There is no such candidate.");
        if (expectedVersion is { } version && version != candidate.Version)
        {
            throw new StaleVersionException(
                "State",
                "One of the claims changed since you opened this candidate; look at it again before deciding.",
                candidate.Version
            );
        }

        return candidate;
    }

    private static async Task<Claim> ClaimAsync(
        AppDbContext db,
        Guid id,
        string field,
        CancellationToken cancellationToken
    ) =>
        await db.Claims.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new DomainValidationException(field, "There is no such claim.");

    /// <summary>
    /// Two reviewers deciding the same thing at once (a changed version, or the same relation inserted
    /// twice): the second is told, not failed.
    /// </summary>
    private static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex)
            when (ex is DbUpdateConcurrencyException
                || (
                    ex is DbUpdateException
                    {
                        InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
                    }
                )
            )
        {
            throw new StaleVersionException(
                "State",
                "Someone else decided this at the same moment; reload to see their decision."
            );
        }
    }
}
