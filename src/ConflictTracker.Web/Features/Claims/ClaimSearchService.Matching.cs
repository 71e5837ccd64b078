using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Claims;

public sealed partial class ClaimSearchService
{
    /// <summary>
    /// Which of <paramref name="among"/> the search matches, by the same rules as the explorer. No access check: the
    /// alert matcher runs it for a saved search's owner (docs/rules/alerts-and-comments.md).
    /// </summary>
    internal static async Task<IReadOnlySet<Guid>> MatchingAsync(
        AppDbContext db,
        ClaimQuery query,
        IReadOnlyCollection<Guid> among,
        CancellationToken cancellationToken
    )
    {
        var ids = among.ToArray();
        var result = new HashSet<Guid>();
        if (ids.Length == 0)
        {
            return result;
        }

        var (parts, _) = await PartsAsync(db, query, cancellationToken);
        foreach (var part in parts)
        {
            result.UnionWith(
                await part.Counted.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)
            );
        }

        return result;
    }
}
