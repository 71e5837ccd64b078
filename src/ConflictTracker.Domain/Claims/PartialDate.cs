using System.Globalization;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Claims;

/// <summary>
/// A date known to a day, a month or a year. The stored date is always the first day of what is
/// known (October 2024 is stored as 2024-10-01), so ordering and comparisons work on the column alone;
/// <see cref="Earliest"/> and <see cref="Latest"/> give the span it covers.
/// </summary>
public sealed class PartialDate : IEquatable<PartialDate>
{
    private PartialDate(DateOnly date, DatePrecision precision)
    {
        Date = date;
        Precision = precision;
    }

    public DateOnly Date { get; private set; }

    public DatePrecision Precision { get; private set; }

    public DateOnly Earliest => Date;

    public DateOnly Latest =>
        Precision switch
        {
            DatePrecision.Day => Date,
            DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
            _ => new DateOnly(Date.Year, 12, 31),
        };

    public static PartialDate Day(int year, int month, int day) =>
        Create(new DateOnly(year, month, day), DatePrecision.Day);

    public static PartialDate Month(int year, int month) => Create(new DateOnly(year, month, 1), DatePrecision.Month);

    public static PartialDate Year(int year) => Create(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <remarks>
    /// No range check here: stored values are rebuilt through this factory, and a date saved before
    /// the range rule must still read. What people type goes through <see cref="Parse"/>, which checks it.
    /// </remarks>
    public static PartialDate Create(DateOnly date, DatePrecision precision) =>
        Rules.Defined(precision, nameof(Precision)) switch
        {
            DatePrecision.Day => new PartialDate(date, precision),
            DatePrecision.Month => new PartialDate(new DateOnly(date.Year, date.Month, 1), precision),
            _ => new PartialDate(new DateOnly(date.Year, 1, 1), precision),
        };

    /// <summary>Reads "2024-10-18" (day), "2024-10" (month) or "2024" (year).</summary>
    public static PartialDate Parse(string? text, string field)
    {
        var value = text?.Trim() ?? string.Empty;
        var formats = new (string Format, DatePrecision Precision)[]
        {
            ("yyyy-MM-dd", DatePrecision.Day),
            ("yyyy-MM", DatePrecision.Month),
            ("yyyy", DatePrecision.Year),
        };
        foreach (var (format, precision) in formats)
        {
            if (DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Create(Rules.InRange(date, field), precision);
            }
        }

        throw new DomainValidationException(field, $"'{value}' is not a date; write 2024-10-18, 2024-10 or 2024.");
    }

    public bool Equals(PartialDate? other) => other is not null && Date == other.Date && Precision == other.Precision;

    public override bool Equals(object? obj) => Equals(obj as PartialDate);

    public override int GetHashCode() => HashCode.Combine(Date, Precision);

    /// <summary>"18 Oct 2024", "Oct 2024" or "2024".</summary>
    public override string ToString() =>
        Precision switch
        {
            DatePrecision.Day => Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.Month => Date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
        };

    /// <summary>The ISO-like form <see cref="Parse"/> reads back.</summary>
    public string ToIsoString() =>
        Precision switch
        {
            DatePrecision.Day => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => Date.ToString("yyyy", CultureInfo.InvariantCulture),
        };
}
