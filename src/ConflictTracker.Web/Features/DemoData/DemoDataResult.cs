namespace ConflictTracker.Web.Features.DemoData;

/// <summary>How many records of each kind a load added; all zero when the data was already there.</summary>
public sealed record DemoDataResult(
    int Actors,
    int Affiliations,
    int Places,
    int Propositions,
    int Sources,
    int Claims,
    int Citations
)
{
    public int Total => Actors + Affiliations + Places + Propositions + Sources + Claims + Citations;
}
