using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// The optional "reason for the change" an editor gives with a save (docs/rules/history.md): validated,
/// then kept on the context so the save path stores it with every change-history row of that save.
/// </summary>
internal static class ChangeReasons
{
    /// <summary>The field the reason is given in, in the forms and the API.</summary>
    public const string Field = "Reason";

    /// <summary>
    /// Checks <paramref name="reason"/> (trimmed, blank is none, at most <see cref="MaxLengths.ChangeReason"/>
    /// characters) and attributes it to the changes <paramref name="db"/> saves next. Refuses a bad
    /// reason before anything is saved.
    /// </summary>
    public static void Give(this AppDbContext db, string? reason) =>
        db.ChangeReason = Rules.OptionalText(reason, Field, MaxLengths.ChangeReason);
}
