using ConflictTracker.Domain.Claims;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>
/// A proposition's support in plain sentences (docs/rules/origin-counting.md, "In plain words"): the three
/// levels (independent voices, original statements, sources) said the way a reader outside the tool
/// reads them, "Backed by 3 independent voices: 4 original statements, carried by 6 sources."
/// </summary>
public static class SupportWording
{
    /// <summary>One stance's support as a sentence, with why the three figures differ when they do.</summary>
    public static string Sentence(StanceSupport support)
    {
        var sentence =
            $"{Verb(support.Stance)} {Count(support.IndependentVoices, "independent voice")}: "
            + $"{Count(support.OriginDocuments, "original statement")}, carried by {Count(support.Reports, "source")}.";
        if (support.OriginDocuments > support.IndependentVoices)
        {
            sentence += " A voice that spoke more than once counts once.";
        }

        if (support.Reports > support.OriginDocuments)
        {
            sentence += " Sources passing on the same statement count once.";
        }

        return sentence;
    }

    /// <summary>Every stance's voices in one line, "Backed by 9 independent voices; denied by 3."; "No published
    /// claim yet." without any.</summary>
    public static string Summary(IReadOnlyList<StanceSupport> support)
    {
        var parts = support
            .Where(s => s.IndependentVoices > 0)
            .OrderBy(s => s.Stance)
            .Select(
                (s, i) =>
                    i == 0
                        ? $"{Verb(s.Stance)} {Count(s.IndependentVoices, "independent voice")}"
                        : $"{Verb(s.Stance).ToLowerInvariant()} {s.IndependentVoices}"
            )
            .ToList();
        return parts.Count == 0 ? "No published claim yet." : string.Join("; ", parts) + ".";
    }

    private static string Verb(Stance stance) =>
        stance switch
        {
            Stance.Affirms => "Backed by",
            Stance.Denies => "Denied by",
            Stance.Hedges => "Allowed for, without asserting it, by",
            _ => "Reported without taking a side by",
        };

    private static string Count(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";
}
