using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Alerts;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Comments;

/// <summary>
/// Comments on claims, relations and flags (docs/rules/alerts-and-comments.md): any signed-in reader may comment; only
/// the author may edit, at the version read; nothing is deleted and every version is in the change history. People
/// mentioned are notified once per comment, in the same transaction as the comment.
/// </summary>
public sealed class CommentService(IDbContextFactory<AppDbContext> contextFactory, IAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommentView>> ListAsync(
        CommentSubject subject,
        Guid subjectId,
        CancellationToken cancellationToken = default
    )
    {
        await access.DemandAsync(Policies.Read, "read comments");
        var me = (await access.UserAsync()).Identity?.Name;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db
            .Comments.AsNoTracking()
            .Where(c => c.Subject == subject && c.SubjectId == subjectId)
            .OrderBy(c => c.CreatedAt)
            .Join(
                db.Users,
                c => c.AuthorId,
                u => u.Id,
                (c, u) =>
                    new CommentView(
                        c.Id,
                        c.AuthorId,
                        u.DisplayName,
                        c.Text,
                        c.CreatedAt,
                        c.EditedAt,
                        c.Version,
                        u.UserName == me
                    )
            )
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> AddAsync(
        CommentSubject subject,
        Guid subjectId,
        string? text,
        CancellationToken cancellationToken = default
    )
    {
        var (me, _) = await Me.DemandAsync(access, "comment");
        var comment = Comment.Create(subject, subjectId, me, text, clock.GetUtcNow());
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var link =
            await LinkAsync(db, subject, subjectId, cancellationToken)
            ?? throw new RecordNotFoundException(subject.ToString().ToLowerInvariant(), subjectId);
        db.Comments.Add(comment);
        await SaveWithMentionsAsync(db, comment, me, link, cancellationToken);
        return comment.Id;
    }

    /// <summary>Changes the text of the user's own comment, at the version read.</summary>
    public async Task EditAsync(Guid id, uint version, string? text, CancellationToken cancellationToken = default)
    {
        var (me, _) = await Me.DemandAsync(access, "edit comments");
        await using var db = await contextFactory.OpenAsAuthorAsync(access, cancellationToken);
        var comment =
            await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("comment", id);
        if (comment.AuthorId != me)
        {
            throw new AccessDeniedException(Policies.Read, "edit someone else's comment");
        }

        if (comment.Version != version)
        {
            throw await VersionedWrites.ConflictAsync(db, id, comment.Version, cancellationToken);
        }

        db.Entry(comment).Property(c => c.Version).OriginalValue = version;
        comment.Edit(text, clock.GetUtcNow());
        var link = await LinkAsync(db, comment.Subject, comment.SubjectId, cancellationToken) ?? "/";
        await SaveWithMentionsAsync(db, comment, me, link, cancellationToken);
    }

    private async Task SaveWithMentionsAsync(
        AppDbContext db,
        Comment comment,
        Guid me,
        string link,
        CancellationToken cancellationToken
    )
    {
        var people = await db
            .Users.AsNoTracking()
            .Where(u => !u.IsDisabled)
            .Select(u => new Mentions.Person(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
        var key = $"mention:{comment.Id}";
        var already = await db
            .Notifications.Where(n => n.EventKey == key)
            .Select(n => n.UserId)
            .ToListAsync(cancellationToken);
        var author = people.FirstOrDefault(p => p.Id == me)?.DisplayName ?? db.ChangedBy;
        var mentioned = Mentions.Resolve(comment.Text, people).Where(id => id != me && !already.Contains(id)).ToList();
        var excerpt = comment.Text.Length > 200 ? comment.Text[..199] + "…" : comment.Text;
        foreach (var user in mentioned)
        {
            db.Notifications.Add(
                new Notification
                {
                    UserId = user,
                    Kind = NotificationKind.Mention,
                    EventKey = key,
                    Title = $"{author} mentioned you: {excerpt}",
                    Link = link,
                    CreatedAt = clock.GetUtcNow(),
                }
            );
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await VersionedWrites.SaveAsync(db, contextFactory, comment.Id, cancellationToken);
        await NotificationNotifier.SendAsync(db.Database, mentioned, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Where the subject is shown (the claim page, for a relation or flag the claim it is on); null when it
    /// does not exist.</summary>
    private static async Task<string?> LinkAsync(
        AppDbContext db,
        CommentSubject subject,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        switch (subject)
        {
            case CommentSubject.Claim:
                return await db.Claims.AnyAsync(c => c.Id == id, cancellationToken) ? $"/claims/{id}#comments" : null;
            case CommentSubject.Relation:
                var from = await db
                    .Relations.Where(r => r.Id == id)
                    .Select(r => (Guid?)r.FromClaimId)
                    .SingleOrDefaultAsync(cancellationToken);
                return from is null ? null : $"/claims/{from}#comments";
            default:
                var flag = await db
                    .Flags.Where(f => f.Id == id)
                    .Select(f => new { f.ClaimId, f.RelationId })
                    .SingleOrDefaultAsync(cancellationToken);
                if (flag is null)
                {
                    return null;
                }

                return flag.ClaimId is { } claim
                    ? $"/claims/{claim}#comments"
                    : await LinkAsync(db, CommentSubject.Relation, flag.RelationId!.Value, cancellationToken)
                        ?? "/review";
        }
    }
}

public sealed record CommentView(
    Guid Id,
    Guid AuthorId,
    string Author,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    uint Version,
    bool Mine
);
