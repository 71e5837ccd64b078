using System.Globalization;
using ConflictTracker.Domain.History;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.History;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Activity;

/// <summary>
/// Activity feeds (docs/rules/alerts-and-comments.md): what one person did, or what happened on one proposition (the
/// proposition, its claims, their relations and flags), from the change history and the comments, newest first, a
/// page at a time (keyset: the page after a cursor, never an offset).
/// </summary>
public sealed class ActivityService(IDbContextFactory<AppDbContext> contextFactory, IAccess access)
{
    public const int PageSize = 30;

    /// <summary>History a feed leaves out: saved searches and follows are their owner's business; comments are
    /// shown from the comments themselves; contradiction candidates are the rules' work that came with a
    /// save.</summary>
    private static readonly string[] Personal = ["SavedSearch", "Follow", "Comment", "ContradictionCandidate"];

    /// <summary>A user's activity; null when there is no such user.</summary>
    public async Task<ActivityPage?> ForUserAsync(
        Guid userId,
        string? cursor,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read activity");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user?.UserName is not { } name)
        {
            return null;
        }

        var page = await PageAsync(
            db,
            db.ChangeHistory.Where(h => h.ChangedBy == name),
            db.Comments.Where(c => c.AuthorId == userId),
            cursor,
            cancellationToken
        );
        return page with { Title = user.DisplayName };
    }

    /// <summary>A proposition's activity; null when there is no such proposition.</summary>
    public async Task<ActivityPage?> ForPropositionAsync(
        Guid propositionId,
        string? cursor,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read activity");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var statement = await db
            .Propositions.Where(p => p.Id == propositionId)
            .Select(p => p.Statement)
            .SingleOrDefaultAsync(cancellationToken);
        if (statement is null)
        {
            return null;
        }

        var claims = db.Claims.Where(c => c.PropositionId == propositionId).Select(c => c.Id);
        var relations = db
            .Relations.Where(r => claims.Contains(r.FromClaimId) || claims.Contains(r.ToClaimId))
            .Select(r => r.Id);
        var flags = db
            .Flags.Where(f =>
                (f.ClaimId != null && claims.Contains(f.ClaimId.Value))
                || (f.RelationId != null && relations.Contains(f.RelationId.Value))
            )
            .Select(f => f.Id);
        var page = await PageAsync(
            db,
            db.ChangeHistory.Where(h =>
                h.EntityId == propositionId
                || claims.Contains(h.EntityId)
                || relations.Contains(h.EntityId)
                || flags.Contains(h.EntityId)
            ),
            db.Comments.Where(c =>
                (c.Subject == CommentSubject.Claim && claims.Contains(c.SubjectId))
                || (c.Subject == CommentSubject.Relation && relations.Contains(c.SubjectId))
                || (c.Subject == CommentSubject.Flag && flags.Contains(c.SubjectId))
            ),
            cursor,
            cancellationToken
        );
        return page with { Title = statement };
    }

    private static async Task<ActivityPage> PageAsync(
        AppDbContext db,
        IQueryable<ChangeRecord> history,
        IQueryable<Comment> comments,
        string? cursor,
        CancellationToken cancellationToken
    )
    {
        var (historyBefore, commentsBefore) = Decode(cursor);
        var changes = await history
            .AsNoTracking()
            .Where(h => h.Id < historyBefore && !Personal.Contains(h.EntityType))
            .OrderByDescending(h => h.Id)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var said = await comments
            .AsNoTracking()
            .Where(c => c.CreatedAt < commentsBefore)
            .OrderByDescending(c => c.CreatedAt)
            .Take(PageSize + 1)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { Comment = c, Author = u.DisplayName })
            .ToListAsync(cancellationToken);
        var names = await ActivityNames.ReadAsync(db, changes, said.Select(s => s.Comment).ToList(), cancellationToken);
        var merged = changes
            .Select(h => (At: h.ChangedAt, History: (ChangeRecord?)h, Comment: (Comment?)null, Author: h.ChangedBy))
            .Concat(
                said.Select(s =>
                    (At: s.Comment.CreatedAt, History: (ChangeRecord?)null, Comment: (Comment?)s.Comment, s.Author)
                )
            )
            .OrderByDescending(x => x.At)
            .ToList();
        var shown = merged.Take(PageSize).ToList();
        var items = shown
            .Select(x =>
                x.History is { } h
                    ? new ActivityItem(
                        x.At,
                        x.Author,
                        $"{Verb(h.Action)} {ActivityNames.Kind(h.EntityType)}",
                        names.Name(h.EntityType, h.EntityId),
                        names.Link(h.EntityType, h.EntityId),
                        string.Join(", ", HistoryService.Fields(h.Changes).Select(f => f.Field).Where(f => f != "Id"))
                    )
                    : new ActivityItem(
                        x.At,
                        x.Author,
                        $"Commented on {x.Comment!.Subject.ToString().ToLowerInvariant()}",
                        names.Name(x.Comment.Subject.ToString(), x.Comment.SubjectId),
                        names.CommentLink(x.Comment),
                        x.Comment.Text
                    )
            )
            .ToList();
        string? next = null;
        if (merged.Count > PageSize)
        {
            var lastHistory = shown.LastOrDefault(x => x.History is not null).History?.Id ?? historyBefore;
            var lastComment = shown.LastOrDefault(x => x.Comment is not null).Comment?.CreatedAt ?? commentsBefore;
            next = Encode(lastHistory, lastComment);
        }

        return new ActivityPage("", items, next);
    }

    private static string Verb(ChangeAction action) => action.ToString();

    private static string Encode(long history, DateTimeOffset comments) =>
        history.ToString(CultureInfo.InvariantCulture) + "." + comments.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The positions a page starts below; a cursor that does not read starts at the newest.</summary>
    private static (long History, DateTimeOffset Comments) Decode(string? cursor)
    {
        var parts = (cursor ?? "").Split('.');
        return
            parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var history)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (history, new DateTimeOffset(ticks, TimeSpan.Zero))
            : (long.MaxValue, DateTimeOffset.MaxValue);
    }
}

/// <summary>One thing someone did: <see cref="What"/> to <see cref="Record"/> (linked), with the changed fields or
/// the comment's text as <see cref="Detail"/>.</summary>
public sealed record ActivityItem(
    DateTimeOffset At,
    string Who,
    string What,
    string Record,
    string Link,
    string Detail
);

/// <summary>A page of activity; <see cref="Next"/> is the cursor of the older page, null at the end.</summary>
public sealed record ActivityPage(string Title, IReadOnlyList<ActivityItem> Items, string? Next);
