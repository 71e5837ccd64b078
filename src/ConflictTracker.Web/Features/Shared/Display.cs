using System.Text;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>How enum names read in the UI: "IntelligenceService" as "intelligence service".</summary>
public static class Display
{
    public static string Words(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The same words with a capital first letter, for labels and chips: "First report".</summary>
    public static string Label(string name)
    {
        var words = Words(name);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

/// <summary>The Admiralty scales, spelled out.</summary>
public static class Reliability
{
    public static string Describe(ReliabilityGrade grade) =>
        grade switch
        {
            ReliabilityGrade.A => "A · completely reliable",
            ReliabilityGrade.B => "B · usually reliable",
            ReliabilityGrade.C => "C · fairly reliable",
            ReliabilityGrade.D => "D · not usually reliable",
            ReliabilityGrade.E => "E · unreliable",
            _ => "F · cannot be judged",
        };

    public static string Describe(Credibility rating) => $"{(int)rating} · {Display.Words(rating.ToString())}";
}
