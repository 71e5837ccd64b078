using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Claims;

/// <summary>
/// A figure as stated: a value (<see cref="Min"/> = <see cref="Max"/>) or a range, with the qualifier the
/// speaker used. The unit comes from the proposition's measure the claim counts. Figures are counts of
/// people, things or events, so they are never negative.
/// </summary>
public sealed class Quantity
{
    /// <summary>How far "about" reaches either side, and "nearly" below: ten per cent.</summary>
    public const decimal ApproximationMargin = 0.10m;

    /// <summary>Figures go up to a quadrillion, with at most four decimal places (the stored precision).</summary>
    public const decimal Largest = 1_000_000_000_000_000m;

    public const int MaxDecimalPlaces = 4;

    private Quantity(decimal min, decimal max, QuantityQualifier qualifier)
    {
        Min = min;
        Max = max;
        Qualifier = qualifier;
    }

    public decimal Min { get; private set; }

    public decimal Max { get; private set; }

    public QuantityQualifier Qualifier { get; private set; }

    public bool IsRange => Min != Max;

    public static Quantity Create(decimal min, decimal? max, QuantityQualifier qualifier)
    {
        Rules.Defined(qualifier, "Quantity.Qualifier");
        var upper = max ?? min;
        if (min < 0 || upper < 0)
        {
            throw new DomainValidationException("Quantity.Min", "A figure cannot be negative.");
        }

        if (min > Largest || upper > Largest)
        {
            throw new DomainValidationException(
                "Quantity.Max",
                $"A figure cannot exceed {ImpliedInterval.Format(Largest)}."
            );
        }

        if (min.Scale > MaxDecimalPlaces || upper.Scale > MaxDecimalPlaces)
        {
            throw new DomainValidationException(
                "Quantity.Min",
                $"A figure can have at most {MaxDecimalPlaces} decimal places."
            );
        }

        if (min > upper)
        {
            throw new DomainValidationException(
                "Quantity.Max",
                $"The range's minimum ({ImpliedInterval.Format(min)}) cannot exceed its maximum ({ImpliedInterval.Format(upper)})."
            );
        }

        if (
            min != upper
            && qualifier is QuantityQualifier.Nearly or QuantityQualifier.AtLeast or QuantityQualifier.AtMost
        )
        {
            throw new DomainValidationException(
                "Quantity.Qualifier",
                $"'{Describe(qualifier)}' applies to a single figure, not a range; enter one value."
            );
        }

        return new Quantity(min, upper, qualifier);
    }

    public static Quantity Exactly(decimal value) => Create(value, null, QuantityQualifier.Exact);

    /// <summary>
    /// The values the statement allows. Exact: the value or range itself. Approximately: ten per cent
    /// below the minimum to ten per cent above the maximum. Nearly: ten per cent below the value up to
    /// the value. At least: the value and up, unbounded. At most: zero to the value.
    /// </summary>
    public ImpliedInterval ImpliedInterval =>
        Qualifier switch
        {
            QuantityQualifier.Exact => new ImpliedInterval(Min, Max),
            QuantityQualifier.Approximately => new ImpliedInterval(
                Min * (1 - ApproximationMargin),
                Max * (1 + ApproximationMargin)
            ),
            QuantityQualifier.Nearly => new ImpliedInterval(Min * (1 - ApproximationMargin), Max),
            QuantityQualifier.AtLeast => new ImpliedInterval(Min, null),
            QuantityQualifier.AtMost => new ImpliedInterval(0, Max),
            _ => throw new InvalidOperationException($"Unknown qualifier {Qualifier}."),
        };

    /// <summary>The figure as the speaker put it, e.g. "nearly 1,500" or "1,500 to 2,000".</summary>
    public string ToString(string? unit)
    {
        var figure = IsRange
            ? $"{ImpliedInterval.Format(Min)} to {ImpliedInterval.Format(Max)}"
            : ImpliedInterval.Format(Min);
        var prefix = Qualifier == QuantityQualifier.Exact ? string.Empty : Describe(Qualifier) + " ";
        return string.IsNullOrEmpty(unit) ? prefix + figure : $"{prefix}{figure} {unit}";
    }

    public override string ToString() => ToString(null);

    public static string Describe(QuantityQualifier qualifier) =>
        qualifier switch
        {
            QuantityQualifier.Exact => "exactly",
            QuantityQualifier.Approximately => "about",
            QuantityQualifier.Nearly => "nearly",
            QuantityQualifier.AtLeast => "at least",
            QuantityQualifier.AtMost => "up to",
            _ => qualifier.ToString(),
        };
}
