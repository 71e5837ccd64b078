using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Data.Saving;

/// <summary>
/// The payload of a notification on <see cref="AppDbContext.RecordChangedChannel"/>: who saved, then the
/// ids of the records the save changed (as the change history files them: a citation under its claim),
/// and of the claims a changed relation or flag is about, since the claim page shows those too.
/// <c>author\nid,id,...</c>; <c>author\n*</c> when there are too many ids for one notification
/// (PostgreSQL allows 8000 bytes).
/// </summary>
public sealed record RecordChanges(string ChangedBy, IReadOnlySet<Guid>? Ids)
{
    public const int MaxIds = 150;
    private const int MaxAuthorLength = 200;

    /// <summary>A change that may touch any record (a lost notification connection, a bulk load).</summary>
    public static RecordChanges Anything(string changedBy) => new(changedBy, null);

    /// <summary>True when the change may have touched <paramref name="id"/>.</summary>
    public bool Touches(Guid id) => Ids is null || Ids.Contains(id);

    internal static string? Payload(AppDbContext db, IReadOnlyList<ChangeRecord> records)
    {
        var ids = records.Select(r => r.EntityId).ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ClaimRelation relation:
                    ids.Add(relation.FromClaimId);
                    ids.Add(relation.ToClaimId);
                    break;
                case Flag { ClaimId: { } claimId }:
                    ids.Add(claimId);
                    break;
                case Alerts.Comment comment:
                    ids.Add(comment.SubjectId);
                    break;
            }
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var author = (db.ChangedBy ?? "").Replace('\n', ' ');
        author = author.Length > MaxAuthorLength ? author[..MaxAuthorLength] : author;
        return author + "\n" + (ids.Count > MaxIds ? "*" : string.Join(',', ids));
    }

    /// <summary>The change a notification's payload describes; anything, when it cannot be read.</summary>
    public static RecordChanges Parse(string payload)
    {
        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return Anything("");
        }

        var author = payload[..newline];
        var list = payload[(newline + 1)..];
        if (list == "*")
        {
            return Anything(author);
        }

        var ids = new HashSet<Guid>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return Anything(author);
            }

            ids.Add(id);
        }

        return new RecordChanges(author, ids);
    }
}
