using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>
/// The proposition form's writes: propositions and their measures. The contract of every editor
/// (<see cref="Claims.StatementEditorService"/>), with optimistic concurrency as <see cref="VersionedWrites"/> applies
/// it.
/// </summary>
public sealed class PropositionEditorService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<Loaded<PropositionInput>?> LoadPropositionAsync(
        Guid id,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change propositions");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.Propositions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return p is null ? null : new(new PropositionInput(p.Statement, p.Description), p.Version);
    }

    public async Task<Guid> SavePropositionAsync(
        Guid? id,
        uint version,
        PropositionInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create propositions" : "change propositions");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.Give(input.Reason);
        Proposition proposition;
        if (id is null)
        {
            proposition = Proposition.Create(input.Statement, input.Description);
            db.Propositions.Add(proposition);
        }
        else
        {
            proposition = await VersionedWrites.TrackAsync(
                db,
                db.Propositions,
                id.Value,
                version,
                p => p.Version,
                cancellationToken
            );
            proposition.Revise(input.Statement, input.Description);
        }

        if (
            await db.Propositions.AnyAsync(
                p => p.Statement == proposition.Statement && p.Id != proposition.Id,
                cancellationToken
            )
        )
        {
            throw new DomainValidationException(
                nameof(PropositionInput.Statement),
                "This proposition exists already; use it instead."
            );
        }

        await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
        return proposition.Id;
    }

    /// <summary>Adds a measure ("North Korean soldiers sent to Russia", unit "soldiers") that figures on the
    /// proposition count.</summary>
    public async Task AddMeasureAsync(
        Guid propositionId,
        string? name,
        string? unit,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "change propositions");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var proposition =
            await db
                .Propositions.Include(p => p.Measures)
                .SingleOrDefaultAsync(p => p.Id == propositionId, cancellationToken)
            ?? throw VersionedWrites.Missing("proposition");
        proposition.AddMeasure(name, unit);
        await db.SaveChangesAsync(cancellationToken);
    }
}
