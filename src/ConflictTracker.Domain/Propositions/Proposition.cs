using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Propositions;

/// <summary>
/// What claims are about, phrased neutrally: "North Korean troops are deployed to Russia for the war
/// against Ukraine". Claims affirm, deny or hedge it; its measures let numeric claims be compared.
/// </summary>
public sealed class Proposition : Entity
{
    private readonly List<Measure> measures = [];

    private Proposition(Guid id, string statement, string? description)
        : base(id)
    {
        Statement = statement;
        Description = description;
        Assessment = Assessment.Unverified;
    }

    public string Statement { get; private set; }

    public string? Description { get; private set; }

    public Assessment Assessment { get; private set; }

    public string? AssessmentRationale { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<Measure> Measures => measures.AsReadOnly();

    public static Proposition Create(string? statement, string? description = null, Guid id = default)
    {
        var errors = new ValidationErrors();
        var text = errors.Check(() => Rules.RequiredText(statement, nameof(Statement), MaxLengths.Title));
        var about = errors.Check(() => Rules.OptionalText(description, nameof(Description), MaxLengths.Note));
        errors.ThrowIfAny();
        return new Proposition(id, text!, about);
    }

    /// <summary>Rewords the proposition, by the same rules as <see cref="Create"/>.</summary>
    public void Revise(string? statement, string? description)
    {
        var valid = Create(statement, description, Id);
        Statement = valid.Statement;
        Description = valid.Description;
    }

    public Measure AddMeasure(string? name, string? unit, Guid id = default)
    {
        var errors = new ValidationErrors();
        var measureName = errors.Check(() => Rules.RequiredText(name, "Measure.Name", MaxLengths.Name));
        var measureUnit = errors.Check(() => Rules.RequiredText(unit, "Measure.Unit", MaxLengths.Name));
        if (
            measureName is not null
            && measures.Any(m => string.Equals(m.Name, measureName, StringComparison.OrdinalIgnoreCase))
        )
        {
            errors.Add("Measure.Name", $"This proposition already has a measure named '{measureName}'.");
        }

        errors.ThrowIfAny();
        var measure = new Measure(id, Id, measureName!, measureUnit!);
        measures.Add(measure);
        return measure;
    }

    /// <summary>A reviewer's assessment; anything but Unverified needs a rationale.</summary>
    public void Assess(Assessment assessment, string? rationale)
    {
        var errors = new ValidationErrors();
        errors.Check(() => Rules.Defined(assessment, nameof(Assessment)));
        var why = errors.Check(() => Rules.OptionalText(rationale, nameof(AssessmentRationale), MaxLengths.Note));
        if (assessment != Assessment.Unverified && why is null)
        {
            errors.Add(nameof(AssessmentRationale), "Give the rationale for this assessment.");
        }

        errors.ThrowIfAny();
        Assessment = assessment;
        AssessmentRationale = why;
    }
}
