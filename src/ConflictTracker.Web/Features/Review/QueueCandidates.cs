using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// The queue's open contradiction candidates: one item per pair, except the opposed-stance rule's, which are
/// grouped by the denial (one item per denial with the claims it stands against; docs/rules/contradictions.md,
/// "Grouped review"). Both are read in queue order from a partial index of the open candidates of their rules
/// and cut there (docs/performance.md, "Review queue").
/// </summary>
internal static class QueueCandidates
{
    /// <summary>The first <paramref name="limit"/> open pairs of every rule but opposed stances.</summary>
    public static async Task<List<QueueItem>> PairsAsync(
        AppDbContext db,
        QueueFilter filter,
        IReadOnlyList<Guid>? within,
        int limit,
        ReviewQueueService.Whose whose,
        CancellationToken cancellationToken
    )
    {
        var rows = await (
            from candidate in db.Candidates.AsNoTracking()
            where
                candidate.State == CandidateState.Open
                && candidate.Rule != CandidateRule.OpposedStances
                && (within == null || within.Contains(candidate.PropositionId))
                && (!whose.MineOnly || whose.Taken.Contains(candidate.Id))
                && (!whose.UnassignedOnly || !whose.Taken.Contains(candidate.Id))
            join proposition in db.Propositions on candidate.PropositionId equals proposition.Id
            join first in db.Claims on candidate.FirstClaimId equals first.Id
            join second in db.Claims on candidate.SecondClaimId equals second.Id
            select new
            {
                candidate,
                proposition.Statement,
                First = first.Summary,
                Second = second.Summary,
            }
        )
            .OrderBy(filter.NewestFirst, r => r.candidate.FoundAt, r => r.candidate.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueItem(
                QueueKind.Candidate,
                r.candidate.Id,
                new EntityRef(r.candidate.PropositionId, r.Statement),
                r.candidate.FoundAt,
                Display.Label(r.candidate.Rule.ToString()),
                r.candidate.Reason,
                null,
                r.candidate.FirstClaimId,
                r.First,
                r.candidate.SecondClaimId,
                r.Second,
                r.candidate.Version,
                JudgesWrongSide: r.candidate.Proposes == RelationType.Contradicts
            ))
            .ToList();
    }

    /// <summary>
    /// The first <paramref name="limit"/> denials with open opposed-stance pairs, in queue order: a group's place is
    /// its oldest pair's (its newest's, newest first). Each denial's pairs are kept counted by the database's
    /// triggers in <c>review_queue_groups</c> (docs/rules/review-queue.md, "Counts kept"), read here through its
    /// index in that order.
    /// </summary>
    public static async Task<List<QueueItem>> GroupsAsync(
        AppDbContext db,
        QueueFilter filter,
        IReadOnlyList<Guid>? within,
        int limit,
        ReviewQueueService.Whose whose,
        CancellationToken cancellationToken
    )
    {
        var kept = db
            .Database.SqlQuery<Group>(
                $"SELECT denial_id, proposition_id, pairs, since, newest FROM review_queue_groups WHERE pairs > 0"
            )
            .Where(g =>
                (within == null || within.Contains(g.PropositionId))
                && (!whose.MineOnly || whose.Taken.Contains(g.DenialId))
                && (!whose.UnassignedOnly || !whose.Taken.Contains(g.DenialId))
            );
        var groups = await (
            from g in filter.NewestFirst
                ? kept.OrderByDescending(g => g.Newest).ThenByDescending(g => g.DenialId)
                : kept.OrderBy(g => g.Since).ThenBy(g => g.DenialId)
            join denial in db.Claims on g.DenialId equals denial.Id
            join proposition in db.Propositions on g.PropositionId equals proposition.Id
            select new
            {
                g,
                proposition.Statement,
                denial.Summary,
            }
        )
            .Take(limit)
            .ToListAsync(cancellationToken);
        return groups
            .Select(r =>
            {
                var g = r.g;
                return new QueueItem(
                    QueueKind.Candidate,
                    g.DenialId,
                    new EntityRef(g.PropositionId, r.Statement),
                    filter.NewestFirst ? g.Newest : g.Since,
                    $"Opposed stances: a denial against {g.Pairs} {(g.Pairs == 1 ? "claim" : "claims")}",
                    $"This denial stands against {g.Pairs} "
                        + $"{(g.Pairs == 1 ? "claim that affirms" : "claims that affirm")} "
                        + "the proposition; confirm it for the ticked ones.",
                    null,
                    g.DenialId,
                    r.Summary,
                    null,
                    $"{g.Pairs} {(g.Pairs == 1 ? "claim" : "claims")} affirming",
                    0,
                    g.Pairs
                );
            })
            .ToList();
    }

    /// <summary>A row of <c>review_queue_groups</c>: a denial and its open opposed-stance pairs.</summary>
    private sealed record Group(
        Guid DenialId,
        Guid PropositionId,
        int Pairs,
        DateTimeOffset Since,
        DateTimeOffset Newest
    );
}
