using System.Globalization;

namespace ConflictTracker.Domain.Claims;

/// <summary>The values a stated figure allows. <see cref="High"/> is null when unbounded above ("at least").</summary>
public sealed record ImpliedInterval(decimal Low, decimal? High)
{
    /// <summary>True when some value satisfies both intervals, i.e. the two statements can both hold.</summary>
    public bool Overlaps(ImpliedInterval other) =>
        (High is null || other.Low <= High) && (other.High is null || Low <= other.High);

    public override string ToString() =>
        High is null ? $"{Format(Low)} or more" : $"{Format(Low)} to {Format(High.Value)}";

    /// <summary>"1,500", "4,800,000", "2.5": thousands separated, no trailing zeros.</summary>
    public static string Format(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
