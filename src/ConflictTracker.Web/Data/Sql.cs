using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Data;

/// <summary>SQL fragments for check constraints, so each rule is written once.</summary>
internal static class Sql
{
    /// <summary><c>column IN ('A', 'B', ...)</c> for every name of <typeparamref name="TEnum"/>.</summary>
    public static string In<TEnum>(string column)
        where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"'{n}'"))})";

    /// <summary>A partial date is stored as the first day of what is known: day 1 for a month, 1 January for a
    /// year.</summary>
    public static string PartialDateNormalised(string dateColumn, string precisionColumn) =>
        $"({precisionColumn} = 'Day' OR ({precisionColumn} = 'Month' AND extract(day FROM {dateColumn}) = 1) "
        + $"OR ({precisionColumn} = 'Year' AND extract(month FROM {dateColumn}) = 1 AND extract(day FROM {dateColumn}) = 1))";

    /// <summary>The last day a partial date covers.</summary>
    public static string PartialDateLatest(string dateColumn, string precisionColumn) =>
        $"CASE {precisionColumn} WHEN 'Day' THEN {dateColumn} "
        + $"WHEN 'Month' THEN ({dateColumn} + interval '1 month' - interval '1 day')::date "
        + $"ELSE make_date(extract(year FROM {dateColumn})::int, 12, 31) END";

    /// <summary>Each column's date, when there is one, lies in the years <see cref="Rules.MinYear"/> to <see
    /// cref="Rules.MaxYear"/> (a NULL passes).</summary>
    public static string InDateRange(params string[] columns) =>
        string.Join(
            " AND ",
            columns.Select(c => $"{c} BETWEEN DATE '{Rules.MinYear}-01-01' AND DATE '{Rules.MaxYear}-12-31'")
        );

    public const string HttpUrl = "~* '^https?://[^/\\s]+'";
}
