using System.Text.Json;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>Who is uploading, for the file's custody: the client's network address, if there is one.</summary>
public sealed record UploadDetails(string? FileName, string? OriginUrl, string? Address);

/// <summary>
/// Takes an uploaded file in (docs/rules/evidence.md, "Taking a file in"): stages it while hashing it,
/// reads its type from its bytes, refuses what the app does not keep, reads what the file says about itself,
/// makes its previews and perceptual hashes, stores it content-addressed (once, however often it is
/// uploaded), attaches it to the source and starts its chain of custody, all or nothing.
/// </summary>
public sealed partial class EvidenceIntake(
    IDbContextFactory<AppDbContext> factory,
    IAccess access,
    IEvidenceStore store,
    MediaAnalyser analyser,
    FootageMatcher footage,
    IOptions<EvidenceOptions> options,
    EvidencePaths paths,
    TimeProvider clock,
    ILogger<EvidenceIntake> logger
)
{
    internal static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Uploads a file in one request.</summary>
    /// <param name="length">The length the client announced (Content-Length), to tell a cut upload.</param>
    public async Task<AddedAttachment> UploadAsync(
        Guid sourceId,
        Stream body,
        long? length,
        UploadDetails details,
        CancellationToken cancellationToken
    )
    {
        await CheckAsync(sourceId, details, cancellationToken);
        using var staged = await StagedFile.WriteAsync(
            body,
            paths.Staging,
            options.Value.MaxFileBytes,
            length,
            cancellationToken
        );
        return await IngestAsync(sourceId, staged, details, cancellationToken);
    }

    /// <summary>Refuses, before any byte is read, what can be refused: the role, a missing or retracted source, a bad
    /// origin address.</summary>
    public async Task CheckAsync(Guid sourceId, UploadDetails details, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Edit, "attach files to sources");
        await EnsureSourceAsync(sourceId, cancellationToken);
        var errors = new ValidationErrors();
        errors.Check(() => Rules.WebUrl(details.OriginUrl, nameof(Attachment.OriginUrl)));
        errors.ThrowIfAny();
    }

    /// <summary>What a finished resumable upload became, for a client that asks again.</summary>
    internal async Task<AddedAttachment> AlreadyAddedAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await (
            from a in db.Attachments
            join f in db.EvidenceFiles on a.FileId equals f.Id
            join s in db.Sources on a.SourceId equals s.Id
            where a.Id == attachmentId
            select new
            {
                Attachment = a,
                File = f,
                s.Title,
            }
        ).SingleAsync(cancellationToken);
        return new AddedAttachment(EvidenceReader.View(row.Attachment, row.Title, row.File), false, false, null, [], 0);
    }

    /// <summary>The source must exist and not be retracted (checked at the start and again at the end of an upload,
    /// which may take a day).</summary>
    private async Task EnsureSourceAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var status = await db
            .Sources.Where(s => s.Id == sourceId)
            .Select(s => (SourceStatus?)s.Status)
            .SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            throw new RecordNotFoundException("source", sourceId);
        }

        if (status == SourceStatus.Retracted)
        {
            throw new DomainValidationException("SourceId", "The source is retracted; restore it before adding files.");
        }
    }

    /// <summary>Stores and attaches a staged file (the last step of both kinds of upload).</summary>
    internal async Task<AddedAttachment> IngestAsync(
        Guid sourceId,
        StagedFile staged,
        UploadDetails details,
        CancellationToken cancellationToken
    )
    {
        var type = await SniffAsync(staged, details.FileName, cancellationToken);
        await EnsureSourceAsync(sourceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttachAsync(sourceId, staged, type, details, cancellationToken);
            }
            catch (DbUpdateException ex)
                when (attempt == 1 && ex.InnerException is PostgresException { SqlState: "23505" })
            {
                // Someone stored or attached the same bytes at the same moment: take theirs.
                LogRace(staged.Sha256);
            }
        }
    }

    private async Task<AddedAttachment> AttachAsync(
        Guid sourceId,
        StagedFile staged,
        MediaType type,
        UploadDetails details,
        CancellationToken cancellationToken
    )
    {
        await using var db = await factory.OpenAsAuthorAsync(access, cancellationToken);
        var now = clock.GetUtcNow();
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Sha256 == staged.Sha256, cancellationToken);
        var alreadyStored = file is not null;
        var restored = file is not null && await RestoreIfMissingAsync(staged, file, cancellationToken);
        MediaAnalysis? analysis = null;
        if (file is null)
        {
            analysis = await analyser.AnalyseAsync(staged.Path, type, cancellationToken);
            await StoreAsync(staged, analysis, cancellationToken);
            file = EvidenceFile.Stored(
                staged.Sha256,
                staged.Size,
                Enum.Parse<EvidenceKind>(type.Kind.ToString()),
                type.Format,
                type.ContentType,
                JsonSerializer.Serialize(analysis.Facts, FactsJson),
                analysis.Previews.Count,
                db.ChangedBy!,
                now
            );
            db.EvidenceFiles.Add(file);
            db.MediaFingerprints.AddRange(
                analysis.PerceptualHashes.Select((h, i) => new MediaFingerprint(file.Id, i, h))
            );
        }

        var attachment = await db.Attachments.SingleOrDefaultAsync(
            a => a.SourceId == sourceId && a.FileId == file.Id,
            cancellationToken
        );
        var alreadyAttached = attachment is not null;
        attachment ??= db
            .Attachments.Add(Attachment.Add(sourceId, file.Id, details.FileName, details.OriginUrl, db.ChangedBy!, now))
            .Entity;
        db.CustodyEvents.Add(
            new CustodyEvent(
                file.Id,
                attachment.Id,
                alreadyAttached ? CustodyAction.AddedAgain : CustodyAction.Added,
                db.ChangedBy!,
                now,
                details.Address,
                Describe(details, staged)
                    + (restored ? ". Storage had lost these bytes: this upload restored them" : "")
            )
        );
        var matches = await MatchesAsync(db, file, analysis, cancellationToken);
        var proposed = alreadyAttached
            ? 0
            : await footage.ProposeRepeatsAsync(db, file, matches, sourceId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogAttached(staged.Sha256, staged.Size, type.Format, sourceId, db.ChangedBy!, alreadyStored, alreadyAttached);
        var source = await db.Sources.Where(s => s.Id == sourceId).Select(s => s.Title).SingleAsync(cancellationToken);
        return new AddedAttachment(
            EvidenceReader.View(attachment, source, file),
            alreadyAttached,
            alreadyStored,
            type.Note,
            analysis?.Facts.Warnings ?? [],
            proposed
        );
    }

    /// <summary>The files near-identical to this one: looked up and kept (both ways) when it is new, read back
    /// when it was stored before.</summary>
    private async Task<IReadOnlyDictionary<Guid, int>> MatchesAsync(
        AppDbContext db,
        EvidenceFile file,
        MediaAnalysis? analysis,
        CancellationToken cancellationToken
    )
    {
        if (analysis is null)
        {
            return await db
                .MediaMatches.Where(m => m.FileId == file.Id)
                .ToDictionaryAsync(m => m.OtherFileId, m => m.Distance, cancellationToken);
        }

        var found = (await footage.FindAsync(db, analysis.PerceptualHashes, cancellationToken))
            .Where(m => m.FileId != file.Id)
            .ToDictionary(m => m.FileId, m => m.Distance);
        db.MediaMatches.AddRange(
            found.SelectMany(m =>
                new[] { new MediaMatch(file.Id, m.Key, m.Value), new MediaMatch(m.Key, file.Id, m.Value) }
            )
        );
        return found;
    }

    private static async Task<MediaType> SniffAsync(
        StagedFile staged,
        string? fileName,
        CancellationToken cancellationToken
    )
    {
        var head = new byte[(int)Math.Min(MediaSniffer.HeadLength, staged.Size)];
        await using (var input = File.OpenRead(staged.Path))
        {
            await input.ReadExactlyAsync(head, cancellationToken);
        }

        return MediaSniffer.Sniff(head, staged.Size, fileName);
    }

    /// <summary>Uploading bytes whose stored copy went missing puts them back (they are the same bytes: the hash
    /// says so).</summary>
    private async Task<bool> RestoreIfMissingAsync(
        StagedFile staged,
        EvidenceFile file,
        CancellationToken cancellationToken
    )
    {
        var key = EvidenceKeys.Original(staged.Sha256);
        if (await store.ExistsAsync(key, cancellationToken))
        {
            return false;
        }

        await store.PutFileAsync(key, staged.Path, file.ContentType, cancellationToken);
        return true;
    }

    /// <summary>The original first, then its previews: a file row never points at bytes that are not there.</summary>
    private async Task StoreAsync(StagedFile staged, MediaAnalysis analysis, CancellationToken cancellationToken)
    {
        await store.PutFileAsync(
            EvidenceKeys.Original(staged.Sha256),
            staged.Path,
            analysis.Type.ContentType,
            cancellationToken
        );
        for (var i = 0; i < analysis.Previews.Count; i++)
        {
            await store.PutBytesAsync(
                EvidenceKeys.Preview(staged.Sha256, i),
                analysis.Previews[i].Jpeg,
                "image/jpeg",
                cancellationToken
            );
        }
    }

    private static string Describe(UploadDetails details, StagedFile staged) =>
        $"Uploaded as \"{Attachment.CleanFileName(details.FileName)}\" ({staged.Size:N0} bytes)"
        + (details.OriginUrl is { Length: > 0 } origin ? $", obtained from {origin.Trim()}" : "");

    [LoggerMessage(
        EventId = 7001,
        Level = LogLevel.Information,
        Message = "Evidence {Sha256} ({Size} bytes, {Format}) attached to source {SourceId} by {User}; already stored: "
            + "{AlreadyStored}, already attached: {AlreadyAttached}"
    )]
    private partial void LogAttached(
        string sha256,
        long size,
        string format,
        Guid sourceId,
        string user,
        bool alreadyStored,
        bool alreadyAttached
    );

    [LoggerMessage(
        EventId = 7002,
        Level = LogLevel.Information,
        Message = "Evidence {Sha256} was stored or attached by another upload at the same moment; using theirs"
    )]
    private partial void LogRace(string sha256);
}
