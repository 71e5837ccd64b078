using System.Globalization;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>Dates as the edit forms write them.</summary>
public static class FormDates
{
    /// <summary>"2024-10-18", "2024-10" or "2024": how the form writes a partial date.</summary>
    public static string Text(PartialDate date) =>
        date.Precision switch
        {
            DatePrecision.Day => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision.Month => date.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => date.Date.ToString("yyyy", CultureInfo.InvariantCulture),
        };

    /// <summary>A day written "2024-10-18", or null when left empty; anything else is added to <paramref
    /// name="errors"/>.</summary>
    internal static DateOnly? Day(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (
            DateOnly.TryParseExact(
                text.Trim(),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var day
            )
        )
        {
            return errors.Check(() => (DateOnly?)Rules.InRange(day, field));
        }

        errors.Add(field, $"'{text.Trim()}' is not a date; write 2024-10-18.");
        return null;
    }
}
