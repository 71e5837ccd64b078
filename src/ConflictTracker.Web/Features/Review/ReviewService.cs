using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Editing;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Relations between claims and flags: editors and reviewers propose a relation or raise a flag
/// (policy Propose); a reviewer other than the proposer confirms or dismisses a relation, and closes
/// flags (policy Review). The four-eyes rule and the reasons are the domain's; every step is in the
/// history under its author.
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> contextFactory, IAccess access, TimeProvider time)
{
    public async Task<Guid> ProposeRelationAsync(Guid fromClaimId, Guid toClaimId, RelationType type, string? rationale)
    {
        await access.DemandAsync(Policies.Propose, "propose relations");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var from = await ClaimAsync(db, fromClaimId, "FromClaimId");
        var to = await ClaimAsync(db, toClaimId, "ToClaimId");
        if (await db.Relations.AnyAsync(r => r.FromClaimId == fromClaimId && r.ToClaimId == toClaimId && r.Type == type))
        {
            throw new DomainValidationException(nameof(ClaimRelation.Type), "This relation has been proposed already.");
        }

        var relation = ClaimRelation.Propose(from, to, type, rationale, db.ChangedBy!, time.GetUtcNow());
        db.Relations.Add(relation);
        await db.SaveChangesAsync();
        return relation.Id;
    }

    /// <summary>Confirms or dismisses (with a reason) a proposed relation; the proposer cannot review their own.</summary>
    public async Task ReviewRelationAsync(Guid relationId, ReviewState decision, string? note)
    {
        await access.DemandAsync(Policies.Review, "review relations");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var relation = await db.Relations.SingleOrDefaultAsync(r => r.Id == relationId)
            ?? throw new DomainValidationException("Relation", "There is no such relation.");
        relation.Review(decision, db.ChangedBy!, note, time.GetUtcNow());
        await SaveAsync(db);
    }

    public async Task<Guid> FlagClaimAsync(Guid claimId, FlagKind kind, string? comment)
    {
        await access.DemandAsync(Policies.Propose, "raise flags");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var flag = Flag.OnClaim(await ClaimAsync(db, claimId, "ClaimId"), kind, comment, db.ChangedBy!, time.GetUtcNow());
        db.Flags.Add(flag);
        await db.SaveChangesAsync();
        return flag.Id;
    }

    /// <summary>Resolves or dismisses an open flag, always with a reason.</summary>
    public async Task CloseFlagAsync(Guid flagId, FlagStatus outcome, string? resolution)
    {
        await access.DemandAsync(Policies.Review, "close flags");
        await using var db = await contextFactory.OpenAsAuthorAsync(access);
        var flag = await db.Flags.SingleOrDefaultAsync(f => f.Id == flagId) ?? throw new DomainValidationException("Flag", "There is no such flag.");
        flag.Close(outcome, resolution, db.ChangedBy!, time.GetUtcNow());
        await SaveAsync(db);
    }

    private static async Task<Claim> ClaimAsync(AppDbContext db, Guid id, string field) =>
        await db.Claims.SingleOrDefaultAsync(c => c.Id == id) ?? throw new DomainValidationException(field, "There is no such claim.");

    /// <summary>Two reviewers deciding the same relation or flag at once: the second is told, not failed.</summary>
    private static async Task SaveAsync(AppDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainValidationException("State", "Another reviewer decided this at the same moment; reload to see their decision.");
        }
    }
}
