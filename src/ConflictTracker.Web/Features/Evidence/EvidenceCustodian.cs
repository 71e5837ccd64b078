using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>
/// An admin's quarantine and release of a stored file, with a reason: the file stays, its history and
/// custody keep the reason, and only admins may open it while it is quarantined.
/// </summary>
public sealed class EvidenceCustodian(IDbContextFactory<AppDbContext> factory, IAccess access, TimeProvider clock)
{
    public Task<uint> QuarantineAsync(
        string sha256,
        uint version,
        string? reason,
        string? address,
        CancellationToken cancellationToken
    ) =>
        ChangeAsync(
            sha256,
            version,
            f => f.Quarantine(reason),
            CustodyAction.Quarantined,
            reason,
            address,
            cancellationToken
        );

    public Task<uint> ReleaseAsync(
        string sha256,
        uint version,
        string? reason,
        string? address,
        CancellationToken cancellationToken
    ) =>
        ChangeAsync(
            sha256,
            version,
            f => f.Release(reason),
            CustodyAction.Released,
            reason,
            address,
            cancellationToken
        );

    private async Task<uint> ChangeAsync(
        string sha256,
        uint version,
        Action<EvidenceFile> change,
        CustodyAction action,
        string? reason,
        string? address,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Administer, "quarantine or release evidence");
        await using var db = await factory.OpenAsAuthorAsync(access, cancellationToken);
        var file =
            await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken)
            ?? throw new RecordNotFoundException("evidence file", sha256);
        if (file.Version != version)
        {
            throw Stale(file.Version);
        }

        change(file);
        db.Entry(file).Property(f => f.Version).OriginalValue = version;
        db.CustodyEvents.Add(
            new CustodyEvent(file.Id, null, action, db.ChangedBy!, clock.GetUtcNow(), address, reason?.Trim())
        );
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(null);
        }

        return file.Version;
    }

    private static StaleVersionException Stale(uint? current) =>
        new(
            "version",
            "The file was quarantined or released by someone else since you read it; read it again.",
            current
        );
}
