using System.Globalization;

namespace ConflictTracker.Web.Components.Shared;

/// <summary>Linear scales and ticks for the server-rendered SVG charts.</summary>
internal static class ChartScale
{
    public static readonly string[] Palette =
    [
        "#1f77b4",
        "#d62728",
        "#2ca02c",
        "#9467bd",
        "#8c564b",
        "#e377c2",
        "#ff7f0e",
        "#17becf",
    ];

    public static double Map(double value, double domainMin, double domainMax, double rangeMin, double rangeMax) =>
        domainMax <= domainMin
            ? (rangeMin + rangeMax) / 2
            : rangeMin + ((value - domainMin) / (domainMax - domainMin) * (rangeMax - rangeMin));

    public static double Days(DateOnly date) => date.DayNumber;

    /// <summary>A round upper bound at or above <paramref name="value"/> (1, 2 or 5 times a power of ten).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1d, 2d, 5d, 10d })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    public static string Number(double value) =>
        value >= 1_000_000
            ? (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M"
            : value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>First days of months between the two dates, thinned to at most <paramref name="most"/>.</summary>
    public static IReadOnlyList<DateOnly> MonthTicks(DateOnly from, DateOnly to, int most = 8)
    {
        var months = new List<DateOnly>();
        for (
            var month = new DateOnly(from.Year, from.Month, 1).AddMonths(from.Day > 1 ? 1 : 0);
            month <= to;
            month = month.AddMonths(1)
        )
        {
            months.Add(month);
        }

        var every = Math.Max(1, (int)Math.Ceiling(months.Count / (double)most));
        return months.Where((_, i) => i % every == 0).ToList();
    }
}
