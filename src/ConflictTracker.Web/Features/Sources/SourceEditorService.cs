using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Sources;

/// <summary>
/// The source form's writes: sources (with a new publisher if need be), their retraction and restoration.
/// The contract of every editor (<see cref="Claims.StatementEditorService"/>), with optimistic concurrency as <see
/// cref="VersionedWrites"/> applies it.
/// </summary>
public sealed class SourceEditorService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public async Task<Loaded<SourceInput>?> LoadSourceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "change sources");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var s = await db.Sources.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return s is null
            ? null
            : new(
                new SourceInput(
                    s.Kind,
                    s.Title,
                    s.Url?.OriginalString,
                    s.PublisherId,
                    s.PublishedOn is { } p ? FormDates.Text(p) : null,
                    s.RetrievedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    s.Language,
                    s.ArchiveUrl?.OriginalString,
                    s.ContentHash,
                    s.Reliability
                ),
                s.Version,
                s.Status == SourceStatus.Retracted
            );
    }

    public async Task<Guid> SaveSourceAsync(
        Guid? id,
        uint version,
        SourceInput input,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, id is null ? "create sources" : "change sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        db.Give(input.Reason);
        var errors = new ValidationErrors();
        Actor? publisher = null;
        if (
            input.PublisherId is { } publisherId
            && (publisher = await db.Actors.SingleOrDefaultAsync(a => a.Id == publisherId, cancellationToken)) is null
        )
        {
            errors.Add(nameof(SourceInput.PublisherId), "That publisher does not exist.");
        }
        else if (input.PublisherId is null && input.NewPublisher is { } newPublisher)
        {
            publisher = await NewPublisherAsync(db, newPublisher, errors, cancellationToken);
        }

        var published = string.IsNullOrWhiteSpace(input.PublishedOn)
            ? null
            : errors.Check(() => PartialDate.Parse(input.PublishedOn, nameof(SourceInput.PublishedOn)));
        var retrieved = FormDates.Day(input.RetrievedOn, nameof(SourceInput.RetrievedOn), errors);
        Source? source = null;
        if (id is null)
        {
            source = errors.Check(() =>
                Source.Create(
                    input.Kind,
                    input.Title,
                    input.Url,
                    publisher,
                    published,
                    retrieved,
                    input.Language,
                    input.ArchiveUrl,
                    input.ContentHash,
                    input.Reliability
                )
            );
        }
        else
        {
            source = await VersionedWrites.TrackAsync(
                db,
                db.Sources,
                id.Value,
                version,
                s => s.Version,
                cancellationToken
            );
            errors.Check(() =>
                source.Revise(
                    input.Kind,
                    input.Title,
                    input.Url,
                    publisher,
                    published,
                    retrieved,
                    input.Language,
                    input.ArchiveUrl,
                    input.ContentHash,
                    input.Reliability
                )
            );
        }

        errors.ThrowIfAny();
        if (id is null)
        {
            db.Sources.Add(source!);
        }

        await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
        return source!.Id;
    }

    public async Task RetractSourceAsync(
        Guid id,
        uint version,
        string? reason,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Edit, "retract sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var source = await VersionedWrites.TrackAsync(db, db.Sources, id, version, s => s.Version, cancellationToken);
        source.Retract(reason);
        await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
    }

    public async Task RestoreSourceAsync(Guid id, uint version, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Edit, "retract sources");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var source = await VersionedWrites.TrackAsync(db, db.Sources, id, version, s => s.Version, cancellationToken);
        source.Restore();
        await VersionedWrites.SaveAsync(db, contextFactory, id, cancellationToken);
    }

    /// <summary>A new publisher typed into a source form: checked, refused if the name exists, tracked to be saved with
    /// the source.</summary>
    internal static async Task<Actor?> NewPublisherAsync(
        AppDbContext db,
        NewActorInput input,
        ValidationErrors errors,
        CancellationToken cancellationToken
    )
    {
        var publisher = errors.Check(() => Actor.Create(input.Name, input.Kind, input.CountryCode));
        if (publisher is null)
        {
            return null;
        }

        if (await db.Actors.AnyAsync(a => a.Name == publisher.Name, cancellationToken))
        {
            errors.Add("NewPublisher.Name", $"A publisher named '{publisher.Name}' exists already; choose it instead.");
            return null;
        }

        db.Actors.Add(publisher);
        return publisher;
    }
}
