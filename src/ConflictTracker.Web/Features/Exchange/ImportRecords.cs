using System.Text.Json.Serialization;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>The kinds of record an import file holds (docs/import-export.md).</summary>
public enum RecordType
{
    Actor,
    Source,
    Proposition,
    Claim,
    Citation,
}

/// <summary>
/// One row of an import file. CSV columns and JSON properties have the same names. A reference
/// (<c>publisher</c>, <c>proposition</c>, <c>actor</c>, <c>claim</c>, <c>source</c>…) is an external id
/// given by this or an earlier import, or a ConflictTracker id.
/// </summary>
public abstract record ImportRecord
{
    /// <summary>Your system's id for the record: re-importing the same id updates the record instead of adding
    /// one.</summary>
    public string? ExternalId { get; init; }
}

public sealed record ActorRecord : ImportRecord
{
    public string? Name { get; init; }

    public string? Kind { get; init; }

    public string? CountryCode { get; init; }

    public string? Description { get; init; }

    public string? Reliability { get; init; }

    /// <summary>Other names, separated by "|": "Буданов|Budanow".</summary>
    public string? Aliases { get; init; }

    /// <summary>"true" for a collective or unidentified source (its claims never share a voice), "false" for not; empty
    /// keeps an existing actor's marking, and a new actor is not collective.</summary>
    [JsonConverter(typeof(TextOrBoolean))]
    public string? Collective { get; init; }
}

/// <summary>Reads a JSON boolean as its text ("true", "false"), so a JSON import may write <c>"collective": true</c> as
/// a CSV writes <c>true</c>.</summary>
internal sealed class TextOrBoolean : JsonConverter<string?>
{
    public override string? Read(
        ref System.Text.Json.Utf8JsonReader reader,
        Type typeToConvert,
        System.Text.Json.JsonSerializerOptions options
    ) =>
        reader.TokenType switch
        {
            System.Text.Json.JsonTokenType.True => "true",
            System.Text.Json.JsonTokenType.False => "false",
            System.Text.Json.JsonTokenType.Null => null,
            _ => reader.GetString(),
        };

    public override void Write(
        System.Text.Json.Utf8JsonWriter writer,
        string? value,
        System.Text.Json.JsonSerializerOptions options
    ) => writer.WriteStringValue(value);
}

public sealed record SourceRecord : ImportRecord
{
    public string? Kind { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Publisher { get; init; }

    public string? PublishedOn { get; init; }

    public string? Language { get; init; }

    public string? Reliability { get; init; }
}

public sealed record PropositionRecord : ImportRecord
{
    public string? Statement { get; init; }

    public string? Description { get; init; }

    /// <summary>Measures as "name:unit", separated by "|": "soldiers sent:soldiers|shells supplied:shells".</summary>
    public string? Measures { get; init; }
}

public sealed record ClaimRecord : ImportRecord
{
    public string? Proposition { get; init; }

    public string? Actor { get; init; }

    public string? OnBehalfOf { get; init; }

    public string? StatedOn { get; init; }

    public string? Stance { get; init; }

    public string? Summary { get; init; }

    public string? EventStart { get; init; }

    public string? EventEnd { get; init; }

    public string? QuoteText { get; init; }

    public string? QuoteLanguage { get; init; }

    public string? Translation { get; init; }

    public string? TranslationLanguage { get; init; }

    /// <summary>The name of one of the proposition's measures.</summary>
    public string? Measure { get; init; }

    public decimal? QuantityMin { get; init; }

    public decimal? QuantityMax { get; init; }

    public string? Qualifier { get; init; }

    public string? Status { get; init; }
}

public sealed record CitationRecord : ImportRecord
{
    public string? Claim { get; init; }

    public string? Source { get; init; }

    public string? Role { get; init; }

    public string? Quote { get; init; }

    public string? Locator { get; init; }
}

/// <summary>One refused row: where, which field, and why.</summary>
public sealed record ImportError(long Line, string? Field, string Message);

/// <summary>How far an import has read.</summary>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, long Rows, int Errors);

public sealed record ImportCounts(int Created, int Updated, int Unchanged);

/// <summary>
/// What an import did or would do. <see cref="Committed"/> is true only when every row was good and
/// it was not a dry run; otherwise nothing was stored.
/// </summary>
public sealed record ImportReport(
    bool DryRun,
    bool Committed,
    long Rows,
    IReadOnlyDictionary<RecordType, ImportCounts> Counts,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    TimeSpan Elapsed
)
{
    /// <summary>At most this many errors are listed; <see cref="ErrorCount"/> has them all.</summary>
    public const int MaxListedErrors = 1000;

    [JsonIgnore]
    public bool Ok => ErrorCount == 0;
}

public enum ImportFormat
{
    Csv,
    Json,
}
