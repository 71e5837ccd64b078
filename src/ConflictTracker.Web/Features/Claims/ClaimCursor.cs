using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// A keyset pagination position: the sort key and id of a row. Opaque to users (base64url), it
/// survives rows being inserted between page loads, unlike an offset.
/// </summary>
public readonly record struct ClaimCursor(DateTimeOffset Key, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes($"{Key.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id:N}")
        );

    public static ClaimCursor Decode(string value, string field)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('.');
            if (
                parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id)
            )
            {
                return new ClaimCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            }
        }
        catch (FormatException) { }

        throw new DomainValidationException(
            field,
            "The page position in this link is not valid; start again from the first page."
        );
    }

    public static ClaimCursor FromDate(DateOnly date, Guid id) =>
        new(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), id);

    public DateOnly Date => DateOnly.FromDateTime(Key.UtcDateTime);
}
