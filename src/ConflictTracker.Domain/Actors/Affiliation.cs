using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Actors;

/// <summary>
/// A member's role in an organisation over a period: Peskov as the Kremlin's spokesman, Kim Yong-hyun
/// as South Korea's defence minister from September 2024. When <see cref="SpeaksFor"/> is set, what the
/// member states in that period is attributable to the organisation.
/// </summary>
public sealed class Affiliation : Entity
{
    private Affiliation(
        Guid id,
        Guid memberId,
        Guid organisationId,
        string role,
        DateOnly? from,
        DateOnly? to,
        bool speaksFor
    )
        : base(id)
    {
        MemberId = memberId;
        OrganisationId = organisationId;
        Role = role;
        From = from;
        To = to;
        SpeaksFor = speaksFor;
    }

    public Guid MemberId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Role { get; private set; }

    /// <summary>First day in the role; null when not known.</summary>
    public DateOnly? From { get; private set; }

    /// <summary>Last day in the role; null while it lasts or when not known.</summary>
    public DateOnly? To { get; private set; }

    public bool SpeaksFor { get; private set; }

    public uint Version { get; private set; }

    public static Affiliation Create(
        Actor member,
        Actor organisation,
        string? role,
        DateOnly? from,
        DateOnly? to,
        bool speaksFor,
        Guid id = default
    )
    {
        var errors = new ValidationErrors();
        var roleText = errors.Check(() => Rules.RequiredText(role, nameof(Role), MaxLengths.Role));
        if (member.Id == organisation.Id)
        {
            errors.Add(nameof(OrganisationId), "An actor cannot be affiliated with itself.");
        }

        if (from is { } start && to is { } end && end < start)
        {
            errors.Add(
                nameof(To),
                $"The affiliation cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."
            );
        }

        errors.ThrowIfAny();
        return new Affiliation(id, member.Id, organisation.Id, roleText!, from, to, speaksFor);
    }

    /// <summary>True when the role was held on <paramref name="date"/> (open ends count as held).</summary>
    public bool IsHeldOn(DateOnly date) => IsHeldDuring(date, date);

    /// <summary>True when the role was held on some day of the span (a statement dated only "October 2024").</summary>
    public bool IsHeldDuring(DateOnly first, DateOnly last) =>
        (From is null || From <= last) && (To is null || first <= To);
}
