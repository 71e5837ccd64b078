using System.Text.Json;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Alerts;
using ConflictTracker.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// Who is to be told of what, from a batch of change-history rows (docs/rules/alerts-and-comments.md): claims a saved
/// search matches, new claims of a followed actor or proposition, new contradictions involving them, changed
/// assessments of followed propositions. Nobody is told of their own change.
/// </summary>
internal sealed class AlertEvents(AppDbContext db, Action<Guid, Exception> badSearch)
{
    private const string SearchSavepoint = "saved_search";

    private static readonly HashSet<string> ClaimParts = ["Claim", "Citation", "ClaimPlace"];

    private readonly List<Notification> found = [];
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private Dictionary<Guid, string> users = [];

    public async Task<IReadOnlyList<Notification>> NotificationsAsync(
        IReadOnlyList<ChangeRecord> rows,
        CancellationToken cancellationToken
    )
    {
        users = await db
            .Users.AsNoTracking()
            .Where(u => !u.IsDisabled)
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", cancellationToken);
        // Per claim: who changed it in this batch, and whether it was created.
        var claimRows = rows.Where(r => ClaimParts.Contains(r.EntityType)).GroupBy(r => r.EntityId).ToList();
        var claimIds = claimRows.Select(g => g.Key).ToList();
        var authors = claimRows.ToDictionary(g => g.Key, g => g.Select(r => r.ChangedBy).ToHashSet());
        var changedAt = claimRows.ToDictionary(g => g.Key, g => g.Max(r => r.ChangedAt));
        var created = claimRows
            .Where(g => g.Any(r => r.EntityType == "Claim" && r.Action == ChangeAction.Created))
            .Select(g => g.Key)
            .ToList();
        var relationRows = rows.Where(r => r.EntityType == nameof(ClaimRelation) && r.Action == ChangeAction.Created)
            .ToList();
        var relations = await db
            .Relations.AsNoTracking()
            .Where(r => relationRows.Select(x => x.EntityId).Contains(r.Id) && r.Type == RelationType.Contradicts)
            .ToListAsync(cancellationToken);
        var claims = await db
            .Claims.AsNoTracking()
            .Where(c =>
                claimIds.Contains(c.Id)
                || relations.Select(r => r.FromClaimId).Contains(c.Id)
                || relations.Select(r => r.ToClaimId).Contains(c.Id)
            )
            .Select(c => new ClaimFacts(c.Id, c.PropositionId, c.AssertedById, c.OnBehalfOfId, c.Summary))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var assessments = rows.Where(r => r.EntityType == "Proposition" && Assessment(r.Changes) is not null).ToList();

        var watched = claims
            .Values.SelectMany(c => new[] { c.AssertedById, c.OnBehalfOfId ?? c.AssertedById, c.PropositionId })
            .Concat(assessments.Select(a => a.EntityId))
            .Distinct()
            .ToList();
        var follows = await db
            .Follows.AsNoTracking()
            .Where(f => f.Active && watched.Contains(f.TargetId))
            .ToListAsync(cancellationToken);

        await SearchesAsync(claimIds, claims, authors, changedAt, cancellationToken);
        foreach (var id in created.Where(claims.ContainsKey))
        {
            var claim = claims[id];
            foreach (var follow in follows.Where(f => claim.Concerns(f)))
            {
                Add(
                    follow.UserId,
                    authors[id],
                    (changedAt[id], follow.Since),
                    follow.Target == FollowTarget.Actor
                        ? NotificationKind.ActorClaim
                        : NotificationKind.PropositionClaim,
                    $"claim:{id}",
                    $"New claim: {claim.Summary}",
                    $"/claims/{id}"
                );
            }
        }

        foreach (var relation in relations)
        {
            var row = relationRows.First(r => r.EntityId == relation.Id);
            if (
                !claims.TryGetValue(relation.FromClaimId, out var from)
                || !claims.TryGetValue(relation.ToClaimId, out var to)
            )
            {
                continue;
            }

            foreach (var follow in follows.Where(f => from.Concerns(f) || to.Concerns(f)))
            {
                Add(
                    follow.UserId,
                    new HashSet<string> { row.ChangedBy },
                    (row.ChangedAt, follow.Since),
                    NotificationKind.Contradiction,
                    $"contradiction:{relation.Id}",
                    $"New contradiction: “{from.Summary}” against “{to.Summary}”",
                    $"/claims/{from.Id}"
                );
            }
        }

        foreach (var row in assessments)
        {
            foreach (
                var follow in follows.Where(f => f.Target == FollowTarget.Proposition && f.TargetId == row.EntityId)
            )
            {
                Add(
                    follow.UserId,
                    new HashSet<string> { row.ChangedBy },
                    (row.ChangedAt, follow.Since),
                    NotificationKind.AssessmentChanged,
                    $"assessment:{row.Id}",
                    $"Assessment changed to {Assessment(row.Changes)}",
                    $"/propositions/{row.EntityId}"
                );
            }
        }

        return found;
    }

    /// <summary>Each followed saved search, run on the changed claims only.</summary>
    private async Task SearchesAsync(
        List<Guid> claimIds,
        Dictionary<Guid, ClaimFacts> claims,
        Dictionary<Guid, HashSet<string>> authors,
        Dictionary<Guid, DateTimeOffset> changedAt,
        CancellationToken cancellationToken
    )
    {
        if (claimIds.Count == 0)
        {
            return;
        }

        var searches = await db
            .SavedSearches.AsNoTracking()
            .Where(s => s.Notify && s.RemovedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var search in searches.Where(s => users.ContainsKey(s.UserId)))
        {
            // A search the database refuses aborts the matcher's transaction: a savepoint keeps it usable for the
            // searches after it and for storing what was found.
            var transaction = db.Database.CurrentTransaction;
            if (transaction is not null)
            {
                await transaction.CreateSavepointAsync(SearchSavepoint, cancellationToken);
            }

            IReadOnlySet<Guid> matches;
            try
            {
                matches = await ClaimSearchService.MatchingAsync(
                    db,
                    SavedQuery.Read(search.Query),
                    claimIds,
                    cancellationToken
                );
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (transaction is not null)
                {
                    await transaction.RollbackToSavepointAsync(SearchSavepoint, cancellationToken);
                }

                badSearch(search.Id, ex);
                continue;
            }

            if (transaction is not null)
            {
                await transaction.ReleaseSavepointAsync(SearchSavepoint, cancellationToken);
            }

            foreach (var id in matches.Where(claims.ContainsKey))
            {
                Add(
                    search.UserId,
                    authors[id],
                    (changedAt[id], search.CreatedAt),
                    NotificationKind.SearchMatch,
                    $"search:{search.Id}:claim:{id}",
                    $"“{search.Name}”: {claims[id].Summary}",
                    $"/claims/{id}"
                );
            }
        }
    }

    /// <param name="when">When the change was made, and when following began: what came before is not news.</param>
    private void Add(
        Guid user,
        IReadOnlySet<string> changedBy,
        (DateTimeOffset Changed, DateTimeOffset Since) when,
        NotificationKind kind,
        string key,
        string title,
        string link
    )
    {
        // Nobody is told of their own change; a disabled account is told nothing.
        if (!users.TryGetValue(user, out var name) || changedBy.All(by => by == name) || when.Changed < when.Since)
        {
            return;
        }

        if (found.Any(n => n.UserId == user && n.EventKey == key))
        {
            return;
        }

        found.Add(
            new Notification
            {
                UserId = user,
                Kind = kind,
                EventKey = key,
                Title =
                    title.Length > Notification.MaxTitleLength
                        ? title[..(Notification.MaxTitleLength - 1)] + "…"
                        : title,
                Link = link,
                CreatedAt = now,
            }
        );
    }

    /// <summary>The new assessment when a proposition's history row changed it, else null.</summary>
    private static string? Assessment(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return
            json.RootElement.TryGetProperty("Assessment", out var change)
            && change.TryGetProperty("after", out var after)
            && after.ValueKind == JsonValueKind.String
            ? after.GetString()
            : null;
    }

    private sealed record ClaimFacts(Guid Id, Guid PropositionId, Guid AssertedById, Guid? OnBehalfOfId, string Summary)
    {
        public bool Concerns(Follow follow) =>
            follow.Target == FollowTarget.Proposition
                ? follow.TargetId == PropositionId
                : follow.TargetId == AssertedById || follow.TargetId == OnBehalfOfId;
    }
}
