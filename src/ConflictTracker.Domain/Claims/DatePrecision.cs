namespace ConflictTracker.Domain.Claims;

/// <summary>How much of a date is known: "18 October 2024", "October 2024" or "2024".</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
