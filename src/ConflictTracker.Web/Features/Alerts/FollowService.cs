using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>Following actors and propositions (docs/rules/alerts-and-comments.md): each user their own; following
/// and unfollowing are kept in the change history.</summary>
public sealed class FollowService(IDbContextFactory<AppDbContext> contextFactory, IAccess access, TimeProvider clock)
{
    public async Task<bool> IsFollowingAsync(
        FollowTarget target,
        Guid targetId,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "follow records");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Follows.AnyAsync(
            f => f.UserId == me && f.Target == target && f.TargetId == targetId && f.Active,
            cancellationToken
        );
    }

    /// <summary>
    /// Starts or stops following; doing what is already done changes nothing. Two clicks at once (a double
    /// click, two tabs) race to insert or switch the same row: the loser reads the row again and finds the
    /// work done, or does it on the fresh row.
    /// </summary>
    public async Task SetAsync(
        FollowTarget target,
        Guid targetId,
        bool follow,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "follow records");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveAsync(me, target, targetId, follow, cancellationToken);
                return;
            }
            catch (DbUpdateException e)
                when (attempt < 3
                    && e
                        is DbUpdateConcurrencyException
                            or {
                                InnerException: Npgsql.PostgresException
                                {
                                    SqlState: Npgsql.PostgresErrorCodes.UniqueViolation
                                }
                            }
                )
            {
                // Someone else's save won this row: read it again.
            }
        }
    }

    private async Task SaveAsync(
        Guid me,
        FollowTarget target,
        Guid targetId,
        bool follow,
        CancellationToken cancellationToken
    )
    {
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var exists = target switch
        {
            FollowTarget.Actor => await db.Actors.AnyAsync(a => a.Id == targetId, cancellationToken),
            _ => await db.Propositions.AnyAsync(p => p.Id == targetId, cancellationToken),
        };
        if (!exists)
        {
            throw new RecordNotFoundException(target.ToString().ToLowerInvariant(), targetId);
        }

        var row = await db.Follows.SingleOrDefaultAsync(
            f => f.UserId == me && f.Target == target && f.TargetId == targetId,
            cancellationToken
        );
        if (row is null && follow)
        {
            db.Follows.Add(Follow.Create(me, target, targetId, clock.GetUtcNow()));
        }
        else if (row is not null && row.Active != follow)
        {
            row.Switch(follow, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the user follows, with the records' names, actors first.</summary>
    public async Task<IReadOnlyList<FollowView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "see what you follow");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db
            .Follows.Where(f => f.UserId == me && f.Active && f.Target == FollowTarget.Actor)
            .Join(db.Actors, f => f.TargetId, a => a.Id, (f, a) => new FollowView(FollowTarget.Actor, a.Id, a.Name))
            .ToListAsync(cancellationToken);
        var propositions = await db
            .Follows.Where(f => f.UserId == me && f.Active && f.Target == FollowTarget.Proposition)
            .Join(
                db.Propositions,
                f => f.TargetId,
                p => p.Id,
                (f, p) => new FollowView(FollowTarget.Proposition, p.Id, p.Statement)
            )
            .ToListAsync(cancellationToken);
        return [.. actors.OrderBy(a => a.Name), .. propositions.OrderBy(p => p.Name)];
    }
}

public sealed record FollowView(FollowTarget Target, Guid Id, string Name)
{
    public string Link => Target == FollowTarget.Actor ? $"/actors/{Id}" : $"/propositions/{Id}";
}
