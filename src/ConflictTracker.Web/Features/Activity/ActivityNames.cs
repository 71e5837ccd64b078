using ConflictTracker.Domain.History;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Activity;

/// <summary>The names and addresses of the records a page of activity mentions, read in a few queries.</summary>
internal sealed class ActivityNames
{
    private readonly Dictionary<Guid, string> names = [];
    private readonly Dictionary<Guid, Guid> claimOf = [];

    public static async Task<ActivityNames> ReadAsync(
        AppDbContext db,
        IReadOnlyList<ChangeRecord> changes,
        IReadOnlyList<Comment> comments,
        CancellationToken cancellationToken
    )
    {
        var result = new ActivityNames();
        var ids = changes.Select(c => c.EntityId).Concat(comments.Select(c => c.SubjectId)).Distinct().ToList();
        foreach (
            var r in await db
                .Relations.Where(r => ids.Contains(r.Id))
                .Select(r => new
                {
                    r.Id,
                    r.FromClaimId,
                    r.Type,
                })
                .ToListAsync(cancellationToken)
        )
        {
            result.claimOf[r.Id] = r.FromClaimId;
            result.names[r.Id] = $"{r.Type} relation";
        }

        foreach (
            var f in await db
                .Flags.Where(f => ids.Contains(f.Id))
                .Select(f => new
                {
                    f.Id,
                    f.ClaimId,
                    f.RelationId,
                    f.Kind,
                })
                .ToListAsync(cancellationToken)
        )
        {
            if (
                (f.ClaimId ?? (f.RelationId is { } r && result.claimOf.TryGetValue(r, out var c) ? c : null)) is
                { } claim
            )
            {
                result.claimOf[f.Id] = claim;
            }

            result.names[f.Id] = $"{f.Kind} flag";
        }

        foreach (
            var c in await db
                .Claims.Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Summary })
                .ToListAsync(cancellationToken)
        )
        {
            result.names[c.Id] = c.Summary;
        }

        foreach (
            var p in await db
                .Propositions.Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Statement })
                .ToListAsync(cancellationToken)
        )
        {
            result.names[p.Id] = p.Statement;
        }

        foreach (
            var a in await db
                .Actors.Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Name })
                .ToListAsync(cancellationToken)
        )
        {
            result.names[a.Id] = a.Name;
        }

        foreach (
            var s in await db
                .Sources.Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.Title })
                .ToListAsync(cancellationToken)
        )
        {
            result.names[s.Id] = s.Title;
        }

        return result;
    }

    public string Name(string type, Guid id) => names.TryGetValue(id, out var name) ? name : Kind(type);

    public string Link(string type, Guid id) =>
        type switch
        {
            "Claim" or "Citation" or "ClaimPlace" => $"/claims/{id}",
            "Proposition" or "Measure" => $"/propositions/{id}",
            "Actor" or "ActorAlias" => $"/actors/{id}",
            "Source" or "SourceSnapshot" or "Attachment" => $"/sources/{id}",
            _ when claimOf.TryGetValue(id, out var claim) => $"/claims/{claim}",
            _ => $"/history/{id}",
        };

    public string CommentLink(Comment comment) =>
        comment.Subject == CommentSubject.Claim ? $"/claims/{comment.SubjectId}#comments"
        : claimOf.TryGetValue(comment.SubjectId, out var claim) ? $"/claims/{claim}#comments"
        : "/";

    /// <summary>"ClaimRelation" reads "relation", "ClaimPlace" "claim's place".</summary>
    public static string Kind(string type) =>
        type switch
        {
            "ClaimRelation" or "Relation" => "relation",
            "ClaimPlace" => "claim's place",
            "ContradictionCandidate" => "contradiction candidate",
            "SavedSearch" => "saved search",
            _ => type.ToLowerInvariant(),
        };
}
