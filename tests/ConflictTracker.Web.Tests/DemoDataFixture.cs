using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests;

/// <summary>A database of its own with the demo data loaded once, through the same loader run.sh uses.</summary>
public class DemoDataFixture : DatabaseFixture
{
    public DemoDataResult FirstLoad { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FirstLoad = await CreateLoader().LoadAsync();
    }

    public DemoDataLoader CreateLoader() =>
        new(Database.ContextFactory, TimeProvider.System, NullLogger<DemoDataLoader>.Instance);
}
