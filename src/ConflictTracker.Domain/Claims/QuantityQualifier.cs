namespace ConflictTracker.Domain.Claims;

/// <summary>
/// How a figure was hedged by whoever stated it. Each implies an interval of values the statement
/// allows; see <see cref="Quantity.ImpliedInterval"/> and docs/rules/qualifier-intervals.md.
/// </summary>
public enum QuantityQualifier
{
    /// <summary>"1,500", "between 1,500 and 2,000".</summary>
    Exact,

    /// <summary>"about", "around", "some", "roughly": ten per cent either side.</summary>
    Approximately,

    /// <summary>"nearly", "almost", "just under": up to ten per cent below, never above.</summary>
    Nearly,

    /// <summary>"at least", "more than", "over": the figure and anything above.</summary>
    AtLeast,

    /// <summary>"at most", "up to", "as many as": anything from zero to the figure.</summary>
    AtMost,
}
