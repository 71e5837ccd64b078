using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConflictTracker.Web.Features.DemoData;

/// <summary>
/// The shape of Data/Seed/demo-data.json. Records refer to each other by readable keys
/// ("nis", "twz-budanov"); <see cref="DemoIds"/> turns each key into a stable id.
/// </summary>
public sealed record DemoDataFile(
    IReadOnlyList<DemoActor> Actors,
    IReadOnlyList<DemoAffiliation> Affiliations,
    IReadOnlyList<DemoPlace> Places,
    IReadOnlyList<DemoProposition> Propositions,
    IReadOnlyList<DemoSource> Sources,
    IReadOnlyList<DemoClaim> Claims
)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static async Task<DemoDataFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoDataFile>(stream, Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

public sealed record DemoAlias(string Name, string? Language);

public sealed record DemoActor(
    string Key,
    string Name,
    Domain.Actors.ActorKind Kind,
    string? Country,
    string? Description,
    Domain.Sources.ReliabilityGrade? Reliability,
    IReadOnlyList<DemoAlias>? Aliases,
    bool Collective = false
);

public sealed record DemoAffiliation(
    string Key,
    string Member,
    string Organisation,
    string Role,
    DateOnly? From,
    DateOnly? To,
    bool SpeaksFor
);

public sealed record DemoPlace(string Key, string Name, string? Country, double? Latitude, double? Longitude);

public sealed record DemoMeasure(string Key, string Name, string Unit);

public sealed record DemoProposition(
    string Key,
    string Statement,
    string? Description,
    IReadOnlyList<DemoMeasure>? Measures
);

public sealed record DemoSource(
    string Key,
    Domain.Sources.SourceKind Kind,
    string Title,
    string? Url,
    string? Publisher,
    string? Published,
    DateOnly? Retrieved,
    string? Language,
    string? ArchiveUrl,
    Domain.Sources.ReliabilityGrade? Reliability
);

public sealed record DemoPeriod(string Start, string? End);

public sealed record DemoQuote(string Text, string Language, string? Translation, string? TranslationLanguage);

public sealed record DemoQuantity(string Measure, decimal Min, decimal? Max, Domain.Claims.QuantityQualifier Qualifier);

public sealed record DemoCitation(
    string Key,
    string Source,
    Domain.Claims.CitationRole Role,
    string? Quote,
    string? Locator,
    string? DerivedFrom
);

public sealed record DemoClaim(
    string Key,
    string Proposition,
    string AssertedBy,
    string? OnBehalfOf,
    string Stated,
    DemoPeriod? Event,
    Domain.Claims.Stance Stance,
    string Summary,
    DemoQuote? Quote,
    DemoQuantity? Quantity,
    IReadOnlyList<string>? Places,
    IReadOnlyList<DemoCitation> Citations
);
