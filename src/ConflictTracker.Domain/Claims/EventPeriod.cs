using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Claims;

/// <summary>
/// When the event a claim describes happened (8-13 October 2024), as opposed to when the claim was made.
/// Each end has its own precision. The period covers <see cref="PartialDate.Earliest"/> of its start to
/// <see cref="PartialDate.Latest"/> of its end, and may not end before it starts.
/// </summary>
public sealed class EventPeriod
{
    private EventPeriod(DateOnly startDate, DatePrecision startPrecision, DateOnly endDate, DatePrecision endPrecision)
    {
        StartDate = startDate;
        StartPrecision = startPrecision;
        EndDate = endDate;
        EndPrecision = endPrecision;
    }

    // Stored flat (four columns) rather than as two nested values: simpler SQL for overlap queries
    // and for the check constraint that mirrors the rule below.
    public DateOnly StartDate { get; private set; }

    public DatePrecision StartPrecision { get; private set; }

    public DateOnly EndDate { get; private set; }

    public DatePrecision EndPrecision { get; private set; }

    public PartialDate Start => PartialDate.Create(StartDate, StartPrecision);

    public PartialDate End => PartialDate.Create(EndDate, EndPrecision);

    /// <summary>A period; a single date when <paramref name="end"/> is null.</summary>
    public static EventPeriod Create(PartialDate start, PartialDate? end = null)
    {
        end ??= start;
        if (end.Latest < start.Earliest)
        {
            throw new DomainValidationException(
                "EventPeriod",
                $"The event period cannot end ({end}) before it starts ({start})."
            );
        }

        return new EventPeriod(start.Date, start.Precision, end.Date, end.Precision);
    }

    /// <summary>True when the two periods share at least one day.</summary>
    public bool Overlaps(EventPeriod other) => Start.Earliest <= other.End.Latest && other.Start.Earliest <= End.Latest;

    public override string ToString() => Start.Equals(End) ? Start.ToString() : $"{Start} – {End}";
}
