namespace ConflictTracker.Web.Data.Alerts;

/// <summary>Why a notification was made (docs/rules/alerts-and-comments.md).</summary>
public enum NotificationKind
{
    SearchMatch,
    ActorClaim,
    PropositionClaim,
    Contradiction,
    AssessmentChanged,
    Mention,
}

/// <summary>
/// One entry of a user's in-app notification list. <see cref="EventKey"/> names the event (a claim matching a saved
/// search, a relation, a history row, a comment): one notification per user and event, however often the matcher
/// sees it. Delivery state (read or not) is not a record, so it has no change history.
/// </summary>
public sealed class Notification
{
    public const int MaxTitleLength = 500;
    public const int MaxEventKeyLength = 200;

    public long Id { get; private set; }

    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public string EventKey { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The app address the notification opens ("/claims/…").</summary>
    public string Link { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>How far the alert matcher has read the change history (one row, <see cref="Matcher"/>).</summary>
public sealed class AlertCursor
{
    public const string Matcher = "matcher";

    public string Name { get; set; } = Matcher;

    public long LastChangeId { get; set; }
}
