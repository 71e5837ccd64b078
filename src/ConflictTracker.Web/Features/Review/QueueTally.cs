using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// What waits in the queue: the open items of each kind by proposition, which give both the counts and the
/// proposition filter's choices. They are kept counted by the database's triggers in <c>review_queue_tally</c>
/// (docs/rules/review-queue.md, "Counts kept"), so reading them costs a few thousand rows at most.
/// </summary>
internal static class QueueTally
{
    public sealed record Tally(QueueCounts Counts, IReadOnlyList<QueueProposition> Propositions);

    private sealed record Row(int Kind, Guid PropositionId, string Statement, int Items);

    public static async Task<Tally> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db
            .Database.SqlQuery<Row>(
                $"""
                SELECT t.kind, t.proposition_id, p.statement, t.items
                FROM review_queue_tally t JOIN propositions p ON p.id = t.proposition_id
                WHERE t.items > 0
                """
            )
            .ToListAsync(cancellationToken);
        int Of(int kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Items);
        var propositions = rows.GroupBy(r => (r.PropositionId, r.Statement))
            .Select(g => new QueueProposition(new EntityRef(g.Key.PropositionId, g.Key.Statement), g.Sum(r => r.Items)))
            .OrderByDescending(p => p.Items)
            .ThenBy(p => p.Proposition.Name)
            .ToList();
        return new Tally(new QueueCounts(Of(0), Of(1), Of(2)), propositions);
    }
}
