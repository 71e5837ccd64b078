using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Places;

/// <summary>A named place a claim concerns: Vladivostok, Kursk, the Sergeevka training ground.</summary>
public sealed class Place : Entity
{
    private Place(Guid id, string name, string? countryCode, double? latitude, double? longitude)
        : base(id)
    {
        Name = name;
        CountryCode = countryCode;
        Latitude = latitude;
        Longitude = longitude;
    }

    public string Name { get; private set; }

    public string? CountryCode { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public static Place Create(
        string? name,
        string? countryCode,
        double? latitude = null,
        double? longitude = null,
        Guid id = default
    )
    {
        var errors = new ValidationErrors();
        var placeName = errors.Check(() => Rules.RequiredText(name, nameof(Name), MaxLengths.Name));
        var country = errors.Check(() => Rules.CountryCode(countryCode, nameof(CountryCode)));
        if (latitude is null != longitude is null)
        {
            errors.Add(nameof(Latitude), "Give both latitude and longitude, or neither.");
        }

        if (latitude is < -90 or > 90)
        {
            errors.Add(nameof(Latitude), "Latitude must be between -90 and 90.");
        }

        if (longitude is < -180 or > 180)
        {
            errors.Add(nameof(Longitude), "Longitude must be between -180 and 180.");
        }

        errors.ThrowIfAny();
        return new Place(id, placeName!, country, latitude, longitude);
    }
}
