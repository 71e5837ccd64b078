using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Review;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Assigning review-queue items (docs/rules/review-queue.md, "Assignment"): a reviewer takes a waiting item
/// ("assign to me") or gives it back (unassign). Stored with its history under the item; two reviewers taking
/// the same item at once: the second is told who has it, never silently overwritten.
/// </summary>
public sealed class ReviewAssignmentService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    TimeProvider time
)
{
    /// <summary>Takes the item for the signed-in reviewer; refused while another reviewer has it.</summary>
    public async Task AssignToMeAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Review, "take review items");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var assignment = await LoadAsync(db, itemId, cancellationToken);
        assignment.AssignTo(db.ChangedBy!, time.GetUtcNow());
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>Leaves the item to nobody (any reviewer may, so an item is never stuck with someone away).</summary>
    public async Task UnassignAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Review, "give back review items");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var assignment = await LoadAsync(db, itemId, cancellationToken);
        if (assignment.AssignedTo is null)
        {
            return;
        }

        assignment.Unassign();
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>The item's assignment, new when it has none; refused unless the item waits in the queue.</summary>
    private static async Task<ReviewAssignment> LoadAsync(
        AppDbContext db,
        Guid itemId,
        CancellationToken cancellationToken
    )
    {
        var waiting =
            await db.Candidates.AnyAsync(c => c.Id == itemId && c.State == CandidateState.Open, cancellationToken)
            || await db.Relations.AnyAsync(r => r.Id == itemId && r.State == ReviewState.Proposed, cancellationToken)
            || await db.Flags.AnyAsync(f => f.Id == itemId && f.Status == FlagStatus.Open, cancellationToken)
            || await db.Claims.AnyAsync(c => c.Id == itemId && c.Stance == Stance.Denies, cancellationToken);
        if (!waiting)
        {
            throw new DomainValidationException("Item", "Nothing waits for review under this id.");
        }

        var assignment = await db.Set<ReviewAssignment>().SingleOrDefaultAsync(a => a.Id == itemId, cancellationToken);
        if (assignment is null)
        {
            assignment = ReviewAssignment.For(itemId);
            db.Add(assignment);
        }

        return assignment;
    }

    /// <summary>Two reviewers taking the item at the same moment: the second is told, not failed.</summary>
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
                "AssignedTo",
                "Someone else took or gave back this item at the same moment; reload to see who has it."
            );
        }
    }
}
