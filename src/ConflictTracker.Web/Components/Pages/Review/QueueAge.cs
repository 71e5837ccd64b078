namespace ConflictTracker.Web.Components.Pages.Review;

/// <summary>How long a queue item has waited, in words.</summary>
internal static class QueueAge
{
    public static string Of(DateTimeOffset since, DateTimeOffset now) =>
        (int)(now - since).TotalDays switch
        {
            < 1 => "since today",
            1 => "for 1 day",
            var days => $"for {days} days",
        };
}
