using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConflictTracker.Web.Data.Saving;

/// <summary>
/// The transaction of a save that needs one (<see cref="SavePath"/>): the caller's when it opened
/// one, else one opened for this save alone and ended when the save ends, committed if it succeeded.
/// </summary>
internal static class SaveTransaction
{
    public static async Task BeginIfNoneAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            db.OwnSaveTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
    }

    /// <summary>Commits or rolls back the transaction this save opened; does nothing for the caller's
    /// transaction.</summary>
    public static async Task EndAsync(AppDbContext db, bool commit, CancellationToken cancellationToken)
    {
        if (db.OwnSaveTransaction is not { } own)
        {
            return;
        }

        db.OwnSaveTransaction = null;
        try
        {
            if (commit)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            // Disposing an uncommitted transaction rolls it back.
            await own.DisposeAsync();
        }
    }
}
