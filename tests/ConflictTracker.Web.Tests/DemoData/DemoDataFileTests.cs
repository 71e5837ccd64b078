using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests.DemoData;

/// <summary>A broken demo file fails the whole load with the record named, and stores nothing.</summary>
public class DemoDataFileTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.json");

    [Theory]
    [InlineData(
        "\"min\": 1500, \"qualifier\": \"Nearly\"",
        "\"min\": 1500, \"max\": 1000, \"qualifier\": \"Exact\"",
        "claim 'nis-1500-vladivostok'"
    )]
    [InlineData(
        "\"start\": \"2024-10-08\", \"end\": \"2024-10-13\"",
        "\"start\": \"2024-10-13\", \"end\": \"2024-10-08\"",
        "cannot end"
    )]
    [InlineData(
        "\"url\": \"https://pic.twitter.com/RL0gummFPu\"",
        "\"url\": \"javascript:alert(1)\"",
        "source 'social-first-video'"
    )]
    [InlineData("\"assertedBy\": \"peskov\"", "\"assertedBy\": \"nobody\"", "unknown actor 'nobody'")]
    [InlineData(
        "\"key\": \"howell-engineers\"",
        "\"key\": \"howell-cannot-rule-out\"",
        "claim key 'howell-cannot-rule-out' is used twice"
    )]
    public async Task BrokenRecordFailsTheLoadAndStoresNothing(string original, string broken, string expectedMessage)
    {
        var text = await File.ReadAllTextAsync(DemoDataLoader.DefaultPath);
        text.Should().Contain(original);
        await File.WriteAllTextAsync(path, text.Replace(original, broken, StringComparison.Ordinal));
        var loader = new DemoDataLoader(
            fixture.Database.ContextFactory,
            TimeProvider.System,
            NullLogger<DemoDataLoader>.Instance
        );

        var act = () => loader.LoadAsync(path);

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain(expectedMessage);
        (
            await fixture.Database.ScalarAsync<long>(
                "SELECT (SELECT count(*) FROM actors) + (SELECT count(*) FROM claims)"
            )
        )
            .Should()
            .Be(0);
    }

    public void Dispose()
    {
        File.Delete(path);
        GC.SuppressFinalize(this);
    }
}
