using System.Text.Json;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>A stored file's bytes, opened for a download, with what the response needs.</summary>
public sealed record EvidenceContent(Stream Content, string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// Reads the evidence: a source's files, one file with its custody and near-identical media, a claim's
/// evidence through its citations; and opens the bytes, recording every download in the custody.
/// </summary>
public sealed class EvidenceReader(
    IDbContextFactory<AppDbContext> factory,
    IAccess access,
    IEvidenceStore store,
    TimeProvider clock
)
{
    public async Task<IReadOnlyList<AttachmentView>> ForSourceAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Read, "read evidence");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attachments = await AttachmentsAsync(
            db,
            db.Attachments.Where(a => a.SourceId == sourceId),
            cancellationToken
        );
        if (attachments.Count == 0)
        {
            return attachments;
        }

        // Which other sources hold each file or near-identical media: two statements, however many files.
        var files = attachments.Select(a => a.File.Id).ToList();
        var related = await db
            .MediaMatches.Where(m => files.Contains(m.FileId))
            .Select(m => new { m.FileId, m.OtherFileId })
            .ToListAsync(cancellationToken);
        var alike = files.ToDictionary(
            f => f,
            f => related.Where(r => r.FileId == f).Select(r => r.OtherFileId).Append(f).ToHashSet()
        );
        var everything = alike.Values.SelectMany(v => v).Distinct().ToList();
        var holders = await db
            .Attachments.Where(a => everything.Contains(a.FileId) && a.SourceId != sourceId)
            .Select(a => new { a.FileId, a.SourceId })
            .ToListAsync(cancellationToken);
        return attachments
            .Select(a =>
                a with
                {
                    HeldElsewhere = holders
                        .Where(h => alike[a.File.Id].Contains(h.FileId))
                        .Select(h => h.SourceId)
                        .Distinct()
                        .Count(),
                }
            )
            .ToList();
    }

    /// <summary>The files held by the sources a claim cites, in citation order.</summary>
    public async Task<IReadOnlyList<AttachmentView>> ForClaimAsync(Guid claimId, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Read, "read evidence");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sources = db.Citations.Where(c => c.ClaimId == claimId).Select(c => c.SourceId);
        return await AttachmentsAsync(db, db.Attachments.Where(a => sources.Contains(a.SourceId)), cancellationToken);
    }

    public async Task<EvidenceFileDetails?> FileAsync(string sha256, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Read, "read evidence");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var file = await db
            .EvidenceFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var attachments = await AttachmentsAsync(db, db.Attachments.Where(a => a.FileId == file.Id), cancellationToken);
        var custody = await db
            .CustodyEvents.Where(c => c.FileId == file.Id)
            .OrderBy(c => c.Id)
            .Select(c => new CustodyView(c.Action, c.Actor, c.At, c.Address, c.Detail))
            .ToListAsync(cancellationToken);
        var view = View(file);
        return new EvidenceFileDetails(
            view,
            attachments,
            custody,
            await MatchesAsync(db, file, cancellationToken),
            await SuggestionsAsync(db, view.Facts, cancellationToken)
        );
    }

    /// <summary>Opens a file's original bytes and records the download in its custody. A quarantined file opens
    /// for admins only.</summary>
    public async Task<EvidenceContent?> OpenAsync(
        string sha256,
        Guid? attachmentId,
        string? address,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Read, "download evidence");
        await using var db = await factory.OpenAsAuthorAsync(access, cancellationToken);
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);
        if (file is null)
        {
            return null;
        }

        await DemandUsableAsync(file);
        var attachment = await db
            .Attachments.Where(a => a.FileId == file.Id && (attachmentId == null || a.Id == attachmentId))
            .OrderBy(a => a.AddedAt)
            .Select(a => new { a.Id, a.FileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachmentId is not null && attachment is null)
        {
            // Another file's attachment, or none: not a way to write the wrong name into the custody.
            return null;
        }

        var content =
            await store.OpenReadAsync(EvidenceKeys.Original(sha256), cancellationToken)
            ?? throw new EvidenceMissingException(sha256);
        db.CustodyEvents.Add(
            new CustodyEvent(
                file.Id,
                attachmentId,
                CustodyAction.Downloaded,
                db.ChangedBy!,
                clock.GetUtcNow(),
                address,
                null
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        return new EvidenceContent(content, sha256, file.Size, file.ContentType, attachment?.FileName ?? sha256);
    }

    /// <summary>Opens a preview image (not recorded: previews are the app's own derivatives).</summary>
    public async Task<Stream?> OpenPreviewAsync(string sha256, int index, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Read, "read evidence");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var file = await db
            .EvidenceFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);
        if (file is null || index < 0 || index >= file.PreviewCount)
        {
            return null;
        }

        await DemandUsableAsync(file);
        return await store.OpenReadAsync(EvidenceKeys.Preview(sha256, index), cancellationToken);
    }

    internal static EvidenceFileView View(EvidenceFile f) =>
        new(
            f.Id,
            f.Sha256,
            f.Size,
            f.Kind,
            f.Format,
            f.ContentType,
            f.Status,
            f.StatusReason,
            f.PreviewCount,
            f.StoredAt,
            f.StoredBy,
            JsonSerializer.Deserialize<MediaFacts>(f.Metadata, EvidenceIntake.FactsJson),
            f.Version
        );

    internal static AttachmentView View(Attachment a, string sourceTitle, EvidenceFile f) =>
        new(a.Id, a.SourceId, sourceTitle, a.FileName, a.OriginUrl?.OriginalString, a.AddedBy, a.AddedAt, View(f));

    private async Task DemandUsableAsync(EvidenceFile file)
    {
        if (file.Status == EvidenceFileStatus.Quarantined)
        {
            await access.DemandAsync(Policies.Administer, $"open a quarantined file ({file.StatusReason})");
        }
    }

    private static async Task<IReadOnlyList<AttachmentView>> AttachmentsAsync(
        AppDbContext db,
        IQueryable<Attachment> attachments,
        CancellationToken cancellationToken
    )
    {
        var rows = await (
            from a in attachments
            join f in db.EvidenceFiles on a.FileId equals f.Id
            join s in db.Sources on a.SourceId equals s.Id
            orderby a.AddedAt, a.Id
            select new
            {
                Attachment = a,
                File = f,
                s.Title,
            }
        )
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => View(r.Attachment, r.Title, r.File)).ToList();
    }

    private static async Task<IReadOnlyList<FootageMatch>> MatchesAsync(
        AppDbContext db,
        EvidenceFile file,
        CancellationToken cancellationToken
    )
    {
        var found = await db
            .MediaMatches.Where(m => m.FileId == file.Id)
            .OrderBy(m => m.Distance)
            .Take(20)
            .Select(m => new { FileId = m.OtherFileId, m.Distance })
            .ToListAsync(cancellationToken);
        var ids = found.Select(m => m.FileId).ToList();
        var files = await db
            .EvidenceFiles.Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        var holders = await (
            from a in db.Attachments
            join s in db.Sources on a.SourceId equals s.Id
            where ids.Contains(a.FileId)
            orderby a.AddedAt
            select new
            {
                a.FileId,
                a.SourceId,
                s.Title,
                s.PublishedOn,
                a.AddedAt,
            }
        ).ToListAsync(cancellationToken);
        return found
            .Select(m => new FootageMatch(
                files[m.FileId].Sha256,
                files[m.FileId].Kind,
                m.Distance,
                holders
                    .Where(h => h.FileId == m.FileId)
                    .Select(h => new HeldBy(h.SourceId, h.Title, h.PublishedOn?.ToString(), h.AddedAt))
                    .ToList()
            ))
            .ToList();
    }

    /// <summary>The capture date as an event date, and the known place nearest the GPS point.</summary>
    private static async Task<EvidenceSuggestions> SuggestionsAsync(
        AppDbContext db,
        MediaFacts? facts,
        CancellationToken cancellationToken
    )
    {
        // The date where it was captured (its clock time at the stated offset), not in UTC: a photo taken at 09:30
        // in Vladivostok (+10:00) is of that day's event, not of the day before.
        var date = facts?.CapturedAt is { } captured ? DateOnly.FromDateTime(captured.DateTime) : (DateOnly?)null;
        if (facts is not { Latitude: { } lat, Longitude: { } lon })
        {
            return new EvidenceSuggestions(date, null, null, null, null, null);
        }

        // A box of about 50 km each way first (wider in longitude away from the equator), then the exact distance.
        var dLat = 0.5;
        var dLon = Math.Min(180, 0.5 / Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        var places = await db
            .Places.Where(p =>
                p.Latitude >= lat - dLat
                && p.Latitude <= lat + dLat
                && p.Longitude >= lon - dLon
                && p.Longitude <= lon + dLon
            )
            .Select(p => new
            {
                p.Id,
                p.Name,
                Lat = p.Latitude!.Value,
                Lon = p.Longitude!.Value,
            })
            .ToListAsync(cancellationToken);
        var nearest = places
            .Select(p => new
            {
                p.Id,
                p.Name,
                Km = DistanceKm(lat, lon, p.Lat, p.Lon),
            })
            .Where(p => p.Km <= 50)
            .MinBy(p => p.Km);
        return new EvidenceSuggestions(
            date,
            lat,
            lon,
            nearest?.Id,
            nearest?.Name,
            nearest is null ? null : Math.Round(nearest.Km, 1)
        );
    }

    /// <summary>Great-circle distance (haversine), in kilometres.</summary>
    internal static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a =
            Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * 6371 * Math.Asin(Math.Sqrt(a));
    }
}

/// <summary>A file recorded as stored whose bytes storage no longer holds: reported loudly, never hidden.</summary>
public sealed class EvidenceMissingException(string sha256)
    : Exception($"Storage no longer holds the file {sha256}. An operator must restore it from the backup.")
{
    public string Sha256 { get; } = sha256;
}
