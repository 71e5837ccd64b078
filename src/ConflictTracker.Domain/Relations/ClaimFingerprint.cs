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
            ? $"{i.Low.ToString(CultureInfo.InvariantCulture)}..{i.High?.ToString(CultureInfo.InvariantCulture) ?? "inf"}"
            : "-";
        var canonical = string.Join('\u001f',
            facts.PropositionId, facts.Voice, facts.Stance, facts.StatedOn.ToIsoString(), period,
            facts.MeasureId?.ToString() ?? "-", interval, facts.Status, summary, quote ?? "-");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 16));
    }
}
