using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConflictTracker.Domain.Relations;

/// <summary>
/// What a claim says, condensed to a short hash: the facts the candidate rules read (proposition,
/// voice, stance, statement date, event period, measure, implied interval, status) plus its wording
/// (summary and quote). A reviewer's dismissal remembers the fingerprints of both claims; the
/// candidate comes back only when one of them differs. Citations, places and credibility are left
/// out: adding a source or rating a claim does not change what it asserts.
/// </summary>
public static class ClaimFingerprint
{
    public static string Of(ClaimFacts facts, string summary, string? quote)
    {
        var period = facts.EventPeriod is { } p ? $"{p.Start.ToIsoString()}/{p.End.ToIsoString()}" : "-";
        var interval = facts.Interval is { } i
            ? $"{Canonical(i.Low)}..{(i.High is { } high ? Canonical(high) : "inf")}"
            : "-";
        var canonical = string.Join(
            '\u001f',
            facts.PropositionId,
            facts.Voice,
            facts.Stance,
            facts.StatedOn.ToIsoString(),
            period,
            facts.MeasureId?.ToString() ?? "-",
            interval,
            facts.Status,
            summary,
            quote ?? "-"
        );
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 16));
    }

    /// <summary>
    /// A figure's value without its scale: 3000 as written and 3000.0000 as read back from the
    /// database are the same figure, so a claim fingerprinted before and after a save stays the same.
    /// </summary>
    private static string Canonical(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
