using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Evidence;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>Where a resumable upload stands.</summary>
/// <param name="Added">Set when the last byte arrived and the file was stored and attached.</param>
public sealed record UploadProgress(Guid Id, long Offset, long Length, AddedAttachment? Added = null);

/// <summary>
/// Resumable uploads, by the tus 1.0 protocol's core, creation and termination (docs/rules/evidence.md,
/// "Large files"): the client announces the file's length, sends the bytes in as many requests as it
/// needs, and after a cut asks how many arrived and goes on from there. When the last byte arrives the file
/// goes through the same checks as any upload; a refused file leaves nothing behind.
/// </summary>
public sealed partial class ResumableUploads(
    IDbContextFactory<AppDbContext> factory,
    IAccess access,
    EvidenceIntake intake,
    EvidencePaths paths,
    IOptions<EvidenceOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ResumableUploads> logger
)
{
    /// <summary>Uploads being finished in this process, so that each is finished once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Task<AddedAttachment>> Finishing =
        new();

    public async Task<UploadProgress> StartAsync(
        Guid sourceId,
        long length,
        UploadDetails details,
        CancellationToken cancellationToken
    )
    {
        await intake.CheckAsync(sourceId, details, cancellationToken);
        if (length <= 0)
        {
            throw StagedFile.Empty();
        }

        if (length > options.Value.MaxFileBytes)
        {
            throw StagedFile.TooLarge(options.Value.MaxFileBytes);
        }

        var user = await UserAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await ForgetExpiredAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var session = new UploadSession(
            Guid.CreateVersion7(),
            user,
            sourceId,
            Domain.Evidence.Attachment.CleanFileName(details.FileName),
            details.OriginUrl?.Trim() is { Length: > 0 } origin ? origin : null,
            length,
            now,
            now + options.Value.UploadLifetime
        );
        Directory.CreateDirectory(paths.Uploads);
        await File.WriteAllBytesAsync(paths.PartialUpload(session.Id), [], cancellationToken);
        db.UploadSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new UploadProgress(session.Id, 0, length);
    }

    /// <summary>How many bytes of the upload have arrived; null for an upload that is not the user's, has expired
    /// or never was.</summary>
    public async Task<UploadProgress?> ProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(id, cancellationToken);
        return session is null ? null : new UploadProgress(session.Id, session.Offset, session.Length);
    }

    /// <summary>Appends bytes sent from <paramref name="offset"/>. When the last byte arrives, the file is checked,
    /// stored and attached; a request for an upload already finished answers with what it became.</summary>
    public async Task<UploadProgress?> AppendAsync(
        Guid id,
        long offset,
        Stream body,
        string? address,
        CancellationToken cancellationToken
    )
    {
        await access.DemandAsync(Policies.Edit, "attach files to sources");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await OwnSessionAsync(db, id, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.AttachmentId is not null || Finishing.ContainsKey(id))
        {
            // Finished, or finishing for an earlier request whose answer the client may have lost.
            return offset == session.Length
                ? new UploadProgress(id, session.Length, session.Length, await ResultAsync(session, address))
                : throw new UploadOffsetException(session.Length);
        }

        if (offset != session.Offset)
        {
            throw new UploadOffsetException(session.Offset);
        }

        await WriteAsync(db, session, body, cancellationToken);
        if (session.Offset < session.Length)
        {
            return new UploadProgress(id, session.Offset, session.Length);
        }

        return new UploadProgress(id, session.Offset, session.Length, await ResultAsync(session, address));
    }

    /// <summary>
    /// Writes the bytes under an exclusive lock on the partial file, from the offset the database records (bytes
    /// past it, left by a request that died before recording them, are cut off), and records the new offset,
    /// also when the connection is cut: the client resumes from there. Only the request holding the lock records.
    /// </summary>
    private async Task WriteAsync(
        AppDbContext db,
        UploadSession session,
        Stream body,
        CancellationToken cancellationToken
    )
    {
        FileStream output;
        try
        {
            output = StagedFile.OpenPartial(paths.PartialUpload(session.Id));
        }
        catch (IOException)
        {
            throw new UploadOffsetException(session.Offset, "Another request is sending bytes of this upload.");
        }

        await using (output)
        {
            if (output.Length < session.Offset)
            {
                throw new UploadOffsetException(session.Offset, "The upload's bytes were lost; start it again.");
            }

            output.SetLength(session.Offset);
            output.Seek(session.Offset, SeekOrigin.Begin);
            try
            {
                await StagedFile.AppendAsync(
                    body,
                    output,
                    session.Length - session.Offset,
                    session.Length,
                    cancellationToken
                );
            }
            finally
            {
                await output.FlushAsync(CancellationToken.None);
                session.Offset = output.Length;
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateConcurrencyException)
                {
                    LogOffsetRace(session.Id);
                }
            }
        }
    }

    /// <summary>
    /// Finishes an upload once, whoever asks: the first request starts the work with the app's own lifetime (not
    /// the request's, so a proxy's timeout cannot cancel a long analysis), later ones wait for the same result.
    /// The session stays, naming the attachment, until it expires.
    /// </summary>
    private async Task<AddedAttachment> ResultAsync(UploadSession session, string? address)
    {
        if (session.AttachmentId is { } attachmentId)
        {
            return await intake.AlreadyAddedAsync(attachmentId, CancellationToken.None);
        }

        var work = Finishing.GetOrAdd(
            session.Id,
            _ => Task.Run(() => FinishAsync(session.Id, address, lifetime.ApplicationStopping))
        );
        try
        {
            return await work;
        }
        finally
        {
            if (work.IsCompleted)
            {
                Finishing.TryRemove(new KeyValuePair<Guid, Task<AddedAttachment>>(session.Id, work));
            }
        }
    }

    /// <summary>Abandons an upload: its bytes so far are deleted.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Edit, "attach files to sources");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await OwnSessionAsync(db, id, cancellationToken);
        if (session is null)
        {
            return false;
        }

        End(db, session);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<AddedAttachment> FinishAsync(Guid id, string? address, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.UploadSessions.SingleAsync(u => u.Id == id, cancellationToken);
        try
        {
            using var staged = await StagedFile.HashAsync(paths.PartialUpload(session.Id), cancellationToken);
            var added = await intake.IngestAsync(
                session.SourceId,
                staged,
                new UploadDetails(session.FileName, session.OriginUrl, address),
                cancellationToken
            );
            LogFinished(session.Id, staged.Sha256, session.Length);
            session.AttachmentId = added.Attachment.Id;
            await db.SaveChangesAsync(CancellationToken.None);
            return added;
        }
        catch
        {
            // Refused or failed: the session is over and its bytes are gone; the client starts again.
            End(db, session);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private void End(AppDbContext db, UploadSession session)
    {
        File.Delete(paths.PartialUpload(session.Id));
        db.UploadSessions.Remove(session);
    }

    private async Task<UploadSession?> SessionAsync(Guid id, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Policies.Edit, "attach files to sources");
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await OwnSessionAsync(db, id, cancellationToken);
    }

    private async Task<UploadSession?> OwnSessionAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var user = await UserAsync();
        var now = clock.GetUtcNow();
        return await db.UploadSessions.SingleOrDefaultAsync(
            u => u.Id == id && u.UserName == user && u.ExpiresAt > now,
            cancellationToken
        );
    }

    private async Task ForgetExpiredAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in await db.UploadSessions.Where(u => u.ExpiresAt <= now).ToListAsync(cancellationToken))
        {
            End(db, expired);
        }
    }

    private async Task<string> UserAsync() =>
        (await access.UserAsync()).Identity?.Name
        ?? throw new AccessDeniedException(Policies.Edit, "upload without signing in");

    [LoggerMessage(
        EventId = 7006,
        Level = LogLevel.Warning,
        Message = "Upload {UploadId}: another request recorded its offset first"
    )]
    private partial void LogOffsetRace(Guid uploadId);

    [LoggerMessage(
        EventId = 7005,
        Level = LogLevel.Information,
        Message = "Resumable upload {UploadId} finished: {Sha256}, {Length} bytes"
    )]
    private partial void LogFinished(Guid uploadId, string sha256, long length);
}

/// <summary>A resumable upload's bytes were sent from the wrong offset: the client must ask where it stands
/// (409).</summary>
public sealed class UploadOffsetException(long current, string? message = null)
    : Exception(message ?? $"The upload stands at byte {current:N0}; send the bytes from there.")
{
    public long Current { get; } = current;
}
