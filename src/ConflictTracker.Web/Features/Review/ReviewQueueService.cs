using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Review;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

public enum QueueKind
{
    Candidate,
    Relation,
    Flag,
}

/// <summary>How many items wait in each part of the queue.</summary>
public sealed record QueueCounts(int Candidates, int Relations, int Flags)
{
    public int Total => Candidates + Relations + Flags;
}

/// <summary>
/// One thing waiting for a reviewer: a contradiction candidate, a proposed relation or an open flag.
/// <see cref="FirstClaimId"/> and <see cref="SecondClaimId"/> are the claims to put side by side
/// (a flag on a claim has only the first).
/// </summary>
/// <param name="Version">The item's version when read: a decision on a changed item is refused.</param>
/// <param name="JudgesWrongSide">A contradiction between two claims: confirming it asks which side is wrong.</param>
/// <param name="FirstSpeaker">Who made the first claim, to tell items apart at a glance (as the second).</param>
/// <param name="FirstFigure">The first claim's figure, if it has one ("nearly 1,500"; as the second).</param>
/// <param name="AssignedTo">The reviewer who has the item (docs/rules/review-queue.md, "Assignment").</param>
public sealed record QueueItem(
    QueueKind Kind,
    Guid Id,
    EntityRef Proposition,
    DateTimeOffset Since,
    string What,
    string Detail,
    string? RaisedBy,
    Guid FirstClaimId,
    string FirstSummary,
    Guid? SecondClaimId,
    string? SecondSummary,
    uint Version,
    int GroupSize = 0,
    bool JudgesWrongSide = false,
    string? FirstSpeaker = null,
    string? SecondSpeaker = null,
    string? FirstFigure = null,
    string? SecondFigure = null,
    string? AssignedTo = null
)
{
    /// <summary>A denial's open opposed-stance candidates, shown and decided as one item (<see cref="Id"/> is the
    /// denial's claim id).</summary>
    public bool IsGroup => GroupSize > 0;
}

/// <summary>One pair of a grouped item: the candidate (with its version) and the claim the denial stands
/// against.</summary>
public sealed record CandidateGroupMember(
    Guid CandidateId,
    uint Version,
    Guid ClaimId,
    string Summary,
    string Speaker,
    string StatedOn,
    string? Figure
);

/// <summary>A denial and the open opposed-stance candidates it stands in, at most <see
/// cref="ReviewQueueService.ListLimit"/> (<see cref="Total"/> counts all).</summary>
public sealed record CandidateGroup(
    Guid DenialId,
    string Summary,
    string Speaker,
    string StatedOn,
    IReadOnlyList<CandidateGroupMember> Members,
    int Total
);

public sealed record QueueProposition(EntityRef Proposition, int Items);

/// <summary>Whose items the queue lists.</summary>
public enum QueueAssignee
{
    All,
    Mine,
    Unassigned,
}

/// <param name="Assignee">Everyone's items, the signed-in reviewer's, or those nobody has.</param>
/// <param name="ByProposition">Grouped by proposition (by name), oldest first within each.</param>
public sealed record QueueFilter(
    QueueKind? Kind = null,
    Guid? PropositionId = null,
    bool NewestFirst = false,
    QueueAssignee Assignee = QueueAssignee.All,
    bool ByProposition = false
);

public sealed record QueuePage(
    QueueCounts Counts,
    IReadOnlyList<QueueProposition> Propositions,
    IReadOnlyList<QueueItem> Items,
    bool Truncated
);

public sealed record RelationRow(
    Guid Id,
    Guid FromClaimId,
    Guid ToClaimId,
    RelationType Type,
    ReviewState State,
    string Rationale,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNote,
    uint Version
);

public sealed record FlagRow(
    Guid Id,
    Guid? ClaimId,
    Guid? RelationId,
    FlagKind Kind,
    FlagStatus Status,
    string Comment,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    string? ClosedBy,
    DateTimeOffset? ClosedAt,
    string? Resolution,
    uint Version
);

public sealed record CandidateRow(
    Guid Id,
    Guid PropositionId,
    Guid FirstClaimId,
    Guid SecondClaimId,
    CandidateRule Rule,
    RelationType Proposes,
    string Reason,
    CandidateState State,
    DateTimeOffset FoundAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    Guid? RelationId,
    uint Version
);

/// <summary>The reviewers' queue: open candidates, proposed relations and open flags, by proposition and age.</summary>
public sealed class ReviewQueueService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    /// <summary>At most this many items are listed at once; the counts are always complete.</summary>
    public const int PageSize = 100;

    public async Task<QueueCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Propose, "see the review queue");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CountsAsync(db, cancellationToken);
    }

    /// <summary>
    /// The queue's first page for <paramref name="filter"/>, with the counts and the propositions. Each kind's
    /// items are read in queue order from an index of its open items and cut there, so a page costs the same
    /// with 100 or 200,000 items waiting (docs/rules/review-queue.md, docs/performance.md).
    /// </summary>
    public async Task<QueuePage> GetAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Propose, "see the review queue");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the page's statements, not one from the pool for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var whose = await WhoseAsync(db, filter.Assignee);
        var tally = await QueueTally.ReadAsync(db, cancellationToken);
        var all =
            filter.ByProposition && filter.PropositionId is null && filter.Assignee != QueueAssignee.Mine
                ? await ByPropositionAsync(db, filter, whose, tally.Propositions, cancellationToken)
                : await ItemsAsync(
                    db,
                    filter,
                    new Within(filter.PropositionId is { } id ? [id] : null, AnySide: true),
                    // A reviewer's own items are few: by proposition, all of them (up to a list's limit) are
                    // read and ordered by name here, rather than walking the propositions for them.
                    filter.ByProposition
                    && filter.Assignee == QueueAssignee.Mine
                        ? ListLimit
                        : PageSize + 1,
                    whose,
                    cancellationToken
                );
        var ordered = (
            filter.ByProposition
                ? all.OrderBy(i => i.Proposition.Name, StringComparer.Ordinal).ThenBy(i => i.Since).ThenBy(i => i.Id)
            : filter.NewestFirst ? all.OrderByDescending(i => i.Since).ThenByDescending(i => i.Id)
            : all.OrderBy(i => i.Since).ThenBy(i => i.Id)
        ).Take(PageSize).ToList();
        return new QueuePage(
            tally.Counts,
            tally.Propositions,
            await QueueItemDetails.AddAsync(db, ordered, cancellationToken),
            all.Count > PageSize
        );
    }

    /// <summary>The propositions a kind's query is limited to (none: all), and whether a relation counts for the
    /// proposition of either claim (a filter) or only its subject's (where it is listed).</summary>
    private sealed record Within(IReadOnlyList<Guid>? Ids, bool AnySide);

    /// <summary>Each kind's first <paramref name="limit"/> items in queue order.</summary>
    private static async Task<List<QueueItem>> ItemsAsync(
        AppDbContext db,
        QueueFilter filter,
        Within within,
        int limit,
        Whose whose,
        CancellationToken cancellationToken
    )
    {
        var all = new List<QueueItem>();
        if (filter.Kind is null or QueueKind.Candidate)
        {
            all.AddRange(await QueueCandidates.PairsAsync(db, filter, within.Ids, limit, whose, cancellationToken));
            all.AddRange(await QueueCandidates.GroupsAsync(db, filter, within.Ids, limit, whose, cancellationToken));
        }

        if (filter.Kind is null or QueueKind.Relation)
        {
            all.AddRange(await RelationsAsync(db, filter, within, limit, whose, cancellationToken));
        }

        if (filter.Kind is null or QueueKind.Flag)
        {
            all.AddRange(await FlagsAsync(db, filter, within.Ids, limit, whose, cancellationToken));
        }

        return all;
    }

    /// <summary>
    /// Grouped by proposition, by name: the items of the first propositions by name, read whole while their
    /// counted items are fewer than a page, and the oldest of the proposition that fills the page. With a
    /// Whose filter fewer items than counted may be found; then the propositions read are widened (four times
    /// the items each round) until the page is full or every proposition has been read.
    /// </summary>
    private static async Task<List<QueueItem>> ByPropositionAsync(
        AppDbContext db,
        QueueFilter filter,
        Whose whose,
        IReadOnlyList<QueueProposition> propositions,
        CancellationToken cancellationToken
    )
    {
        filter = filter with { NewestFirst = false };
        var byName = propositions.OrderBy(p => p.Proposition.Name, StringComparer.Ordinal).ToList();
        var wanted = PageSize + 1;
        while (true)
        {
            // The first propositions whose items stay under what is wanted are read whole; the next one's oldest.
            var whole = new List<Guid>();
            var items = 0;
            var next = 0;
            while (next < byName.Count && items + byName[next].Items < wanted)
            {
                whole.Add(byName[next].Proposition.Id);
                items += byName[next].Items;
                next++;
            }

            var found =
                whole.Count == 0
                    ? []
                    : await ItemsAsync(db, filter, new(whole, false), wanted, whose, cancellationToken);
            if (next < byName.Count)
            {
                found.AddRange(
                    await ItemsAsync(
                        db,
                        filter,
                        new([byName[next].Proposition.Id], false),
                        PageSize + 1,
                        whose,
                        cancellationToken
                    )
                );
            }

            if (found.Count > PageSize || next + 1 >= byName.Count)
            {
                return found;
            }

            wanted *= 4;
        }
    }

    /// <summary>Relations, optionally of one claim (either side) or in one state; oldest first, at most <see
    /// cref="ListLimit"/>.</summary>
    public async Task<IReadOnlyList<RelationRow>> RelationsAsync(
        Guid? claimId,
        ReviewState? state,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read relations");
        Known(state, "state");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Relations.AsNoTracking()
            .Where(r =>
                (claimId == null || r.FromClaimId == claimId || r.ToClaimId == claimId)
                && (state == null || r.State == state)
            )
            .OrderBy(r => r.ProposedAt)
            .ThenBy(r => r.Id)
            .Take(ListLimit)
            .Select(r => new RelationRow(
                r.Id,
                r.FromClaimId,
                r.ToClaimId,
                r.Type,
                r.State,
                r.Rationale,
                r.ProposedBy,
                r.ProposedAt,
                r.ReviewedBy,
                r.ReviewedAt,
                r.ReviewNote,
                r.Version
            ))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Flags, optionally on one claim or in one status; oldest first, at most <see
    /// cref="ListLimit"/>.</summary>
    public async Task<IReadOnlyList<FlagRow>> FlagsAsync(
        Guid? claimId,
        FlagStatus? status,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read flags");
        Known(status, "status");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Flags.AsNoTracking()
            .Where(f => (claimId == null || f.ClaimId == claimId) && (status == null || f.Status == status))
            .OrderBy(f => f.RaisedAt)
            .ThenBy(f => f.Id)
            .Take(ListLimit)
            .Select(f => new FlagRow(
                f.Id,
                f.ClaimId,
                f.RelationId,
                f.Kind,
                f.Status,
                f.Comment,
                f.RaisedBy,
                f.RaisedAt,
                f.ClosedBy,
                f.ClosedAt,
                f.Resolution,
                f.Version
            ))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Contradiction candidates, optionally on one proposition or in one state; oldest first, at most <see
    /// cref="ListLimit"/>.</summary>
    public async Task<IReadOnlyList<CandidateRow>> CandidatesAsync(
        Guid? propositionId,
        CandidateState? state,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read contradiction candidates");
        Known(state, "state");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db
            .Candidates.AsNoTracking()
            .Where(c =>
                (propositionId == null || c.PropositionId == propositionId) && (state == null || c.State == state)
            )
            .OrderBy(c => c.FoundAt)
            .ThenBy(c => c.Id)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        return rows.Select(c => new CandidateRow(
                c.Id,
                c.PropositionId,
                c.FirstClaimId,
                c.SecondClaimId,
                c.Rule,
                c.Proposes,
                c.Reason,
                c.State,
                c.FoundAt,
                c.DecidedBy,
                c.DecidedAt,
                c.DecisionNote,
                c.RelationId,
                c.Version
            ))
            .ToList();
    }

    /// <summary>
    /// A grouped item: the denial and the open opposed-stance candidates it stands in, oldest first,
    /// at most <see cref="ListLimit"/> (the rest stay in the group for the next decision). Read through
    /// the candidates' claim-id indexes: only this denial's pairs are read.
    /// </summary>
    public async Task<CandidateGroup?> CandidateGroupAsync(Guid denialId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Propose, "see the review queue");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var denial = await (
            from claim in db.Claims.AsNoTracking()
            where claim.Id == denialId && claim.Stance == Stance.Denies
            join actor in db.Actors on claim.AssertedById equals actor.Id
            select new
            {
                claim.Summary,
                claim.StatedOn,
                actor.Name,
            }
        ).SingleOrDefaultAsync(cancellationToken);
        if (denial is null)
        {
            return null;
        }

        var open = db
            .Candidates.AsNoTracking()
            .Where(c =>
                c.State == CandidateState.Open
                && c.Rule == CandidateRule.OpposedStances
                && (c.FirstClaimId == denialId || c.SecondClaimId == denialId)
            );
        var total = await open.CountAsync(cancellationToken);
        var rows = await (
            from candidate in open
            join other in db.Claims
                on (
                    candidate.FirstClaimId == denialId ? candidate.SecondClaimId : candidate.FirstClaimId
                ) equals other.Id
            join actor in db.Actors on other.AssertedById equals actor.Id
            orderby candidate.FoundAt, candidate.Id
            select new
            {
                candidate.Id,
                candidate.Version,
                Other = other,
                actor.Name,
            }
        )
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        var members = rows.OrderBy(r => r.Other.StatedOn.Earliest)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Id)
            .Select(r => new CandidateGroupMember(
                r.Id,
                r.Version,
                r.Other.Id,
                r.Other.Summary,
                r.Name,
                r.Other.StatedOn.ToString(),
                r.Other.Quantity?.ToString()
            ))
            .ToList();
        return new CandidateGroup(denialId, denial.Summary, denial.Name, denial.StatedOn.ToString(), members, total);
    }

    /// <summary>The most rows a list returns.</summary>
    public const int ListLimit = 500;

    /// <summary>A filter's enum value must be one of its names: "?state=99" parses as a number, which is no
    /// state.</summary>
    private static void Known<T>(T? value, string field)
        where T : struct, Enum
    {
        if (value is { } given && !Enum.IsDefined(given))
        {
            throw new DomainValidationException(
                field,
                $"'{given}' is not a known {field}; use one of {string.Join(", ", Enum.GetNames<T>())}."
            );
        }
    }

    /// <summary>
    /// The Whose filter, applied in each kind's query (before its page is cut, so "mine" finds an item
    /// however deep in the queue it is): <see cref="Whose.Taken"/> are the ids assigned to me (Mine) or to
    /// anyone (Unassigned).
    /// </summary>
    internal sealed record Whose(bool MineOnly, bool UnassignedOnly, IQueryable<Guid> Taken);

    private async Task<Whose> WhoseAsync(AppDbContext db, QueueAssignee assignee)
    {
        var assigned = db.Set<ReviewAssignment>().Where(a => a.AssignedTo != null);
        if (assignee == QueueAssignee.Mine)
        {
            // The reviewer's name in any case, as a LIKE pattern with its wildcards escaped.
            var me = System.Text.RegularExpressions.Regex.Replace(
                (await access.UserAsync()).Identity?.Name ?? "",
                @"[\\%_]",
                @"\$0"
            );
            assigned = assigned.Where(a => EF.Functions.ILike(a.AssignedTo!, me, "\\"));
        }

        return new(assignee == QueueAssignee.Mine, assignee == QueueAssignee.Unassigned, assigned.Select(a => a.Id));
    }

    private static async Task<QueueCounts> CountsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await QueueTally.ReadAsync(db, cancellationToken)).Counts;

    private static async Task<List<QueueItem>> RelationsAsync(
        AppDbContext db,
        QueueFilter filter,
        Within within,
        int limit,
        Whose whose,
        CancellationToken cancellationToken
    )
    {
        var rows = await (
            from relation in db.Relations.AsNoTracking()
            where
                relation.State == ReviewState.Proposed
                && (!whose.MineOnly || whose.Taken.Contains(relation.Id))
                && (!whose.UnassignedOnly || !whose.Taken.Contains(relation.Id))
            join subject in db.Claims on relation.FromClaimId equals subject.Id
            join to in db.Claims on relation.ToClaimId equals to.Id
            where
                within.Ids == null
                || within.Ids.Contains(subject.PropositionId)
                || (within.AnySide && within.Ids.Contains(to.PropositionId))
            join proposition in db.Propositions on subject.PropositionId equals proposition.Id
            select new
            {
                relation,
                proposition.Statement,
                subject.PropositionId,
                From = subject.Summary,
                To = to.Summary,
            }
        )
            .OrderBy(filter.NewestFirst, r => r.relation.ProposedAt, r => r.relation.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueItem(
                QueueKind.Relation,
                r.relation.Id,
                new EntityRef(r.PropositionId, r.Statement),
                r.relation.ProposedAt,
                $"Proposed: {Display.Words(r.relation.Type.ToString())}",
                r.relation.Rationale,
                r.relation.ProposedBy,
                r.relation.FromClaimId,
                r.From,
                r.relation.ToClaimId,
                r.To,
                r.relation.Version,
                JudgesWrongSide: r.relation.Type == RelationType.Contradicts
            ))
            .ToList();
    }

    private static async Task<List<QueueItem>> FlagsAsync(
        AppDbContext db,
        QueueFilter filter,
        IReadOnlyList<Guid>? within,
        int limit,
        Whose whose,
        CancellationToken cancellationToken
    )
    {
        var rows = await (
            from flag in db.Flags.AsNoTracking()
            where
                flag.Status == FlagStatus.Open
                && (!whose.MineOnly || whose.Taken.Contains(flag.Id))
                && (!whose.UnassignedOnly || !whose.Taken.Contains(flag.Id))
            join relation in db.Relations on flag.RelationId equals relation.Id into onRelation
            from relation in onRelation.DefaultIfEmpty()
            let firstId = flag.ClaimId ?? relation!.FromClaimId
            join first in db.Claims on firstId equals first.Id
            where within == null || within.Contains(first.PropositionId)
            join proposition in db.Propositions on first.PropositionId equals proposition.Id
            select new
            {
                flag,
                proposition.Statement,
                first.PropositionId,
                FirstId = first.Id,
                First = first.Summary,
                SecondId = flag.ClaimId == null ? relation!.ToClaimId : (Guid?)null,
                Second = flag.ClaimId == null
                    ? db.Claims.Where(c => c.Id == relation!.ToClaimId).Select(c => c.Summary).FirstOrDefault()
                    : null,
            }
        )
            .OrderBy(filter.NewestFirst, r => r.flag.RaisedAt, r => r.flag.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueItem(
                QueueKind.Flag,
                r.flag.Id,
                new EntityRef(r.PropositionId, r.Statement),
                r.flag.RaisedAt,
                $"Flag: {Display.Words(r.flag.Kind.ToString())}{(r.flag.RelationId is null ? "" : " (on a relation)")}",
                r.flag.Comment,
                r.flag.RaisedBy,
                r.FirstId,
                r.First,
                r.SecondId,
                r.Second,
                r.flag.Version
            ))
            .ToList();
    }
}

internal static class QueueOrdering
{
    /// <summary>Oldest or newest first, with the id as tie-breaker so a page does not reshuffle on reload.</summary>
    public static IQueryable<T> OrderBy<T>(
        this IQueryable<T> rows,
        bool newestFirst,
        System.Linq.Expressions.Expression<Func<T, DateTimeOffset>> at,
        System.Linq.Expressions.Expression<Func<T, Guid>> id
    ) => newestFirst ? rows.OrderByDescending(at).ThenByDescending(id) : rows.OrderBy(at).ThenBy(id);
}
