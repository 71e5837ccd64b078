using System.Security.Cryptography;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>
/// Re-hashes stored bytes and compares them with the SHA-256 computed when they arrived
/// (docs/rules/evidence.md, "Verification"). Every check is recorded in the file's custody; a mismatch or a
/// missing file is logged as an error, so monitoring sees it, and reported to whoever asked.
/// </summary>
public sealed partial class EvidenceVerifier(
    IDbContextFactory<AppDbContext> factory,
    IAccess access,
    IEvidenceStore store,
    TimeProvider clock,
    ILogger<EvidenceVerifier> logger
)
{
    /// <summary>The custody's name for the command line.</summary>
    public const string Operator = "operator";

    /// <summary>Verifies one file on demand (editors, reviewers and admins).</summary>
    public async Task<VerificationView?> VerifyAsync(
        string sha256,
        string? address,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Propose, "verify evidence");
        var user = (await access.UserAsync()).Identity?.Name ?? Operator;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var file = await db
            .EvidenceFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);
        return file is null ? null : await CheckAsync(db, file, user, address, cancellationToken);
    }

    /// <summary>Verifies every stored file (the <c>admin verify-evidence</c> command), and lists blobs no file row
    /// records (left by an upload whose database write failed; harmless, reported for the operator).</summary>
    public async Task<VerificationReport> VerifyAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var files = await db.EvidenceFiles.AsNoTracking().OrderBy(f => f.StoredAt).ToListAsync(cancellationToken);
        var failures = new List<VerificationView>();
        foreach (var file in files)
        {
            var result = await CheckAsync(db, file, Operator, null, cancellationToken);
            if (result.Result != CustodyAction.Verified)
            {
                failures.Add(result);
            }
        }

        var known = files.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        var unrecorded = new List<string>();
        await foreach (var key in store.ListAsync("sha256/", cancellationToken))
        {
            if (EvidenceKeys.Sha256Of(key) is not { } sha || !known.Contains(sha))
            {
                unrecorded.Add(key);
            }
        }

        return new VerificationReport(files.Count, files.Count - failures.Count, failures, unrecorded);
    }

    private async Task<VerificationView> CheckAsync(
        AppDbContext db,
        EvidenceFile file,
        string actor,
        string? address,
        CancellationToken cancellationToken
    )
    {
        string? found = null;
        await using (var content = await store.OpenReadAsync(EvidenceKeys.Original(file.Sha256), cancellationToken))
        {
            if (content is not null)
            {
                found = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
            }
        }

        var result =
            found is null ? CustodyAction.Missing
            : found == file.Sha256 ? CustodyAction.Verified
            : CustodyAction.Mismatch;
        var at = clock.GetUtcNow();
        var detail = result switch
        {
            CustodyAction.Missing => "Storage no longer holds the file.",
            CustodyAction.Mismatch => $"The stored bytes hash to {found}, not {file.Sha256}: they were changed.",
            _ => "The stored bytes hash to the SHA-256 computed when they arrived.",
        };
        db.CustodyEvents.Add(new CustodyEvent(file.Id, null, result, actor, at, address, detail));
        await db.SaveChangesAsync(cancellationToken);
        if (result != CustodyAction.Verified)
        {
            LogFailed(file.Sha256, result, found);
        }

        return new VerificationView(file.Sha256, result, found, at);
    }

    [LoggerMessage(
        EventId = 7010,
        Level = LogLevel.Error,
        Message = "EVIDENCE VERIFICATION FAILED for {Sha256}: {Result} (stored bytes hash to {Found})"
    )]
    private partial void LogFailed(string sha256, CustodyAction result, string? found);
}
