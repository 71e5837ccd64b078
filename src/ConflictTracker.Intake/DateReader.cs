using System.Globalization;
using System.Text.RegularExpressions;
using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Intake;

/// <summary>A date found in the text, resolved against the article's date, and where it was.</summary>
public sealed record FoundDate(PartialDate Date, int Start, int End, bool Explicit);

/// <summary>A period of events: "between October 8 and October 13", "on November 1", "in January".</summary>
public sealed record FoundPeriod(PartialDate Start, PartialDate? End, int At);

/// <summary>
/// Reads dates as reporters write them and resolves relative ones against the article's date:
/// "on Tuesday" is the latest Tuesday on or before the publication day, "yesterday" the day before,
/// "last week" the month holding that week (the year when it spans two months), "in January" the
/// latest January on or before publication, "October 8" or "8 October" a day of the latest such
/// month, "September 2022" a month. An article dated only to a month resolves weekdays to that month.
/// </summary>
public static partial class DateReader
{
    private static readonly string[] Months =
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];

    private static readonly string[] Days =
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];

    public static int? MonthNumber(string word)
    {
        var w = word.Trim().TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (
                Months[i] == w
                || (
                    w.Length >= 3
                    && Months[i].StartsWith(w, StringComparison.Ordinal)
                    && w != "may"
                    && (w.Length == 3 || w == "sept")
                )
            )
            {
                return i + 1;
            }
        }

        return w == "may" ? 5 : null;
    }

    /// <summary>Every date expression in <paramref name="text"/> (offsets shifted by <paramref
    /// name="offset"/>).</summary>
    public static IEnumerable<FoundDate> Read(
        string text,
        PartialDate? articleDate,
        int offset = 0,
        bool nearest = false
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in Pattern().Matches(text))
        {
            var date = Resolve(m, articleDate, nearest);
            if (date is not null)
            {
                yield return new FoundDate(
                    date,
                    offset + m.Index,
                    offset + m.Index + m.Length,
                    m.Groups["month"].Success || m.Groups["month2"].Success
                );
            }
        }
    }

    private static PartialDate? Resolve(Match m, PartialDate? article, bool nearest)
    {
        var anchor = article?.Precision == DatePrecision.Day ? article.Date : (DateOnly?)null;
        if (m.Groups["month"].Success || m.Groups["month2"].Success)
        {
            var month = MonthNumber(m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value);
            if (month is null)
            {
                return null;
            }

            var dayText = m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value;
            int? day = dayText.Length > 0 ? int.Parse(dayText, CultureInfo.InvariantCulture) : null;
            var yearText = m.Groups["year"].Success ? m.Groups["year"].Value : m.Groups["year2"].Value;
            int year;
            if (yearText.Length > 0)
            {
                year = int.Parse(yearText, CultureInfo.InvariantCulture);
            }
            else if (article is not null)
            {
                var reference = article.Latest;
                year = reference.Year;
                if (nearest)
                {
                    // An event may lie ahead ("ready on November 1"): the year that puts the date nearest the article.
                    var candidates = new[] { year - 1, year, year + 1 };
                    year = candidates
                        .OrderBy(y => Math.Abs(new DateOnly(y, month.Value, 1).DayNumber - reference.DayNumber))
                        .First();
                }
                else if (
                    month > reference.Month
                    || (
                        month == reference.Month
                        && day is { } d
                        && d > reference.Day
                        && article.Precision == DatePrecision.Day
                    )
                )
                {
                    year--;
                }
            }
            else
            {
                return null;
            }

            if (day is { } dd)
            {
                return dd >= 1 && dd <= DateTime.DaysInMonth(year, month.Value)
                    ? PartialDate.Day(year, month.Value, dd)
                    : null;
            }

            return PartialDate.Month(year, month.Value);
        }

        if (m.Groups["weekday"].Success)
        {
            var wanted = Array.IndexOf(Days, m.Groups["weekday"].Value.ToLowerInvariant());
            if (anchor is { } a)
            {
                var current = ((int)a.DayOfWeek + 6) % 7;
                var back = (current - wanted + 7) % 7;
                if (m.Groups["last"].Success && back == 0)
                {
                    back = 7;
                }

                return PartialDate.Create(a.AddDays(-back), DatePrecision.Day);
            }

            return article;
        }

        var word = m.Groups["relative"].Value.ToLowerInvariant();
        word = Regex.Replace(word, @"\s+", " ");
        if (anchor is { } at)
        {
            return word switch
            {
                "yesterday" => PartialDate.Create(at.AddDays(-1), DatePrecision.Day),
                "today" or "on the day" => article,
                "last week" => Span(at.AddDays(-(((int)at.DayOfWeek + 6) % 7) - 7), 7),
                "this week" or "earlier this week" => Span(at.AddDays(-(((int)at.DayOfWeek + 6) % 7)), 7),
                "last month" => PartialDate.Month(at.AddMonths(-1).Year, at.AddMonths(-1).Month),
                "this month" or "earlier this month" => PartialDate.Month(at.Year, at.Month),
                "last year" => PartialDate.Year(at.Year - 1),
                "this year" or "earlier this year" => PartialDate.Year(at.Year),
                _ => null,
            };
        }

        if (article is not null)
        {
            return word switch
            {
                "last month" => PartialDate.Month(article.Date.AddMonths(-1).Year, article.Date.AddMonths(-1).Month),
                "last year" => PartialDate.Year(article.Date.Year - 1),
                "this year" or "earlier this year" => PartialDate.Year(article.Date.Year),
                "last week"
                or "this week"
                or "earlier this week"
                or "yesterday"
                or "today"
                or "this month"
                or "earlier this month" => article,
                _ => null,
            };
        }

        return null;
    }

    private static PartialDate Span(DateOnly first, int days)
    {
        var last = first.AddDays(days - 1);
        if (first.Month == last.Month)
        {
            return PartialDate.Month(first.Year, first.Month);
        }

        return first.Year == last.Year ? PartialDate.Year(first.Year) : PartialDate.Year(last.Year);
    }

    /// <summary>Event periods in a statement's content: "between X and Y", "from X to Y", "on X", "in X", "since
    /// X".</summary>
    public static FoundPeriod? Period(string content, PartialDate? articleDate)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Reports are mostly about what has happened: a date without a year is the latest one on or before
        // the article, unless the statement speaks of what is to come ("will be ready on November 1").
        var ahead = FuturePattern().IsMatch(content);
        var range = RangePattern().Match(content);
        if (range.Success)
        {
            var first = Read(range.Groups["a"].Value, articleDate, nearest: ahead).FirstOrDefault();
            var second = Read(range.Groups["b"].Value, articleDate, nearest: ahead).FirstOrDefault();
            if (second is null && first is null && range.Groups["bday"].Success)
            {
                return null;
            }

            // "between 8 and 13 October": the first day borrows the second's month.
            if (
                first is null
                && second is not null
                && int.TryParse(
                    range.Groups["a"].Value.Trim(),
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var d1
                )
                && second.Date.Precision == DatePrecision.Day
                && d1 >= 1
                && d1 <= second.Date.Date.Day
            )
            {
                first = second with { Date = PartialDate.Day(second.Date.Date.Year, second.Date.Date.Month, d1) };
            }

            if (first is not null && second is not null && first.Date.Earliest <= second.Date.Latest)
            {
                return new FoundPeriod(first.Date, second.Date, range.Index);
            }
        }

        var single = SinglePattern().Match(content);
        if (single.Success)
        {
            var date = Read(single.Groups["d"].Value, articleDate, nearest: ahead).FirstOrDefault();
            if (date is not null && date.Explicit)
            {
                return new FoundPeriod(date.Date, null, single.Index);
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"\b(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|,\d))?(?:,?\s+(?<year>(?:19|20)\d{2}))?"
            + @"|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+(?<year2>(?:19|20)\d{2}))?"
            + @"|(?:(?<last>[Ll]ast)\s+|[Oo]n\s+|[Tt]his\s+past\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + @"|(?<relative>(?i:yesterday|today|last\s+week|this\s+week|earlier\s+this\s+week|last\s+month|this\s+month|earlier\s+this\s+month|last\s+year|this\s+year|earlier\s+this\s+year)))\b",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();

    [GeneratedRegex(
        @"\b(?:will|would|shall|going to|expected to|plans? to|ready to|next|upcoming|coming)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex FuturePattern();

    [GeneratedRegex(
        @"\b(?i:between|from)\s+(?<a>.{1,30}?)\s+(?i:and|to|until|till)\s+(?<b>(?<bday>\d{1,2})?.{0,30}?(?:\d{4}|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}\b)?))",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex RangePattern();

    [GeneratedRegex(
        @"\b(?i:on|in|since|by|from)\s+(?<d>(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?))\b",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex SinglePattern();
}
