using System.Globalization;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Sources;
using Microsoft.AspNetCore.WebUtilities;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// The claims explorer's view state as a query string, both ways, so a filtered search is a link
/// an analyst can send and Back returns to the previous view. Parameter names are short and stable.
/// </summary>
public static class ClaimQueryString
{
    public const string Path = "/claims";

    /// <summary>The raw parameters as the page receives them.</summary>
    public sealed record Parameters(
        string? Text,
        string? Proposition,
        string? Actor,
        string? Country,
        string? Kind,
        string[]? Stance,
        string? StatedFrom,
        string? StatedTo,
        string? EventFrom,
        string? EventTo,
        string? Reliability,
        string? Credibility,
        string[]? Status,
        string? Quantity,
        string? Place,
        string? Sort,
        string? Size,
        string? After,
        string? Before
    );

    public static string ToUri(ClaimQuery query)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(name, value));
            }
        }

        Add("q", query.Text?.Trim());
        Add("proposition", query.PropositionId?.ToString());
        Add("actor", query.ActorId?.ToString());
        Add("country", query.ActorCountry);
        Add("kind", query.ActorKind?.ToString());
        foreach (var stance in query.Stances)
        {
            Add("stance", stance.ToString());
        }

        Add("stated-from", Date(query.StatedFrom));
        Add("stated-to", Date(query.StatedTo));
        Add("event-from", Date(query.EventFrom));
        Add("event-to", Date(query.EventTo));
        Add("reliability", query.MinReliability?.ToString());
        Add("credibility", query.MinCredibility is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) : null);
        foreach (var status in query.Statuses)
        {
            Add("status", status.ToString());
        }

        Add(
            "quantity",
            query.HasQuantity switch
            {
                true => "yes",
                false => "no",
                null => null,
            }
        );
        Add("place", query.PlaceId?.ToString());
        Add("sort", query.Sort == ClaimSort.NewestStatement ? null : query.Sort.ToString());
        Add(
            "size",
            query.PageSize == ClaimQuery.DefaultPageSize ? null : query.PageSize.ToString(CultureInfo.InvariantCulture)
        );
        Add("after", query.After);
        Add("before", query.Before);
        return QueryHelpers.AddQueryString(Path, pairs);
    }

    /// <summary>The same parameters from a request's query string (the API's <c>GET /api/v1/claims</c>); <c>cursor</c>
    /// is <c>after</c>.</summary>
    public static ClaimQuery FromQuery(IQueryCollection q)
    {
        string? One(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        string[]? Many(string name) =>
            q.TryGetValue(name, out var v) ? v.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray() : null;
        return Parse(
            new Parameters(
                One("q"),
                One("proposition"),
                One("actor"),
                One("country"),
                One("kind"),
                Many("stance"),
                One("stated-from"),
                One("stated-to"),
                One("event-from"),
                One("event-to"),
                One("reliability"),
                One("credibility"),
                Many("status"),
                One("quantity"),
                One("place"),
                One("sort"),
                One("size"),
                One("cursor") ?? One("after"),
                One("before")
            )
        );
    }

    /// <summary>Reads the parameters; anything that does not parse is reported by field, nothing is guessed.</summary>
    public static ClaimQuery Parse(Parameters p)
    {
        var errors = new ValidationErrors();
        var query = new ClaimQuery
        {
            Text = string.IsNullOrWhiteSpace(p.Text) ? null : p.Text.Trim(),
            PropositionId = Id(p.Proposition, "proposition", errors),
            ActorId = Id(p.Actor, "actor", errors),
            ActorCountry = errors.Check(() => Rules.CountryCode(p.Country, "country")),
            ActorKind = Enum<ActorKind>(p.Kind, "kind", errors),
            Stances = (p.Stance ?? [])
                .Select(s => Enum<Stance>(s, "stance", errors))
                .OfType<Stance>()
                .Distinct()
                .ToList(),
            StatedFrom = DateParam(p.StatedFrom, "stated-from", errors),
            StatedTo = DateParam(p.StatedTo, "stated-to", errors),
            EventFrom = DateParam(p.EventFrom, "event-from", errors),
            EventTo = DateParam(p.EventTo, "event-to", errors),
            MinReliability = Enum<ReliabilityGrade>(p.Reliability, "reliability", errors),
            MinCredibility = CredibilityParam(p.Credibility, errors),
            Statuses = (p.Status ?? [])
                .Select(s => Enum<ClaimStatus>(s, "status", errors))
                .OfType<ClaimStatus>()
                .Distinct()
                .ToList(),
            HasQuantity = p.Quantity switch
            {
                null or "" => null,
                "yes" => true,
                "no" => false,
                _ => Invalid<bool?>(errors, "quantity", "Quantity must be 'yes' or 'no'."),
            },
            PlaceId = Id(p.Place, "place", errors),
            Sort = Enum<ClaimSort>(p.Sort, "sort", errors) ?? ClaimSort.NewestStatement,
            PageSize =
                string.IsNullOrEmpty(p.Size) ? ClaimQuery.DefaultPageSize
                : int.TryParse(p.Size, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size
                : Invalid<int>(errors, "size", "Page size must be a number."),
            After = string.IsNullOrEmpty(p.After) ? null : p.After,
            Before = string.IsNullOrEmpty(p.Before) ? null : p.Before,
        };
        errors.ThrowIfAny();
        return query;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Guid? Id(string? value, string field, ValidationErrors errors) =>
        string.IsNullOrEmpty(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : Invalid<Guid?>(errors, field, $"'{value}' is not a valid {field} id.");

    private static T? Enum<T>(string? value, string field, ValidationErrors errors)
        where T : struct, System.Enum =>
        string.IsNullOrEmpty(value) ? null
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
        && System.Enum.IsDefined(parsed)
        && !int.TryParse(value, out _)
            ? parsed
        : Invalid<T?>(
            errors,
            field,
            $"'{value}' is not a known {field}; use one of {string.Join(", ", System.Enum.GetNames<T>())}."
        );

    private static DateOnly? DateParam(string? value, string field, ValidationErrors errors) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
        : Invalid<DateOnly?>(errors, field, $"'{value}' is not a date; write it as 2024-10-18.");

    private static Credibility? CredibilityParam(string? value, ValidationErrors errors) =>
        string.IsNullOrEmpty(value) ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 6
            ? (Credibility)n
        : Invalid<Credibility?>(
            errors,
            "credibility",
            "Credibility is a number from 1 (confirmed) to 6 (cannot be judged)."
        );

    private static T Invalid<T>(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return default!;
    }
}
